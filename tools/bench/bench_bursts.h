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

// Writes the bursts of `folders`' photos (first seed) into `out` as JPEGs named in capture order, with their EXIF
// capture times (shots 0.3 s apart, scenes 1 to 10 s apart): a folder to cull by hand in the desktop program.
void writeBurstFolder(const BurstSettings& settings, const std::string& out);

}  // namespace twinsight::bench
