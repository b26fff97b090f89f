#pragma once
// Bursts: shots of one scene taken in quick succession, grouped so that a photographer keeps the best of each.
// Two shots next to each other in capture order belong together when they were taken within a gap (EXIF times;
// without them, the name order stands for the capture order) and look alike at a glance (small thumbnails). Within a
// group the model's order decides, which is where it is at its best: per-image Spearman 0.99 to 1.00 on held-out
// photos.

#include <opencv2/core.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/degrade/transform.h"
#include "core/scoring/file_scoring.h"

namespace twinsight::core {

// A photo at a glance: a 16 x 16 colour thumbnail (CV_8UC3, 768 bytes), smoothed so that a small shift of the framing
// or a blur changes it little.
cv::Mat burstLook(const cv::Mat& image);
// How alike two looks are: the correlation of their values, -1 to 1 (1 for the same picture). Two flat looks are
// alike when their colours are.
double lookSimilarity(const cv::Mat& a, const cv::Mat& b);

struct BurstOptions {
    double maxGapSeconds = 2.0;  // shots further apart in time start a new group
    // Looks less alike than this start a new group. Neighbours taken within the gap need less: the time already
    // says burst, and the look only has to rule out a turn to another scene. Tuned on bursts made from real photos
    // (docs/bursts.md).
    double minSimilarity = 0.55;
    double minSimilarityWithinGap = 0.45;
};

struct BurstShot {
    std::string path;
    std::optional<double> time;  // captureTime, when the file has one
    cv::Mat look;                // burstLook of the decoded image
};

// One group number per shot (in the order given), 0, 1, 2... in capture order. Shots are taken in time order when
// every shot has a time, else in name order; between neighbours that both have a time, the gap
// is checked and the lower similarity applies.
std::vector<int> groupBursts(const std::vector<BurstShot>& shots, const BurstOptions& options = {});

// Per shot: true for the best of its group of two or more, the one with the least `degradation` (ties: the first
// given); a shot on its own is no burst's best.
std::vector<bool> bestOfGroups(const std::vector<int>& groups, const std::vector<double>& degradation);

struct BurstGroups {
    std::vector<int> group;  // per image of the scores, 0, 1, 2... in capture order
    std::vector<bool> best;  // per image: the best of its group
    int count() const;
};

// The scored images grouped by their looks and their files' capture times; the best of each group is the one the
// model of `column` finds least degraded: the smallest estimate, or for a signed range (rotation, brightness) the
// one nearest 0. Throws std::invalid_argument when the scores hold no looks or no such column.
BurstGroups groupScoredImages(const MultiModelScores& scores, int column, const Range& range,
                              const BurstOptions& options = {});

}  // namespace twinsight::core
