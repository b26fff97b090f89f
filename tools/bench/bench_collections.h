#pragma once
// Cross-collection quality of twinsight-bench: a folder of photo collections; each collection in turn is held out
// (train on the others, test on it) and also trained on itself (the product's flow: train on the folder you
// score), over several seeds, with the classical measure on the very same degraded images.

#include <cstdint>
#include <string>
#include <vector>

namespace twinsight::bench {

struct CollectionSettings {
    std::string folder;                         // holds one sub-folder per collection
    std::vector<std::uint64_t> seeds{1, 2, 3};  // training seeds
    std::vector<std::string> modes{"leave-out", "self"};
    std::vector<std::string> heldOut;  // collections to hold out; all when empty
    int levels = 8;
    std::string device = "auto";
    int steps = 0;  // 0: the default
    bool thorough = false;
    double crossShare = -1.0;          // share of cross-image pairs; below 0: the transformation's
    double linearity = -1.0;           // weight of the linearity loss; below 0: the transformation's
    std::string runsOut;               // CSV of every run, appended as they finish; none when empty
    std::vector<int> widths, strides;  // the branch's convolutions; the default architecture when empty
    int headWidth = 0;                 // units of the branch's head; the default when 0
    std::string modelsOut;             // folder each run's model is saved in; none when empty
    bool detailOnly = false;           // leave out images without detail (core::hasNoDetail), for both measures
};

// Runs every (transform, mode, held-out collection, seed) and prints the summary table.
void runCollectionBenchmark(const CollectionSettings& settings, const std::vector<std::string>& transforms);

}  // namespace twinsight::bench
