#include "core/reports.h"

#include <algorithm>
#include <sstream>

namespace twinsight::core {
namespace {

std::string number(double value) {
    std::ostringstream text;
    text.precision(7);
    text << value;
    return text.str();
}

}  // namespace

std::string csvField(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

std::string scoresCsv(std::vector<ScoredFile> scores) {
    std::sort(scores.begin(), scores.end(), [](const ScoredFile& a, const ScoredFile& b) { return a.path < b.path; });
    std::string csv = "path,score,estimate,in_range\n";
    for (const ScoredFile& file : scores) {
        csv += csvField(file.path) + "," + number(file.estimate.score) + "," + number(file.estimate.estimate) + "," +
               (file.estimate.inRange ? "true" : "false") + "\n";
    }
    return csv;
}

std::string sweepCsv(const std::vector<SweepRow>& rows) {
    std::string csv = "magnitude,score,estimate\n";
    for (const SweepRow& row : rows) {
        csv += number(row.magnitude) + "," + number(row.score) + "," + number(row.estimate) + "\n";
    }
    return csv;
}

nlohmann::json studyJson(const CorrelationStudy& study) {
    return {{"pearson", study.pearson},
            {"spearman", study.spearman},
            {"per_image_spearman", study.perImageSpearman},
            {"pair_accuracy", study.pairAccuracy},
            {"n_images", study.images},
            {"levels", study.levels}};
}

nlohmann::json trainingSummaryJson(const ModelMetadata& metadata) {
    const TrainingSummary& t = metadata.training;
    return {{"transform", metadata.transform},
            {"range", {metadata.range.min, metadata.range.max}},
            {"working_size", metadata.workingSize},
            {"input_size", metadata.inputSize},
            {"steps", t.steps},
            {"seconds", t.seconds},
            {"pairs_per_second", t.pairsPerSecond},
            {"device", t.device},
            {"threads", t.threads},
            {"n_train_images", t.trainImages},
            {"n_val_images", t.validationImages},
            {"skipped", t.skippedFiles},
            {"val_pair_accuracy", t.valPairAccuracy},
            {"val_pearson", t.valPearson},
            {"val_spearman", t.valSpearman}};
}

}  // namespace twinsight::core
