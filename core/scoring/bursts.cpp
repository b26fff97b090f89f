#include "core/scoring/bursts.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <opencv2/imgproc.hpp>
#include <stdexcept>

#include "core/imageio/capture_time.h"
#include "core/imageio/image_source.h"

namespace twinsight::core {

namespace {
constexpr int kLookSide = 16;
// Shrunk to twice the look's side first, then smoothed: a framing shift of a few percent moves the look by a
// fraction of a cell.
constexpr int kShrunkSide = 2 * kLookSide;
constexpr double kSmoothingSigma = 1.0;
}  // namespace

cv::Mat burstLook(const cv::Mat& image) {
    if (image.empty()) throw std::invalid_argument("burstLook: empty image");
    cv::Mat shrunk;
    cv::resize(image, shrunk, cv::Size(kShrunkSide, kShrunkSide), 0, 0, cv::INTER_AREA);
    cv::GaussianBlur(shrunk, shrunk, cv::Size(0, 0), kSmoothingSigma);
    cv::Mat look;
    cv::resize(shrunk, look, cv::Size(kLookSide, kLookSide), 0, 0, cv::INTER_AREA);
    if (look.channels() == 1) cv::cvtColor(look, look, cv::COLOR_GRAY2BGR);
    return look;
}

double lookSimilarity(const cv::Mat& a, const cv::Mat& b) {
    if (a.size() != b.size() || a.type() != b.type()) throw std::invalid_argument("lookSimilarity: different looks");
    cv::Mat da, db;
    a.convertTo(da, CV_64F);
    b.convertTo(db, CV_64F);
    // One mean over all colours: a change of colour balance counts as a difference, as it does to the eye. (Each
    // colour's own mean removed measured no better on real photos, and worse on scenes sharing a layout.)
    const double meanA = cv::mean(da.reshape(1))[0];
    const double meanB = cv::mean(db.reshape(1))[0];
    da -= cv::Scalar::all(meanA);
    db -= cv::Scalar::all(meanB);
    const double cross = da.dot(db);
    const double energy = std::sqrt(da.dot(da) * db.dot(db));
    // Two flat frames (a wall, a blank slide): alike when their levels are, in 8-bit units.
    constexpr double kFlatEnergy = 1e-6;
    if (energy < kFlatEnergy) return std::abs(meanA - meanB) < 8.0 ? 1.0 : 0.0;
    return cross / energy;
}

std::vector<int> groupBursts(const std::vector<BurstShot>& shots, const BurstOptions& options) {
    std::vector<std::size_t> order(shots.size());
    std::iota(order.begin(), order.end(), 0);
    const bool allTimed =
        std::all_of(shots.begin(), shots.end(), [](const BurstShot& s) { return s.time.has_value(); });
    if (allTimed) {
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return *shots[a].time < *shots[b].time; });
    } else {  // cameras number their shots: the name order is the capture order, whatever order they came in
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return imageNameLess(shots[a].path, shots[b].path); });
    }
    std::vector<int> groups(shots.size(), 0);
    int group = -1;
    for (std::size_t k = 0; k < order.size(); ++k) {
        const BurstShot& shot = shots[order[k]];
        bool joins = k > 0;
        if (joins) {
            const BurstShot& previous = shots[order[k - 1]];
            const bool timed = shot.time && previous.time;
            if (timed) joins = std::abs(*shot.time - *previous.time) <= options.maxGapSeconds;
            const double needed = timed ? options.minSimilarityWithinGap : options.minSimilarity;
            joins = joins && lookSimilarity(shot.look, previous.look) >= needed;
        }
        if (!joins) ++group;
        groups[order[k]] = group;
    }
    return groups;
}

std::vector<bool> bestOfGroups(const std::vector<int>& groups, const std::vector<double>& degradation) {
    if (groups.size() != degradation.size()) throw std::invalid_argument("bestOfGroups: sizes differ");
    std::vector<std::optional<std::size_t>> best(static_cast<std::size_t>(BurstGroups{groups, {}}.count()));
    for (std::size_t i = 0; i < groups.size(); ++i) {
        auto& current = best[static_cast<std::size_t>(groups[i])];
        if (!current || degradation[i] < degradation[*current]) current = i;
    }
    std::vector<int> sizes(best.size(), 0);
    for (const int group : groups) ++sizes[static_cast<std::size_t>(group)];
    std::vector<bool> isBest(groups.size(), false);
    for (std::size_t group = 0; group < best.size(); ++group) {
        if (best[group] && sizes[group] > 1) isBest[*best[group]] = true;  // a shot on its own is no burst's best
    }
    return isBest;
}

int BurstGroups::count() const { return group.empty() ? 0 : *std::max_element(group.begin(), group.end()) + 1; }

BurstGroups groupScoredImages(const MultiModelScores& scores, int column, const Range& range,
                              const BurstOptions& options) {
    if (scores.looks.size() != scores.paths.size())
        throw std::invalid_argument("burst groups: the scores hold no thumbnails to compare");
    std::vector<BurstShot> shots;
    std::vector<double> degradation;
    for (std::size_t i = 0; i < scores.paths.size(); ++i) {
        if (column < 0 || static_cast<std::size_t>(column) >= scores.estimates[i].size())
            throw std::invalid_argument("burst groups: no model column " + std::to_string(column));
        shots.push_back({scores.paths[i], captureTime(scores.paths[i]), scores.looks[i]});
        const double estimate = scores.estimates[i][static_cast<std::size_t>(column)].estimate;
        degradation.push_back(range.min < 0.0 ? std::abs(estimate) : estimate);
    }
    BurstGroups result;
    result.group = groupBursts(shots, options);
    result.best = bestOfGroups(result.group, degradation);
    return result;
}

}  // namespace twinsight::core
