#include "core/model/model_metadata.h"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <iomanip>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace twinsight::core {
namespace {}  // namespace

std::string toString(ContextJoin join) {
    switch (join) {
        case ContextJoin::LinearTerm:
            return "linear-term";
        case ContextJoin::Alone:
            return "alone";
        case ContextJoin::Head:
            break;
    }
    return "head";
}

ContextJoin contextJoinFromString(const std::string& text) {
    if (text == "head") return ContextJoin::Head;
    if (text == "linear-term") return ContextJoin::LinearTerm;
    if (text == "alone") return ContextJoin::Alone;
    throw std::invalid_argument("architecture: unknown context_join '" + text +
                                "' (expected head, linear-term or alone)");
}

namespace {

nlohmann::json architectureJson(const ArchitectureSpec& spec) {
    return {{"name", spec.name},
            {"input_channels", spec.inputChannels},
            {"widths", spec.widths},
            {"strides", spec.strides},
            {"head_width", spec.headWidth},
            {"context_size", spec.contextSize},
            {"context_join", toString(spec.contextJoin)}};
}

ArchitectureSpec architectureFromJson(const nlohmann::json& json) {
    ArchitectureSpec spec;
    spec.name = json.at("name").get<std::string>();
    spec.inputChannels = json.at("input_channels").get<int>();
    spec.widths = json.at("widths").get<std::vector<int>>();
    spec.strides = json.at("strides").get<std::vector<int>>();
    spec.headWidth = json.at("head_width").get<int>();
    spec.contextSize = json.value("context_size", 0);
    if (spec.contextSize < 0 || spec.contextSize > 1024) throw std::invalid_argument("architecture: bad context_size");
    spec.contextJoin = contextJoinFromString(json.value("context_join", std::string("head")));
    if (spec.widths.empty() || spec.widths.size() != spec.strides.size()) {
        throw std::invalid_argument("architecture: widths and strides must be non-empty lists of equal length");
    }
    return spec;
}

nlohmann::json trainingJson(const TrainingSummary& t) {
    return {{"steps", t.steps},
            {"batch_size", t.batchSize},
            {"learning_rate", t.learningRate},
            {"cross_image_share", t.crossImageShare},
            {"linearity_weight", t.linearityWeight},
            {"seed", t.seed},
            {"seconds", t.seconds},
            {"pairs_per_second", t.pairsPerSecond},
            {"device", t.device},
            {"threads", t.threads},
            {"n_train_images", t.trainImages},
            {"n_val_images", t.validationImages},
            {"skipped", t.skippedFiles},
            {"val_pair_accuracy", t.valPairAccuracy},
            {"val_pearson", t.valPearson},
            {"val_spearman", t.valSpearman},
            {"val_pair_accuracy_low", t.valPairAccuracyInterval.low},
            {"val_pair_accuracy_high", t.valPairAccuracyInterval.high},
            {"val_pearson_low", t.valPearsonInterval.low},
            {"val_pearson_high", t.valPearsonInterval.high},
            {"val_spearman_low", t.valSpearmanInterval.low},
            {"val_spearman_high", t.valSpearmanInterval.high},
            {"val_median_abs_error", t.valMedianAbsError},
            {"n_calibration_images", t.calibrationImages},
            {"final_loss", t.finalLoss}};
}

// A number that files written by earlier versions lack, or that is null (JSON has no NaN): NaN then.
double optionalNumber(const nlohmann::json& json, const char* field) {
    const auto found = json.find(field);
    return found == json.end() || !found->is_number() ? std::nan("") : found->get<double>();
}

TrainingSummary trainingFromJson(const nlohmann::json& json) {
    TrainingSummary t;
    t.steps = json.at("steps").get<int>();
    t.batchSize = json.at("batch_size").get<int>();
    t.learningRate = json.at("learning_rate").get<double>();
    t.crossImageShare = json.at("cross_image_share").get<double>();
    t.linearityWeight = json.value("linearity_weight", 0.0);
    t.seed = json.at("seed").get<std::uint64_t>();
    t.seconds = json.at("seconds").get<double>();
    t.pairsPerSecond = json.at("pairs_per_second").get<double>();
    t.device = json.at("device").get<std::string>();
    t.threads = json.at("threads").get<int>();
    t.trainImages = json.at("n_train_images").get<int>();
    t.validationImages = json.at("n_val_images").get<int>();
    t.skippedFiles = json.at("skipped").get<int>();
    t.valPairAccuracy = json.at("val_pair_accuracy").get<double>();
    t.valPearson = json.at("val_pearson").get<double>();
    t.valSpearman = json.at("val_spearman").get<double>();
    t.valPairAccuracyInterval = {optionalNumber(json, "val_pair_accuracy_low"),
                                 optionalNumber(json, "val_pair_accuracy_high")};
    t.valPearsonInterval = {optionalNumber(json, "val_pearson_low"), optionalNumber(json, "val_pearson_high")};
    t.valSpearmanInterval = {optionalNumber(json, "val_spearman_low"), optionalNumber(json, "val_spearman_high")};
    t.valMedianAbsError = optionalNumber(json, "val_median_abs_error");
    t.calibrationImages = json.value("n_calibration_images", 0);
    t.finalLoss = json.at("final_loss").get<double>();
    return t;
}

}  // namespace

