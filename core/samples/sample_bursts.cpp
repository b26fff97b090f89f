#include "core/samples/sample_bursts.h"

#include <algorithm>
#include <opencv2/imgproc.hpp>
#include <random>
#include <stdexcept>

namespace twinsight::core {

namespace {
constexpr int kMaxShots = 6;
const double kBlurSigmas[] = {0.5, 0.8, 1.2, 1.8, 2.5};
constexpr double kSigmaUnitSide = 256.0;
constexpr double kSmallestCrop = 0.88;
constexpr double kLargestCrop = 0.96;
}  // namespace

SampleBurst makeSampleBurst(const cv::Mat& photo, int count, std::uint64_t seed) {
    if (count < 2 || count > kMaxShots)
        throw std::invalid_argument("sample burst: " + std::to_string(count) + " shots; expected 2 to 6");
    if (photo.empty()) throw std::invalid_argument("sample burst: empty photo");
    std::mt19937_64 random(seed);
    std::vector<double> sigmas(std::begin(kBlurSigmas), std::end(kBlurSigmas));
    std::shuffle(sigmas.begin(), sigmas.end(), random);
    sigmas.resize(static_cast<std::size_t>(count - 1));
    sigmas.push_back(0.0);
    std::shuffle(sigmas.begin(), sigmas.end(), random);

    const cv::Size shotSize(cvRound(photo.cols * kSmallestCrop), cvRound(photo.rows * kSmallestCrop));
    const double unit = std::min(shotSize.width, shotSize.height) / kSigmaUnitSide;
    std::uniform_real_distribution<double> cropShare(kSmallestCrop, kLargestCrop);
    std::uniform_real_distribution<double> place(0.0, 1.0);
    SampleBurst burst;
    for (std::size_t i = 0; i < sigmas.size(); ++i) {
        const double share = cropShare(random);
        const cv::Size crop(cvRound(photo.cols * share), cvRound(photo.rows * share));
        const cv::Point corner(cvRound(place(random) * (photo.cols - crop.width)),
                               cvRound(place(random) * (photo.rows - crop.height)));
        cv::Mat shot;
        cv::resize(photo(cv::Rect(corner, crop)), shot, shotSize, 0, 0, cv::INTER_AREA);
        if (sigmas[i] > 0.0) cv::GaussianBlur(shot, shot, cv::Size(0, 0), sigmas[i] * unit);
        if (shot.channels() == 1) cv::cvtColor(shot, shot, cv::COLOR_GRAY2BGR);
        burst.shots.push_back(shot);
        burst.blurSigmas.push_back(sigmas[i]);
        if (sigmas[i] == 0.0) burst.sharpest = static_cast<int>(i);
    }
    return burst;
}

}  // namespace twinsight::core
