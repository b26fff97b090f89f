#pragma once
// The exact output formats that users' scripts and the benchmark rely on (issue "Core engine", CLI contract).

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/evaluation/analysis.h"
#include "core/model/model_metadata.h"
#include "core/scoring/bursts.h"
#include "core/scoring/file_scoring.h"
#include "core/scoring/series.h"

namespace twinsight::core {

// CSV `path,score,estimate,in_range`, rows sorted by imageNameLess.
std::string scoresCsv(std::vector<ScoredFile> scores);

// Several models: CSV `path,score_T,estimate_T,in_range_T,...` for each model's transformation T, in the order of
// `transforms`; rows sorted by imageNameLess. With one model it is scoresCsv's format, which scripts rely on.
// `damagedColumn` appends a last column `damaged` (true for an image whose data is damaged, scored as
// --accept-damaged asks); without it the header stays as it was.
// `bursts` (groupScoredImages of the same scores) appends `group` (1, 2, ... in capture order) and `best_in_group`
// (true or false) after everything else.
std::string multiModelScoresCsv(const MultiModelScores& scores, const std::vector<std::string>& transforms,
                                bool damagedColumn = false, const BurstGroups* bursts = nullptr);

// CSV `series,n_images,median_estimate,worst_estimate,worst_image,n_flagged`, in the order given (summariseSeries:
// worst series first).
std::string seriesCsv(const std::vector<SeriesSummary>& series);

// CSV `magnitude,score,estimate`.
std::string sweepCsv(const std::vector<SweepRow>& rows);

// {pearson, spearman, per_image_spearman, pair_accuracy, n_images, levels}, then the 90% bootstrap intervals
// pearson_low, pearson_high, spearman_low, spearman_high, pair_accuracy_low, pair_accuracy_high.
nlohmann::json studyJson(const CorrelationStudy& study);

// The `train` summary: transform, range, working_size, input_size, steps, seconds, pairs_per_second, device,
// threads, n_train_images, n_val_images, skipped, val_pair_accuracy, val_pearson, val_spearman, then
// val_pair_accuracy_low/high, val_pearson_low/high, val_spearman_low/high (90% bootstrap intervals over the held-out
// images), val_median_abs_error (in the unit) and n_calibration_images.
nlohmann::json trainingSummaryJson(const ModelMetadata& metadata);

// A CSV field, quoted when it holds a comma, quote or line break (RFC 4180).
std::string csvField(const std::string& text);

}  // namespace twinsight::core
