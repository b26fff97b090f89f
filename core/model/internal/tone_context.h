#pragma once
// Whole-image tone statistics that brightness and contrast models see beside each crop (Transform::globalContext):
// what one crop cannot tell, such as how much of the image is clipped or how wide its levels spread.

#include <array>
#include <vector>

#include <opencv2/core.hpp>

namespace twinsight::core {

// How many pixels of a CV_8UC3 image have each level of V (the largest of B, G and R) or of grey (their mean).
using LevelCounts = std::array<double, 256>;
LevelCounts valueLevels(const cv::Mat& bgr);
LevelCounts greyLevels(const cv::Mat& bgr);

// 16-bin histogram (square roots of the shares, which lift the small ones), the clipped shares at 0-1 and 254-255
// (square roots), the mean and the standard deviation, and the 1, 5, 25, 50, 75, 95 and 99th percentiles (levels
// centred like the pixels: level / 255 - 0.5).
inline constexpr int kToneContextSize = 16 + 2 + 2 + 7;
std::vector<float> toneContext(const LevelCounts& levels);

}  // namespace twinsight::core
