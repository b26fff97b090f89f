#pragma once
// Scoring many files: the next chunk decodes on worker threads while the network scores the current one.

#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "core/image_loading.h"
#include "core/trained_model.h"

namespace twinsight::core {

struct ScoredFile {
    std::string path;
    ImageEstimate estimate;
};

struct FileScores {
    std::vector<ScoredFile> scored;  // in the order of the paths given
    std::vector<SkippedFile> skipped;
};

using ScoringProgress = std::function<void(int done, int total)>;

// Scores `paths` (files, not folders) with `model`; unreadable files go to `skipped`. `decodeThreads` 0 means all
// cores. Throws std::runtime_error("scoring cancelled") when `cancel` becomes true.
FileScores scoreFiles(const TrainedModel& model, const std::vector<std::string>& paths, int decodeThreads = 0,
                      const ScoringProgress& progress = {}, const std::atomic_bool* cancel = nullptr);

}  // namespace twinsight::core
