#pragma once
// Bursts made from one photo, with a known sharpest shot: what the burst grouping and its "best of each group" are
// measured and tested on. Each shot is framed a little differently, as a hand-held burst is, and all but one are
// blurred by different amounts, as shake and missed focus blur them.

#include <cstdint>
#include <opencv2/core.hpp>
#include <vector>

namespace twinsight::core {

struct SampleBurst {
    std::vector<cv::Mat> shots;      // CV_8UC3, all of one size
    std::vector<double> blurSigmas;  // per shot, in pixels of a 256-pixel shorter side; one is 0
    int sharpest = 0;                // the shot with sigma 0
};

// `count` (2 to 6) shots of `photo`: crops of 88 to 96% of its sides at random places, brought to one size, blurred
// by a Gaussian of a distinct sigma from {0.5, 0.8, 1.2, 1.8, 2.5} (in 256-pixel units: the same look at any
// resolution), one shot left sharp, in a random order. The same seed gives the same burst. Throws
// std::invalid_argument for a count out of range or an empty photo.
SampleBurst makeSampleBurst(const cv::Mat& photo, int count, std::uint64_t seed);

}  // namespace twinsight::core
