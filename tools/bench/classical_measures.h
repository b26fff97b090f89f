#pragma once
// The classical, no-training measures Twinsight is compared with, each oriented to rise with its transformation.

#include <optional>
#include <string>

#include "core/evaluation/analysis.h"

namespace twinsight::bench {

struct ClassicalMeasure {
    std::string name;
    core::ImageMeasure measure;
};

// The measure for a transformation, if the literature has a standard one.
std::optional<ClassicalMeasure> classicalMeasureFor(const std::string& transform);

double laplacianVariance(const cv::Mat& bgr);
double meanV(const cv::Mat& bgr);
double rmsContrast(const cv::Mat& bgr);
// Immerkaer (1996), "Fast noise variance estimation": sigma from a Laplacian-difference mask.
double noiseSigma(const cv::Mat& bgr);

// The tilt of an image's dominant grid of lines, degrees counter-clockwise in -45..45 (structure tensor of the
// gradients, angles taken modulo 90 degrees).
double dominantOrientationDegrees(const cv::Mat& bgr);
// Mean step across the 8-px block edges of JPEG over the mean step between any two neighbours (1: no blocks).
double blockiness(const cv::Mat& bgr);

}  // namespace twinsight::bench
