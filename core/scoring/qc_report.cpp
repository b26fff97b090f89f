#include "core/scoring/qc_report.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <stdexcept>

#include "core/evaluation/focus_map.h"
#include "core/imageio/image_loading.h"
#include "core/model/model_metadata.h"

namespace twinsight::core {
namespace {

// The longer side of a picture in the report, px: readable printed two to a row.
constexpr int kPictureSide = 320;

cv::Mat pictureSized(const cv::Mat& image) {
    const int longer = std::max(image.cols, image.rows);
    if (longer <= kPictureSide) return image;
    const double scale = static_cast<double>(kPictureSide) / longer;
    cv::Mat small;
    cv::resize(image, small, cv::Size(std::max(1, cvRound(image.cols * scale)), std::max(1, cvRound(image.rows * scale))),
               0, 0, cv::INTER_AREA);
    return small;
}

// The flagged images with the models that flag them and how far, most severe first.
std::vector<ReportFlaggedImage> flaggedImages(const std::vector<const ModelMetadata*>& models,
                                              const MultiModelScores& scores, const std::vector<FlagRule>& rules) {
    std::vector<ReportFlaggedImage> flagged;
    for (std::size_t row = 0; row < scores.paths.size(); ++row) {
        if (scores.withoutDetail(row)) continue;  // an empty slice: its estimates say nothing
        ReportFlaggedImage image;
        image.image = scores.paths[row];
        for (std::size_t column = 0; column < models.size(); ++column) {
            const double estimate = scores.estimates[row][column].estimate;
            const Range& range = models[column]->range;
            bool holds = false;
            for (const FlagRule& rule : rules) {
                const double excess = rule.transform == models[column]->transform ? ruleExcess(rule, estimate) : 0.0;
                if (excess <= 0.0) continue;
                holds = true;
                image.severity = std::max(image.severity, excess / std::max(1e-12, range.max - range.min));
            }
            if (holds) image.flaggedBy.push_back(models[column]->transform);
        }
        if (!image.flaggedBy.empty()) flagged.push_back(std::move(image));
    }
    std::stable_sort(flagged.begin(), flagged.end(),
                     [](const ReportFlaggedImage& a, const ReportFlaggedImage& b) { return a.severity > b.severity; });
    return flagged;
}

// The picture of a flagged image and the first flagging model's focus map; a file that no longer reads keeps none.
void addPictures(ReportFlaggedImage& image, const std::vector<const TrainedModel*>& models) {
    const TrainedModel* mapModel = nullptr;
    for (const TrainedModel* model : models) {
        const bool flags = std::find(image.flaggedBy.begin(), image.flaggedBy.end(), model->metadata().transform) !=
                           image.flaggedBy.end();
        if (flags && hasFocusMap(*model)) {
            mapModel = model;
            break;
        }
    }
    try {
        if (mapModel == nullptr) {
            image.thumbnail = pictureSized(loadImage(image.image, kPictureSide));
            return;
        }
        const cv::Mat working = loadImage(image.image, mapModel->metadata().workingSize);
        image.thumbnail = pictureSized(working);
        image.focusMap =
            pictureSized(renderFocusMap(working, focusMap(*mapModel, working), mapModel->transform().noticeableMagnitude()));
        image.focusMapModel = mapModel->metadata().transform;
    } catch (const std::exception&) {
        image.thumbnail.release();  // changed or removed since it was scored: listed without a picture
        image.focusMap.release();
    }
}

}  // namespace

QcReport assembleQcReport(const std::vector<const TrainedModel*>& models, const std::vector<std::string>& modelFiles,
                          MultiModelScores scores, std::vector<FlagRule> rules, const ReportProgress& progress,
                          const std::atomic_bool* cancel) {
    if (models.empty() || models.size() != modelFiles.size()) {
        throw std::invalid_argument("assembleQcReport: one file name per model");
    }
    QcReport report;
    report.created = utcTimestamp();
    for (std::size_t i = 0; i < models.size(); ++i) report.models.push_back({modelFiles[i], models[i]->metadata()});
    std::vector<const ModelMetadata*> metadata;
    for (const ReportModel& model : report.models) metadata.push_back(&model.metadata);
    report.flagged = flaggedImages(metadata, scores, rules);
    std::set<std::string> flaggedNames;
    for (const ReportFlaggedImage& image : report.flagged) flaggedNames.insert(image.image);
    report.series = summariseSeries(scores, 0, metadata.front()->range, flaggedNames);
    const int pictures = std::min<int>(kReportPictures, static_cast<int>(report.flagged.size()));
    for (int i = 0; i < pictures; ++i) {
        if (cancel != nullptr && *cancel) throw std::runtime_error("report cancelled");
        addPictures(report.flagged[static_cast<std::size_t>(i)], models);
        if (progress) progress(i + 1, pictures);
    }
    report.rules = std::move(rules);
    report.scores = std::move(scores);
    return report;
}

}  // namespace twinsight::core
