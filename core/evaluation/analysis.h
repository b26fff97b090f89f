#pragma once
// Sweeps of one image over the magnitude range and correlation studies over held-out images, following the
// evaluation protocol of docs/design.md.

#include <functional>
#include <vector>

#include <opencv2/core.hpp>

#include "core/base/statistics.h"
#include "core/model/calibration.h"
#include "core/model/image_scorer.h"

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
    // 90% intervals from a bootstrap over the images (whole images are resampled, their rows together): where the
    // figure of another set of as many images like these falls 9 times in 10 (docs/quality.md, "How sure a figure
    // is").
    Interval pearsonInterval;
    Interval spearmanInterval;
    Interval pairAccuracyInterval;
};

// Below this many images a study's figures are rough: the interval spans most of the scale and the interface says
// so.
inline constexpr int kSteadyStudyImages = 8;

// Resamples behind each interval; fewer for large studies, where the intervals are narrow anyway.
inline constexpr int kBootstrapResamples = 1000;

// Fills the study's intervals: the figure plus the 5th and 95th percentiles of the difference between two
// independent bootstrap resamples of its images; deterministic.
void addBootstrapIntervals(CorrelationStudy& study);

// Median absolute error of calibrated estimates against the true magnitudes, in the transformation's unit.
double medianEstimateError(const CorrelationStudy& study, const Calibration& calibration);

// The same where the calibration is fitted on these images: each image's rows are estimated by a calibration
// fitted on the other images of `heldOut` and on `extra`, so that no image grades its own fit.
double heldOutEstimateError(const CorrelationStudy& heldOut, const CorrelationStudy& extra);

// A study over the images of `a` and then those of `b`, their rows renumbered; figures and intervals of both.
CorrelationStudy combinedRows(const CorrelationStudy& a, const CorrelationStudy& b);

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

// Figures (not intervals) of a study recomputed from its rows.
void computeFigures(CorrelationStudy& study);

// How often the scores order two copies of one image right, by how far apart their magnitudes are: where a
// ranker fails (the close pairs). One entry per distinct difference, smallest first.
struct DifferenceAccuracy {
    double difference = 0.0;  // |magnitude a - magnitude b|
    int pairs = 0;
    int right = 0;
    double accuracy() const { return pairs > 0 ? double(right) / pairs : 0.0; }
};
std::vector<DifferenceAccuracy> pairAccuracyByDifference(const CorrelationStudy& study);

}  // namespace twinsight::core
