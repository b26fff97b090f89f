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
    // The model file's training block holds every figure; the summary is its public subset.
    const nlohmann::json training = metadata.toJson().at("training");
    nlohmann::json summary = {{"transform", metadata.transform},
                              {"range", {metadata.range.min, metadata.range.max}},
                              {"working_size", metadata.workingSize},
                              {"input_size", metadata.inputSize}};
    for (const char* field : {"steps", "seconds", "pairs_per_second", "device", "threads", "n_train_images",
                              "n_val_images", "skipped", "val_pair_accuracy", "val_pearson", "val_spearman"}) {
        summary[field] = training.at(field);
    }
    return summary;
}

}  // namespace twinsight::core
