#pragma once
// Sweeps of one image over the magnitude range and correlation studies over held-out images, following the
// evaluation protocol of DESIGN.md.

#include <functional>
#include <vector>

#include <opencv2/core.hpp>

#include "core/calibration.h"
#include "core/image_scorer.h"

namespace twinsight::core {

// `levels` magnitudes evenly spaced from range.min to range.max inclusive (one level: the middle).
std::vector<double> evenlySpaced(const Range& range, int levels);

struct SweepRow {
    double magnitude = 0.0;
    double score = 0.0;
    double estimate = 0.0;  // calibrated; the score itself when there is no calibration
};

// Degrades `image` at each level and scores every copy.
std::vector<SweepRow> sweepImage(const ImageScorer& scorer, const cv::Mat& image, const Range& range, int levels,
                                 const Calibration& calibration = {});

struct StudyRow {
    int image = 0;
    double magnitude = 0.0;
    double score = 0.0;
};

struct CorrelationStudy {
    std::vector<StudyRow> rows;
    double pearson = 0.0;           // pooled over all (image, magnitude) rows
    double spearman = 0.0;          // pooled
    double perImageSpearman = 0.0;  // mean over images
    double pairAccuracy = 0.0;      // pooled over all row pairs with different magnitudes
    int images = 0;
    int levels = 0;
};

// Any per-image measure: the network's scorer, or a classical measure for comparison.
using ImageMeasure = std::function<std::vector<double>(const std::vector<cv::Mat>&)>;

// Degrades each image by `transform` at `levels` evenly spaced magnitudes, measures every copy, and reports the
// correlations of measure and magnitude.
CorrelationStudy studyCorrelation(const Transform& transform, const ImageMeasure& measure,
                                  const std::vector<cv::Mat>& images, const Range& range, int levels);

// The same with the network's scorer.
CorrelationStudy studyCorrelation(const ImageScorer& scorer, const std::vector<cv::Mat>& images, const Range& range,
                                  int levels);

// Calibration fitted on a study's rows.
Calibration fitCalibration(const CorrelationStudy& study);

}  // namespace twinsight::core
