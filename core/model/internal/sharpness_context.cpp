#include "core/model/internal/sharpness_context.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <numeric>

#include <opencv2/imgproc.hpp>

namespace twinsight::core {
namespace {

// Each measurement: a re-blur sigma and the share of most detailed blocks it is taken over. The first six are those
// of the first blur models with a context (re-blurs of 1 and 2 px), in their order, so that such models read the
// first values of today's; then the most detailed 5% at 1 and 2 px, and re-blurs of 0.5 px (fine edges, small
// sigmas) and 4 px (wide edges, where 1 and 2 px keep nearly all the energy) over the four shares.
struct Measurement {
    double reblur;
    double share;
};
constexpr std::array<Measurement, kSharpnessContextSize> kMeasurements{{
    {1.0, 0.10},
    {1.0, 0.25},
    {1.0, 1.0},
    {2.0, 0.10},
    {2.0, 0.25},
    {2.0, 1.0},
    {1.0, 0.05},
    {2.0, 0.05},
    {0.5, 0.05},
    {0.5, 0.10},
    {0.5, 0.25},
    {0.5, 1.0},
    {4.0, 0.05},
    {4.0, 0.10},
    {4.0, 0.25},
    {4.0, 1.0},
}};
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

    std::map<double, std::vector<double>> keptByReblur;
    for (const Measurement& m : kMeasurements) {
        if (keptByReblur.count(m.reblur)) continue;
        cv::Mat reblurred;
        cv::GaussianBlur(grey, reblurred, cv::Size(0, 0), m.reblur, m.reblur, cv::BORDER_REFLECT_101);
        keptByReblur[m.reblur] = blockSums(gradientEnergy(reblurred));
    }
    std::vector<float> context;
    for (const Measurement& m : kMeasurements) {
        const std::vector<double>& kept = keptByReblur[m.reblur];
        const auto count = std::max<std::size_t>(1, static_cast<std::size_t>(m.share * byDetail.size()));
        double before = 0.0, after = 0.0;
        for (std::size_t k = 0; k < count; ++k) before += original[byDetail[k]], after += kept[byDetail[k]];
        // A flat image keeps all its (zero) energy: as wide as can be told, whatever the re-blur.
        const double ratio = before > 0.0 ? std::clamp(after / before, 0.0, kMostKeptEnergy) : kMostKeptEnergy;
        const double width = ratio >= kMostKeptEnergy
                                 ? kWidestEdge
                                 : std::min(kWidestEdge, m.reblur * ratio / std::sqrt(1.0 - ratio * ratio));
        context.push_back(static_cast<float>(std::log1p(width)));
    }
    return context;
}

}  // namespace twinsight::core
