#include "core/training/trainer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>
#include <random>
#include <tuple>

#include "core/model/device.h"
#include "core/model/internal/trained_model_impl.h"
#include "core/model/network_backend.h"
#include "core/training/internal/batch_prefetcher.h"
#include "twinsight_version.h"

namespace twinsight::core {
namespace {

using Clock = std::chrono::steady_clock;

// Batches kept ready by the sampler thread: enough to hide a slow batch, few enough to keep memory small.
constexpr int kPrefetchDepth = 3;
// Validations during a run when the config asks for none in particular: enough for a live curve.
constexpr int kValidationsPerRun = 5;
// Pairs-per-second smoothing: weight of the newest step.
constexpr double kRateSmoothing = 0.1;

struct DataSplit {
    std::vector<cv::Mat> train, validation;
    std::vector<std::string> trainPaths, validationPaths;
};

DataSplit splitImages(const ImageSet& images, const TrainerConfig& config, const Transform& transform) {
    std::vector<std::size_t> usable;
    for (std::size_t i = 0; i < images.images.size(); ++i) {
        const cv::Mat& image = images.images[i];
        const bool bigEnough =
            transform.view() == View::WholeFrame || (image.cols >= config.inputSize && image.rows >= config.inputSize);
        if (bigEnough) usable.push_back(i);
    }
    const bool holdOut = config.valFraction > 0.0;
    if (usable.size() < (holdOut ? 2U : 1U)) {
        throw std::runtime_error("training needs at least " + std::string(holdOut ? "2 images" : "1 image") +
                                 " of at least " + std::to_string(config.inputSize) + " px, found " +
                                 std::to_string(usable.size()));
    }
    std::mt19937_64 random(config.seed);
    std::shuffle(usable.begin(), usable.end(), random);
    const std::size_t heldOut =
        holdOut ? std::clamp<std::size_t>(std::lround(config.valFraction * usable.size()), 1, usable.size() - 1) : 0;
    DataSplit split;
    for (std::size_t k = 0; k < usable.size(); ++k) {
        const std::size_t i = usable[k];
        const bool validation = k < heldOut;
        (validation ? split.validation : split.train).push_back(images.images[i]);
        (validation ? split.validationPaths : split.trainPaths).push_back(images.paths[i]);
    }
    if (split.validation.empty()) split.validation = split.train;
    return split;
}

double learningRateAt(double base, int step, int total) {
    // Cosine decay to 5% of the base rate: large steps early, fine ones when the ranking is nearly right.
    const double progress = total <= 1 ? 1.0 : double(step) / (total - 1);
    return base * (0.05 + 0.95 * 0.5 * (1.0 + std::cos(M_PI * progress)));
}

// Score difference asked for between the two ends of the range: wide enough that RankNet's sigmoid is sure of
// every pair far apart, so the two losses agree.
constexpr double kLinearScoreSpan = 8.0;

// The score difference asked of each pair: kLinearScoreSpan times its magnitude difference (as a share of the
// range). The linearity loss is the squared distance from it: scores that grow in proportion to the magnitude, on
// every image alike.
std::vector<float> linearTargets(const PairBatch& batch, const Range& range) {
    std::vector<float> wanted(batch.firstMagnitudes.size());
    const double scale = kLinearScoreSpan / (range.max - range.min);
    for (std::size_t i = 0; i < wanted.size(); ++i) {
        wanted[i] = static_cast<float>((batch.firstMagnitudes[i] - batch.secondMagnitudes[i]) * scale);
    }
    return wanted;
}

// Fewest images whose sweeps the calibration is fitted on, when the folder has that many.
constexpr std::size_t kCalibrationImages = 8;

// Pairs shown with each validation: enough to see right and wrong verdicts, few enough to draw at once.
constexpr int kPreviewPairs = 8;
// Magnitudes of the watched image's sweep at each validation: the desktop Sweep's own.
constexpr int kWatchedSweepLevels = 21;

class TrainingRun {
public:
    TrainingRun(const TrainerConfig& config, const Transform& transform, const DataSplit& data,
                const std::atomic_bool& cancel)
        : m_config(config),
          m_transform(transform),
          m_data(data),
          m_cancel(cancel),
          m_network(networkBackend().startTraining(config.effectiveArchitecture(),
                                                   resolveDeviceName(config.device) == "cuda", config.learningRate,
                                                   config.seed)) {}

