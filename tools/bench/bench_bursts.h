#pragma once
// Bursts made from real photos (core::makeSampleBurst: varied framing, one sharp shot, the others blurred by
// different amounts): how exactly the grouping finds them, how often the model's best of a group is the sharp shot,
// against the variance of the Laplacian, and how alike the looks of a burst's shots and of neighbouring photos are.

#include <string>
#include <vector>

#include "core/scoring/bursts.h"

namespace twinsight::bench {

struct BurstSettings {
    std::vector<std::string> folders;  // collections of photos, one burst per photo
    // Blur models, trained on none of the photos they judge: one for every folder, or one per folder.
    std::vector<std::string> models;
    std::vector<int> seeds{1, 2};  // burst generations per collection
    core::BurstOptions grouping;
};

void runBurstBenchmark(const BurstSettings& settings);

}  // namespace twinsight::bench
