#pragma once
// Scoring many files: the next chunk decodes on worker threads while the network scores the current one. Several
// models (one per transformation) score each decoded image in turn, so a file is decoded once.

#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "core/imageio/image_loading.h"
#include "core/model/trained_model.h"

namespace twinsight::core {

struct ScoredFile {
    std::string path;
    ImageEstimate estimate;
    std::string damage;  // empty, or why the file's data is damaged (scored only with acceptDamaged)
};

struct MultiModelScores {
    std::vector<std::string> paths;                     // the readable images, in the order given
    std::vector<std::vector<ImageEstimate>> estimates;  // [image][model], models in the order given
    std::vector<std::string> damage;                    // [image]: empty, or why its data is damaged
    std::vector<cv::Mat> looks;                         // [image]: burstLook, for grouping bursts without decoding again
    std::vector<bool> noDetail;                         // [image]: hasNoDetail (never flagged); may be shorter
    std::vector<SkippedFile> skipped;

    // Whether image `row` has no detail at all (an empty slice): its estimates say nothing.
    bool withoutDetail(std::size_t row) const { return row < noDetail.size() && noDetail[row]; }
};

using ScoringProgress = std::function<void(int done, int total)>;

// Scores `paths` (files or FILE#FRAME names, not folders) with every model; unreadable files go to `skipped`, and
// so do damaged ones (a truncated JPEG) unless `acceptDamaged`: then they are scored with `damage` set.
// `decodeThreads` 0 means all cores. Throws std::runtime_error("scoring cancelled") when `cancel` becomes true, and
// std::invalid_argument when `models` is empty.
MultiModelScores scoreFilesWithModels(const std::vector<const TrainedModel*>& models,
                                      const std::vector<std::string>& paths, int decodeThreads = 0,
                                      const ScoringProgress& progress = {}, const std::atomic_bool* cancel = nullptr,
                                      bool acceptDamaged = false);

// Scores images already decoded (each at least at every model's working size) and appends them, their damage and
// their skipped files to `result`: what scoreFilesWithModels does with each chunk it decodes.
void scoreDecodedImages(const std::vector<const TrainedModel*>& models, const ImageSet& images,
                        MultiModelScores& result);

}  // namespace twinsight::core