    // The base of the learning-rate schedule, from the next step on.
    void setLearningRate(double rate) { m_learningRate = rate; }
    double learningRate() const { return m_learningRate; }
    // One optimisation step; returns the loss and keeps the batch's scores for previews.
    double step(const PairBatch& batch, int index);
    CorrelationStudy validate() { return study(m_data.validation); }
    // `image` swept across the range by the branch as it is now (raw scores), and its own score.
    std::pair<std::vector<SweepRow>, double> sweep(const cv::Mat& image);
    // Sweeps of `images` at the validation levels, scored by the branch as it is now.
    CorrelationStudy study(const std::vector<cv::Mat>& images);
    std::vector<PairPreview> previewLastBatch(const PairBatch& batch) const;
    bool onGpu() const { return m_network->onGpu(); }
    // The trained branch; the run is not used afterwards.
    std::unique_ptr<BranchNetwork> finish() { return m_network->finish(); }

private:
    const TrainerConfig& m_config;
    const Transform& m_transform;
    const DataSplit& m_data;
    const std::atomic_bool& m_cancel;
    std::unique_ptr<BranchOptimiser> m_network;
    ImageScorer scorer();

    std::vector<float> m_lastScores;  // first copies, then second copies
    double m_learningRate = m_config.learningRate;
};

double TrainingRun::step(const PairBatch& batch, int index) {
    const double linearityWeight = m_config.effectiveLinearityWeight();
    const std::vector<float> targets =
        linearityWeight > 0.0 ? linearTargets(batch, m_config.effectiveRange()) : std::vector<float>();
    StepLosses losses = m_network->step({batch.first, batch.second, batch.labels,
                                         learningRateAt(m_learningRate, index, m_config.totalSteps()), targets,
                                         linearityWeight});
    if (!std::isfinite(losses.rank) || !std::isfinite(losses.total)) {
        throw std::runtime_error("training diverged at step " + std::to_string(index + 1) +
                                 " (loss is not finite); try a lower learning rate");
    }
    m_lastScores = std::move(losses.scores);
    return losses.rank;  // the RankNet loss: log 2 means chance, whatever the linearity weight
}

ImageScorer TrainingRun::scorer() {
    return ImageScorer(
        m_transform, m_config.inputSize, m_transform.poolRule(), m_transform.contextSize(),
        [this](const InputBatch& batch) {
            if (m_cancel) throw TrainingCancelled();
            return m_network->score(batch);
        },
        m_transform.contextJoin() == ContextJoin::Alone);
}

CorrelationStudy TrainingRun::study(const std::vector<cv::Mat>& images) {
    return studyCorrelation(scorer(), images, m_config.effectiveRange(), m_config.validationLevels);
}

std::pair<std::vector<SweepRow>, double> TrainingRun::sweep(const cv::Mat& image) {
    const ImageScorer scoring = scorer();
    std::vector<SweepRow> rows = sweepImage(scoring, image, m_config.effectiveRange(), kWatchedSweepLevels);
    return {std::move(rows), scoring.score(image)};
}

std::vector<PairPreview> TrainingRun::previewLastBatch(const PairBatch& batch) const {
    std::vector<PairPreview> previews;
    const int count = std::min<int>(kPreviewPairs, static_cast<int>(batch.labels.size()));
    for (int i = 0; i < count && m_lastScores.size() == 2 * batch.labels.size(); ++i) {
        PairPreview preview;
        preview.first = batch.firstViews[i];
        preview.second = batch.secondViews[i];
        preview.firstMagnitude = batch.firstMagnitudes[i];
        preview.secondMagnitude = batch.secondMagnitudes[i];
        preview.firstMoreDegraded = batch.labels[i] > 0.5f;
        preview.firstScore = m_lastScores[i];
        preview.secondScore = m_lastScores[batch.labels.size() + i];
        previews.push_back(std::move(preview));
    }
    return previews;
}

ModelMetadata describeModel(const TrainerConfig& config, const Transform& transform) {
    ModelMetadata metadata;
    metadata.transform = transform.name();
    metadata.range = config.effectiveRange();
    metadata.unit = transform.unit();
    metadata.workingSize = config.workingSize;
    metadata.inputSize = config.inputSize;
    metadata.view = transform.view();
    metadata.pool = transform.poolRule();
    metadata.architecture = config.effectiveArchitecture();
    metadata.created = utcTimestamp();
    metadata.appVersion = kVersion;
    return metadata;
}

}  // namespace

void TrainerConfig::validate() const {
    const Transform& chosen = findTransform(transform);
    chosen.checkRange(effectiveRange());
    auto require = [](bool ok, const std::string& message) {
        if (!ok) throw std::invalid_argument(message);
    };
    require(!steps || *steps >= 1, "steps must be at least 1, got " + std::to_string(steps.value_or(0)));
    require(batchSize >= 1, "batch size must be at least 1, got " + std::to_string(batchSize));
    require(learningRate > 0.0 && std::isfinite(learningRate), "learning rate must be positive");
    require(inputSize >= 16, "input size must be at least 16 px, got " + std::to_string(inputSize));
    require(workingSize >= inputSize, "working size must be at least the input size");
    require(valFraction >= 0.0 && valFraction <= 0.9,
            "validation fraction must lie in 0..0.9, got " + std::to_string(valFraction));
    require(!crossImageShare || (*crossImageShare >= 0.0 && *crossImageShare <= 1.0),
            "cross-image share must lie in 0..1");
    require(!linearityWeight || (*linearityWeight >= 0.0 && std::isfinite(*linearityWeight)),
            "linearity weight must be 0 or more");
    require(threads >= 0, "threads must be at least 1 (or 0 for the default), got " + std::to_string(threads));
    require(validationLevels >= 2, "validation needs at least 2 levels");
}

int TrainerConfig::totalSteps() const {
    const int chosen = steps ? *steps : findTransform(transform).defaultSteps();
    return thorough ? chosen * kThoroughStepFactor : chosen;
}

ArchitectureSpec TrainerConfig::effectiveArchitecture() const {
    ArchitectureSpec spec = architecture;
    const Transform& chosen = findTransform(transform);
    spec.contextSize = chosen.contextSize();
    spec.contextJoin = chosen.contextJoin();
    return spec;
}

Range TrainerConfig::effectiveRange() const { return range ? *range : findTransform(transform).defaultRange(); }

double TrainerConfig::effectiveLinearityWeight() const {
    return linearityWeight ? *linearityWeight : findTransform(transform).defaultLinearityWeight();
}

double TrainerConfig::effectiveCrossImageShare() const {
    return crossImageShare ? *crossImageShare : findTransform(transform).defaultCrossImageShare();
}

Trainer::Trainer(TrainerConfig config) : m_config(std::move(config)) { m_config.validate(); }

namespace {

TrainingSummary summarise(const TrainerConfig& config, const DataSplit& data, const ImageSet& images,
                          const CorrelationStudy& validation, double seconds) {
    TrainingSummary summary;
    summary.steps = config.totalSteps();
    summary.batchSize = config.batchSize;
    summary.learningRate = config.learningRate;
    summary.crossImageShare = config.effectiveCrossImageShare();
    summary.linearityWeight = config.effectiveLinearityWeight();
    summary.seed = config.seed;
    summary.seconds = seconds;
    summary.pairsPerSecond = config.totalSteps() * config.batchSize / std::max(seconds, 1e-6);
    summary.trainImages = static_cast<int>(data.train.size());
    summary.validationImages = static_cast<int>(data.validationPaths.size());
    const std::size_t used = data.train.size() + data.validationPaths.size();
    summary.skippedFiles = static_cast<int>(images.skipped.size() + images.images.size() - used);
    summary.valPairAccuracy = validation.pairAccuracy;
    summary.valPearson = validation.pearson;
    summary.valSpearman = validation.spearman;
    summary.valPairAccuracyInterval = validation.pairAccuracyInterval;
    summary.valPearsonInterval = validation.pearsonInterval;
    summary.valSpearmanInterval = validation.spearmanInterval;
    return summary;
}

struct CalibrationFit {
    Calibration calibration;
    double heldOutError = std::nan("");  // median absolute error on held-out images, in the unit
    int images = 0;                      // images whose sweeps the calibration was fitted on
};

// A calibration fitted on the held-out sweeps, topped up with sweeps of training images when fewer than
// kCalibrationImages are held out: two images' sweeps gave a map that moved with every run.
CalibrationFit fitFinalCalibration(TrainingRun& run, const DataSplit& data, const CorrelationStudy& validation) {
    CalibrationFit fit;
    const bool heldOut = !data.validationPaths.empty();
    const std::size_t topUp = heldOut && data.validation.size() < kCalibrationImages
                                  ? std::min(kCalibrationImages - data.validation.size(), data.train.size())
                                  : 0;
    CorrelationStudy extra;
    if (topUp > 0) {
        extra = run.study(std::vector<cv::Mat>(data.train.begin(), data.train.begin() + static_cast<long>(topUp)));
    }
    fit.calibration = fitCalibration(topUp > 0 ? combinedRows(validation, extra) : validation);
    fit.images = validation.images + extra.images;
    if (heldOut) fit.heldOutError = heldOutEstimateError(validation, extra);
    return fit;
}

struct LoopResult {
    CorrelationStudy validation;   // the last one: the final step always validates
    double trainingSeconds = 0.0;  // optimisation only: validations are not training speed
    double finalLoss = 0.0;
};

// Waits while `control` pauses, then applies what it was asked to change; returns whether anything changed.
bool applyControl(TrainingControl* control, const std::atomic_bool& cancel, TrainingRun& run,
                  BatchPrefetcher& prefetcher, TrainingProgress& report) {
    if (!control) return false;
    const TrainingAdjustment change = control->beforeStep(cancel);
    if (cancel) throw TrainingCancelled();
    if (change.empty()) return false;
    if (change.learningRate) run.setLearningRate(*change.learningRate);
    if (change.batchSize) report.batchSize = *change.batchSize;
    if (change.crossImageShare) report.crossImageShare = *change.crossImageShare;
    if (change.batchSize || change.crossImageShare) prefetcher.reshape(report.batchSize, report.crossImageShare);
    report.learningRate = run.learningRate();
    return true;
}

LoopResult trainAllSteps(TrainingRun& run, BatchPrefetcher& prefetcher, const TrainerConfig& config,
                         const ProgressCallback& progress, const std::atomic_bool& cancel, TrainingControl* control) {
    const int interval = config.validationInterval > 0 ? config.validationInterval
                                                       : std::max(1, config.totalSteps() / kValidationsPerRun);
    LoopResult result;
    TrainingProgress report;
    report.totalSteps = config.totalSteps();
    report.learningRate = config.learningRate;
    report.batchSize = config.batchSize;
    report.crossImageShare = config.effectiveCrossImageShare();
    double wallSecondsPerStep = 0.0;  // smoothed, waiting for the sampler included: what the time left follows
    for (int step = 0; step < config.totalSteps(); ++step) {
        if (cancel) throw TrainingCancelled();
        report.adjusted = applyControl(control, cancel, run, prefetcher, report);
        const auto waitStart = Clock::now();
        const PairBatch batch = prefetcher.pop();
        report.batchSize = static_cast<int>(batch.labels.size());  // the batch as drawn, after any reshape
        const auto stepStart = Clock::now();
        report.loss = run.step(batch, step);
        const auto stepEnd = Clock::now();
        const double stepSeconds = std::chrono::duration<double>(stepEnd - stepStart).count();
        const double wallSeconds = std::chrono::duration<double>(stepEnd - waitStart).count();
        result.trainingSeconds += stepSeconds;
        report.elapsedSeconds = result.trainingSeconds;
        const double rate = double(batch.labels.size()) / std::max(stepSeconds, 1e-6);
        report.pairsPerSecond = step == 0 ? rate : (1 - kRateSmoothing) * report.pairsPerSecond + kRateSmoothing * rate;
        // The first batch waits for the sampler to start (and measure the images on a context grid): its pace
        // says nothing about the steps to come, so the time left starts from the optimisation rate.
        if (step == 0) {
            wallSecondsPerStep = stepSeconds;
        } else {
            wallSecondsPerStep = (1 - kRateSmoothing) * wallSecondsPerStep + kRateSmoothing * wallSeconds;
        }
        report.step = step + 1;
        // A network on the context alone optimises far faster than the sampler feeds it: the time left follows
        // the steps as they come, not the optimisation rate.
        report.etaSeconds = (config.totalSteps() - report.step) * wallSecondsPerStep;
        report.validated = report.step % interval == 0 || report.step == config.totalSteps();
        report.pairs.clear();
        report.watchedSweep.clear();
        if (report.validated) {
            result.validation = run.validate();
            report.valPairAccuracy = result.validation.pairAccuracy;
            report.valSpearman = result.validation.spearman;
            report.validation = result.validation;
            report.pairs = run.previewLastBatch(batch);
            const cv::Mat watched = control ? control->watched() : cv::Mat();
            if (!watched.empty()) std::tie(report.watchedSweep, report.watchedScore) = run.sweep(watched);
        }
        if (progress) progress(report);
    }
    result.finalLoss = report.loss;
    return result;
}

}  // namespace

TrainingOutcome Trainer::run(const ImageSet& images, const ProgressCallback& progress, const std::atomic_bool& cancel,
                             TrainingControl* control) {
    const Transform& transform = findTransform(m_config.transform);
    const DataSplit data = splitImages(images, m_config, transform);
    const int threads = m_config.threads > 0 ? m_config.threads : defaultThreadCount();
    setComputeThreads(threads);
    TrainingRun run(m_config, transform, data, cancel);
    PairSampler sampler(
        transform, data.train,
        {m_config.effectiveRange(), m_config.inputSize, m_config.batchSize, m_config.effectiveCrossImageShare(),
         m_config.seed, transform.contextJoin() == ContextJoin::Alone ? kPreviewPairs : -1});
    BatchPrefetcher prefetcher(sampler, kPrefetchDepth);
    LoopResult result = trainAllSteps(run, prefetcher, m_config, progress, cancel, control);
    auto impl = std::make_unique<TrainedModel::Impl>();
    impl->metadata = describeModel(m_config, transform);
    const CalibrationFit calibration = fitFinalCalibration(run, data, result.validation);
    impl->metadata.calibration = calibration.calibration;
    impl->metadata.training = summarise(m_config, data, images, result.validation, result.trainingSeconds);
    impl->metadata.training.valMedianAbsError = calibration.heldOutError;
    impl->metadata.training.calibrationImages = calibration.images;
    impl->metadata.training.device = run.onGpu() ? "cuda" : "cpu";
    impl->metadata.training.threads = threads;
    impl->metadata.training.finalLoss = result.finalLoss;
    impl->network = run.finish();
    return {TrainedModel(std::move(impl)), std::move(result.validation), data.trainPaths, data.validationPaths};
}

}  // namespace twinsight::core
