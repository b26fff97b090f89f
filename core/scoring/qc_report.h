#pragma once
// The QC report a technician hands over: one self-contained HTML file (no scripts, no external files, images
// embedded) with the models and their validation figures, the score distribution per model, the series worst first,
// the flagged images with their estimates and focus maps, and the files that could not be read. Names only: paths
// and frame or slice numbers, never a header value.

#include <atomic>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "core/model/trained_model.h"
#include "core/scoring/file_scoring.h"
#include "core/scoring/series.h"
#include "core/sidecars/sidecar_ratings.h"

namespace twinsight::core {

// Flagged images shown with pictures, most severe first; the others are still listed, by name and estimates.
inline constexpr int kReportPictures = 300;

struct ReportModel {
    std::string file;  // the model file as the user named it
    ModelMetadata metadata;
};

struct ReportFlaggedImage {
    std::string image;
    std::vector<std::string> flaggedBy;  // the transformations whose rule holds
    double severity = 0.0;               // the largest excess over a threshold, as a share of that model's range
    cv::Mat thumbnail;                   // BGR, empty when not shown or not readable any more
    cv::Mat focusMap;                    // the first flagging model's map with one; may be empty
    std::string focusMapModel;
};

struct QcReport {
    std::string created;  // ISO 8601, UTC
    std::vector<ReportModel> models;
    MultiModelScores scores;
    std::vector<FlagRule> rules;
    std::vector<SeriesSummary> series;         // worst first, by the first model
    std::vector<ReportFlaggedImage> flagged;   // most severe first
};

using ReportProgress = std::function<void(int done, int total)>;

// Everything the report shows: series, flagged images (decoded again, small, with the first flagging model's focus
// map, for the kReportPictures most severe), flagged by `rules` as given (none: nothing flagged). Throws
// std::runtime_error("report cancelled") when `cancel` becomes true.
QcReport assembleQcReport(const std::vector<const TrainedModel*>& models, const std::vector<std::string>& modelFiles,
                          MultiModelScores scores, std::vector<FlagRule> rules, const ReportProgress& progress = {},
                          const std::atomic_bool* cancel = nullptr);

// The report as one HTML document (UTF-8), printable (to PDF too: each flagged image kept on one page).
std::string qcReportHtml(const QcReport& report);

}  // namespace twinsight::core
