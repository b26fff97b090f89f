#pragma once
// Sweeps of one image over the magnitude range and correlation studies over held-out images, following the
// evaluation protocol of DESIGN.md.

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

// Degrades each image at `levels` evenly spaced magnitudes, scores them all, and reports the correlations.
CorrelationStudy studyCorrelation(const ImageScorer& scorer, const std::vector<cv::Mat>& images, const Range& range,
                                  int levels);

// Calibration fitted on a study's rows.
Calibration fitCalibration(const CorrelationStudy& study);

}  // namespace twinsight::core
