#include "core/model/internal/tone_context.h"

#include <algorithm>
#include <cmath>

namespace twinsight::core {
namespace {

constexpr int kBins = 16;
constexpr std::array<double, 7> kPercentiles{1, 5, 25, 50, 75, 95, 99};

template <typename LevelOf>
LevelCounts countLevels(const cv::Mat& bgr, LevelOf levelOf) {
    LevelCounts counts{};
    for (int y = 0; y < bgr.rows; ++y) {
        const auto* row = bgr.ptr<cv::Vec3b>(y);
        for (int x = 0; x < bgr.cols; ++x) counts[levelOf(row[x])] += 1.0;
    }
    return counts;
}

float centred(double level) { return static_cast<float>(level / 255.0 - 0.5); }

}  // namespace

LevelCounts valueLevels(const cv::Mat& bgr) {
    return countLevels(bgr, [](const cv::Vec3b& p) { return std::max({p[0], p[1], p[2]}); });
}

LevelCounts greyLevels(const cv::Mat& bgr) {
    return countLevels(bgr, [](const cv::Vec3b& p) { return (p[0] + p[1] + p[2]) / 3; });
}

std::vector<float> toneContext(const LevelCounts& levels) {
    double pixels = 0.0, sum = 0.0, squares = 0.0;
    std::array<double, kBins> bins{};
    for (int v = 0; v < 256; ++v) {
        pixels += levels[v];
        sum += v * levels[v];
        squares += double(v) * v * levels[v];
        bins[v * kBins / 256] += levels[v];
    }
    std::vector<float> context;
    context.reserve(kToneContextSize);
    if (pixels <= 0.0) return std::vector<float>(kToneContextSize, 0.0f);
    for (double count : bins) context.push_back(static_cast<float>(std::sqrt(count / pixels)));
    context.push_back(static_cast<float>(std::sqrt((levels[254] + levels[255]) / pixels)));
    context.push_back(static_cast<float>(std::sqrt((levels[0] + levels[1]) / pixels)));
    const double mean = sum / pixels;
    context.push_back(centred(mean));
    context.push_back(static_cast<float>(std::sqrt(std::max(0.0, squares / pixels - mean * mean)) / 255.0));
    double below = 0.0;
    std::size_t next = 0;
    for (int v = 0; v < 256 && next < kPercentiles.size(); ++v) {
        below += levels[v];
        while (next < kPercentiles.size() && below >= kPercentiles[next] / 100.0 * pixels) {
            context.push_back(centred(v));
            ++next;
        }
    }
    while (context.size() < static_cast<std::size_t>(kToneContextSize)) context.push_back(centred(255));
    return context;
}

}  // namespace twinsight::core