nlohmann::json ModelMetadata::toJson() const {
    return {{"format_version", formatVersion},
            {"transform", transform},
            {"range", {range.min, range.max}},
            {"unit", unit},
            {"working_size", workingSize},
            {"input_size", inputSize},
            {"view", toString(view)},
            {"pool", toString(pool)},
            {"architecture", architectureJson(architecture)},
            {"calibration", calibration.toJson()},
            {"training", trainingJson(training)},
            {"created", created},
            {"app_version", appVersion}};
}

ModelMetadata ModelMetadata::fromJson(const nlohmann::json& json) {
    ModelMetadata metadata;
    try {
        metadata.formatVersion = json.at("format_version").get<int>();
        metadata.transform = json.at("transform").get<std::string>();
        const auto range = json.at("range").get<std::vector<double>>();
        if (range.size() != 2) throw std::invalid_argument("range must hold two numbers");
        metadata.range = {range[0], range[1]};
        metadata.unit = json.at("unit").get<std::string>();
        metadata.workingSize = json.at("working_size").get<int>();
        metadata.inputSize = json.at("input_size").get<int>();
        metadata.view = viewFromString(json.at("view").get<std::string>());
        metadata.pool = poolRuleFromString(json.at("pool").get<std::string>());
        metadata.architecture = architectureFromJson(json.at("architecture"));
        metadata.calibration = Calibration::fromJson(json.at("calibration"));
        metadata.training = trainingFromJson(json.at("training"));
        metadata.created = json.at("created").get<std::string>();
        metadata.appVersion = json.at("app_version").get<std::string>();
    } catch (const nlohmann::json::exception& error) {
        throw std::invalid_argument(std::string("metadata: ") + error.what());
    }
    return metadata;
}

