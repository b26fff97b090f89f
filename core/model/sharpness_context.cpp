#include "core/model/sharpness_context.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

#include <opencv2/imgproc.hpp>

namespace twinsight::core {
namespace {

constexpr std::array<double, 2> kReblurSigmas{1.0, 2.0};
constexpr std::array<double, 3> kDetailedShares{0.10, 0.25, 1.0};
constexpr int kBlock = 32;
constexpr int kBlockStride = kBlock / 2;
// Kept energy above this reads as "no measurable width left to lose": the width estimate would run to infinity.
constexpr double kMostKeptEnergy = 0.999;
constexpr double kWidestEdge = 20.0;  // px, the valid range's largest blur

cv::Mat gradientEnergy(const cv::Mat& grey) {
    cv::Mat dx, dy;
    cv::Sobel(grey, dx, CV_32F, 1, 0);
    cv::Sobel(grey, dy, CV_32F, 0, 1);
    return dx.mul(dx) + dy.mul(dy);
}

// Sums of `energy` over the half-overlapping blocks (the whole image when it is smaller than one block).
std::vector<double> blockSums(const cv::Mat& energy) {
    cv::Mat sum;
    cv::integral(energy, sum, CV_64F);
    const int blockWidth = std::min(kBlock, energy.cols), blockHeight = std::min(kBlock, energy.rows);
    std::vector<double> sums;
    for (int y = 0; y + blockHeight <= energy.rows; y += kBlockStride) {
        for (int x = 0; x + blockWidth <= energy.cols; x += kBlockStride) {
            const int x1 = x + blockWidth, y1 = y + blockHeight;
            sums.push_back(sum.at<double>(y1, x1) - sum.at<double>(y, x1) - sum.at<double>(y1, x) +
                           sum.at<double>(y, x));
        }
    }
    return sums;
}

}  // namespace

std::vector<float> sharpnessContext(const cv::Mat& bgr) {
    cv::Mat grey8, grey;
    cv::cvtColor(bgr, grey8, cv::COLOR_BGR2GRAY);
    grey8.convertTo(grey, CV_32F);
    const std::vector<double> original = blockSums(gradientEnergy(grey));
    std::vector<std::size_t> byDetail(original.size());
    std::iota(byDetail.begin(), byDetail.end(), std::size_t{0});
    std::sort(byDetail.begin(), byDetail.end(),
              [&](std::size_t a, std::size_t b) { return original[a] > original[b]; });

    std::vector<float> context;
    for (double reblur : kReblurSigmas) {
        cv::Mat reblurred;
        cv::GaussianBlur(grey, reblurred, cv::Size(0, 0), reblur, reblur, cv::BORDER_REFLECT_101);
        const std::vector<double> kept = blockSums(gradientEnergy(reblurred));
        for (double share : kDetailedShares) {
            const auto count = std::max<std::size_t>(1, static_cast<std::size_t>(share * byDetail.size()));
            double before = 0.0, after = 0.0;
            for (std::size_t k = 0; k < count; ++k) before += original[byDetail[k]], after += kept[byDetail[k]];
            // A flat image keeps all its (zero) energy: as wide as can be told.
            const double ratio = before > 0.0 ? std::clamp(after / before, 0.0, kMostKeptEnergy) : kMostKeptEnergy;
            const double width = std::min(kWidestEdge, reblur * ratio / std::sqrt(1.0 - ratio * ratio));
            context.push_back(static_cast<float>(std::log1p(width)));
        }
    }
    return context;
}

}  // namespace twinsight::core
