#pragma once
// The work behind the image view, the preview, the sweep and the correlation tabs, as plain functions that run on
// a pool thread (see background.h) and return everything the UI thread needs to draw.

#include <QImage>
#include <QString>
#include <opencv2/core.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/evaluation/analysis.h"
#include "core/model/trained_model.h"

namespace twinsight::ui {

// The selected image, decoded once per selection at the view's size. The Image tab shows it; the Preview and the
// Sweep take their working-size copies from it, so neither decodes the file again.
struct SelectedImage {
    QString path;
    cv::Mat decoded;  // CV_8UC3, shorter side at most the display side
    int displaySide = 0;
    QImage display;
};
SelectedImage loadSelectedImage(const QString& path, int displaySide);

// `image` at `workingSize` (shorter side, never enlarged), as the network sees it: from the decoded copy, unless the
// working size is above the display side and the file has more pixels (then decoded again at that size).
cv::Mat workingCopy(const SelectedImage& image, int workingSize);

// `workingImage` (at the model's working size) with the model's focus map drawn over it (core::renderFocusMap).
// Throws std::invalid_argument when the model's transformation has no focus map.
QImage focusMapImage(const core::TrainedModel& model, const cv::Mat& workingImage);

struct SweepResult {
    QString path;
    std::vector<core::SweepRow> rows;
    core::ImageEstimate own;  // the image as it is
};
// `own`: the image's estimate when the folder's scores already hold it (no network pass for it then).
SweepResult computeSweep(const core::TrainedModel& model, const SelectedImage& image, int levels,
                         std::optional<core::ImageEstimate> own);

// Up to `maxImages` of `paths`, evenly spread, degraded at `levels` magnitudes: the correlation of a model opened
// from a file, whose held-out images are not known.
// `studied`, when given, gets the images the study ran on, by StudyRow::image.
core::CorrelationStudy studyFolderImages(const core::TrainedModel& model, const std::vector<std::string>& paths,
                                         int maxImages, int levels, std::vector<std::string>* studied = nullptr);

// Magnitudes in a sweep: fine enough for a smooth curve, few enough to compute in well under a second.
inline constexpr int kSweepLevels = 21;
// Images and levels of the study of an opened model: about the size of a training's held-out set.
inline constexpr int kFolderStudyImages = 12;
inline constexpr int kStudyLevels = 8;

}  // namespace twinsight::ui
