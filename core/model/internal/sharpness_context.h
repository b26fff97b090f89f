#pragma once
// Whole-image sharpness statistics that blur models see beside each crop (Transform::globalContext): how wide the
// edges of the most detailed parts of the image are, measured by blurring them once more (docs/quality.md).

#include <vector>

#include <opencv2/core.hpp>

namespace twinsight::core {

// For re-blur sigmas of 0.5, 1, 2 and 4 px and the most detailed 5%, 10%, 25% and 100% of 32 px blocks
// (half-overlapping, ranked by gradient energy): the edge width implied by how much gradient energy the re-blur
// keeps, log(1 + px).
// An edge of width s keeps s / sqrt(s^2 + r^2) of its energy under a re-blur of r, whatever its contrast, so the
// values compare across photos where the energy itself (the variance of the Laplacian) follows the content.
inline constexpr int kSharpnessContextSize = 4 * 4;
// The size of the first blur context (re-blurs of 1 and 2 px over 10%, 25% and 100%): the first values of today's.
inline constexpr int kFirstSharpnessContextSize = 2 * 3;
std::vector<float> sharpnessContext(const cv::Mat& bgr);

}  // namespace twinsight::core
