#pragma once
// The work behind the image view, the preview, the sweep and the correlation tabs, as plain functions that run on
// a pool thread (see background.h) and return everything the UI thread needs to draw.

#include <QImage>
#include <QString>
#include <opencv2/core.hpp>
#include <string>
#include <vector>

#include "core/evaluation/analysis.h"
#include "core/model/trained_model.h"

namespace twinsight::ui {

// The selected image: large for the view, and at the working size for the preview of the transformation.
struct LoadedImage {
    QString path;
    QImage display;
    cv::Mat working;  // CV_8UC3 at the working size: what the network sees
};
LoadedImage loadSelectedImage(const QString& path, int displaySide, int workingSize);

struct SweepResult {
    QString path;
    std::vector<core::SweepRow> rows;
    core::ImageEstimate own;  // the image as it is
};
SweepResult computeSweep(const core::TrainedModel& model, const QString& path, int levels);

// Up to `maxImages` of `paths`, evenly spread, degraded at `levels` magnitudes: the correlation of a model opened
// from a file, whose held-out images are not known.
core::CorrelationStudy studyFolderImages(const core::TrainedModel& model, const std::vector<std::string>& paths,
                                         int maxImages, int levels);

// Magnitudes in a sweep: fine enough for a smooth curve, few enough to compute in well under a second.
inline constexpr int kSweepLevels = 21;
// Images and levels of the study of an opened model: about the size of a training's held-out set.
inline constexpr int kFolderStudyImages = 12;
inline constexpr int kStudyLevels = 8;

}  // namespace twinsight::ui