namespace {

// "FIELD VALUE is outside LOW..HIGH" when the value is not within the bounds (NaN never is).
void requireWithin(const std::string& field, double value, double low, double high) {
    if (value >= low && value <= high) return;
    std::ostringstream text;
    text << std::setprecision(12) << field << " " << value << " is outside " << low << ".." << high;
    throw std::invalid_argument(text.str());
}

void requireFinite(const std::string& field, const std::vector<double>& values) {
    for (double value : values) {
        if (!std::isfinite(value)) throw std::invalid_argument(field + " holds a value that is not a finite number");
    }
}

void validateArchitecture(const ArchitectureSpec& spec, const Transform& transform) {
    if (spec.name != "convnet") throw std::invalid_argument("architecture.name '" + spec.name + "' is not convnet");
    requireWithin("architecture.input_channels", spec.inputChannels, 3, 3);
    requireWithin("architecture.widths' length", static_cast<double>(spec.widths.size()), 1, 16);
    for (int width : spec.widths) requireWithin("architecture.widths", width, 1, 1024);
    for (int stride : spec.strides) requireWithin("architecture.strides", stride, 1, 8);
    requireWithin("architecture.head_width", spec.headWidth, 1, 4096);
    // 0: crops alone, as files written before the field existed; otherwise the transformation's own count.
    const std::vector<int> earlier = transform.earlierContextSizes();
    if (spec.contextSize != 0 && spec.contextSize != transform.contextSize() &&
        std::find(earlier.begin(), earlier.end(), spec.contextSize) == earlier.end()) {
        throw std::invalid_argument("architecture.context_size " + std::to_string(spec.contextSize) +
                                    " does not match the " + transform.name() + " transformation's " +
                                    std::to_string(transform.contextSize()) + " context values");
    }
    if (spec.contextJoin == ContextJoin::Alone && spec.contextSize == 0) {
        throw std::invalid_argument("architecture.context_join alone needs context values (context_size is 0)");
    }
}

void validateCalibration(const Calibration& calibration, const Transform& transform) {
    if (calibration.empty()) throw std::invalid_argument("calibration.scores is empty");
    requireFinite("calibration.scores", calibration.knotScores());
    requireFinite("calibration.magnitudes", calibration.knotMagnitudes());
    const Range valid = transform.validRange();
    for (double magnitude : calibration.knotMagnitudes()) {
        requireWithin("calibration.magnitudes", magnitude, valid.min, valid.max);
    }
}

void validateTraining(const TrainingSummary& training) {
    requireWithin("training.steps", training.steps, 1, 1e9);
    requireWithin("training.batch_size", training.batchSize, 1, 1e9);
    requireWithin("training.threads", training.threads, 0, 1e6);
    requireWithin("training.n_train_images", training.trainImages, 0, 1e9);
    requireWithin("training.n_val_images", training.validationImages, 0, 1e9);
    requireWithin("training.skipped", training.skippedFiles, 0, 1e9);
    requireWithin("training.n_calibration_images", training.calibrationImages, 0, 1e9);
}

}  // namespace

void validateModelMetadata(const ModelMetadata& metadata) {
    requireWithin("format_version", metadata.formatVersion, 1, kModelFormatVersion);
    const Transform* transform = nullptr;
    try {
        transform = &findTransform(metadata.transform);
    } catch (const std::invalid_argument& error) {
        throw std::invalid_argument(std::string("transform: ") + error.what());
    }
    try {
        transform->checkRange(metadata.range);
    } catch (const std::invalid_argument& error) {
        throw std::invalid_argument(std::string("range: ") + error.what());
    }
    requireWithin("input_size", metadata.inputSize, kMinInputSize, kMaxInputSize);
    requireWithin("working_size", metadata.workingSize, metadata.inputSize, kMaxWorkingSize);
    validateArchitecture(metadata.architecture, *transform);
    validateCalibration(metadata.calibration, *transform);
    validateTraining(metadata.training);
}

double forwardFlopsPerSample(const ArchitectureSpec& spec, int inputSize) {
    const auto linear = [](double inputs, double outputs) { return 2.0 * inputs * outputs; };
    int headInputs = spec.widths.empty() ? spec.inputChannels : spec.widths.back();
    if (spec.contextJoin == ContextJoin::Head) headInputs += spec.contextSize;
    if (spec.contextJoin == ContextJoin::Alone) headInputs = spec.contextSize;
    const double head = linear(headInputs, spec.headWidth) + linear(spec.headWidth, 1);
    if (spec.contextJoin == ContextJoin::Alone) return head;
    double flops = head + (spec.contextJoin == ContextJoin::LinearTerm ? linear(spec.contextSize, 1) : 0.0);
    double side = inputSize;
    int channels = spec.inputChannels;
    for (std::size_t layer = 0; layer < spec.widths.size(); ++layer) {
        const int stride = layer < spec.strides.size() ? spec.strides[layer] : 1;
        side = std::floor((side - 1.0) / stride) + 1.0;  // 3x3, padding 1
        flops += side * side * linear(9.0 * channels, spec.widths[layer]);
        channels = spec.widths[layer];
    }
    return flops;
}

std::string utcTimestamp() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

}  // namespace twinsight::core
