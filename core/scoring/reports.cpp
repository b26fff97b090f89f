#include "core/scoring/reports.h"

#include <algorithm>
#include <numeric>
#include <sstream>

#include "core/imageio/image_source.h"

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
    MultiModelScores asMulti;
    for (ScoredFile& file : scores) {
        asMulti.paths.push_back(std::move(file.path));
        asMulti.estimates.push_back({file.estimate});
    }
    return multiModelScoresCsv(asMulti, {""});
}

std::string multiModelScoresCsv(const MultiModelScores& scores, const std::vector<std::string>& transforms,
                                bool damagedColumn, const BurstGroups* bursts) {
    if (scores.paths.size() != scores.estimates.size()) throw std::invalid_argument("scores: paths and rows differ");
    if (bursts && (bursts->group.size() != scores.paths.size() || bursts->best.size() != scores.paths.size()))
        throw std::invalid_argument("scores: burst groups of other scores");
    const bool single = transforms.size() == 1;
    std::string csv = "path";
    for (const std::string& name : transforms) {
        const std::string suffix = single ? "" : "_" + name;
        csv += ",score" + suffix + ",estimate" + suffix + ",in_range" + suffix;
    }
    csv += damagedColumn ? ",damaged" : "";
    csv += bursts ? ",group,best_in_group\n" : "\n";
    std::vector<std::size_t> order(scores.paths.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return imageNameLess(scores.paths[a], scores.paths[b]); });
    for (std::size_t i : order) {
        if (scores.estimates[i].size() != transforms.size()) throw std::invalid_argument("scores: wrong row width");
        csv += csvField(scores.paths[i]);
        for (const ImageEstimate& e : scores.estimates[i]) {
            csv += "," + number(e.score) + "," + number(e.estimate) + "," + (e.inRange ? "true" : "false");
        }
        if (damagedColumn) csv += i < scores.damage.size() && !scores.damage[i].empty() ? ",true" : ",false";
        if (bursts) csv += "," + std::to_string(bursts->group[i] + 1) + (bursts->best[i] ? ",true" : ",false");
        csv += "\n";
    }
    return csv;
}

std::string seriesCsv(const std::vector<SeriesSummary>& series) {
    std::string csv = "series,n_images,median_estimate,worst_estimate,worst_image,n_flagged\n";
    for (const SeriesSummary& summary : series) {
        csv += csvField(summary.series) + "," + std::to_string(summary.images) + "," + number(summary.medianEstimate) +
               "," + number(summary.worstEstimate) + "," + csvField(summary.worstImage) + "," +
               std::to_string(summary.flagged) + "\n";
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
            {"levels", study.levels},
            {"pearson_low", study.pearsonInterval.low},
            {"pearson_high", study.pearsonInterval.high},
            {"spearman_low", study.spearmanInterval.low},
            {"spearman_high", study.spearmanInterval.high},
            {"pair_accuracy_low", study.pairAccuracyInterval.low},
            {"pair_accuracy_high", study.pairAccuracyInterval.high}};
}

nlohmann::json trainingSummaryJson(const ModelMetadata& metadata) {
    // The model file's training block holds every figure; the summary is its public subset.
    const nlohmann::json training = metadata.toJson().at("training");
    nlohmann::json summary = {{"transform", metadata.transform},
                              {"range", {metadata.range.min, metadata.range.max}},
                              {"working_size", metadata.workingSize},
                              {"input_size", metadata.inputSize}};
    for (const char* field :
         {"steps", "seconds", "pairs_per_second", "device", "threads", "n_train_images", "n_val_images", "skipped",
          "val_pair_accuracy", "val_pearson", "val_spearman", "val_pair_accuracy_low", "val_pair_accuracy_high",
          "val_pearson_low", "val_pearson_high", "val_spearman_low", "val_spearman_high", "val_median_abs_error",
          "n_calibration_images"}) {
        summary[field] = training.at(field);
    }
    return summary;
}

}  // namespace twinsight::core
