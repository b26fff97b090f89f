#include "core/scoring/file_scoring.h"

#include <algorithm>
#include <future>
#include <stdexcept>

#include "core/evaluation/focus_map.h"
#include "core/scoring/bursts.h"

namespace twinsight::core {
namespace {
// Files decoded per chunk: several per decoding thread keeps them busy; two chunks in memory stay small.
constexpr std::size_t kFilesPerChunk = 32;

int largestWorkingSize(const std::vector<const TrainedModel*>& models) {
    int size = 0;
    for (const TrainedModel* model : models) size = std::max(size, model->metadata().workingSize);
    return size;
}

}  // namespace

// Each model sees the image at its own working size; decoding happened once, at the largest.
void scoreDecodedImages(const std::vector<const TrainedModel*>& models, const ImageSet& chunk,
                        MultiModelScores& result) {
    const std::size_t first = result.estimates.size();
    result.estimates.resize(first + chunk.images.size(), std::vector<ImageEstimate>(models.size()));
    for (std::size_t m = 0; m < models.size(); ++m) {
        const int size = models[m]->metadata().workingSize;
        std::vector<cv::Mat> images;
        images.reserve(chunk.images.size());
        for (const cv::Mat& image : chunk.images) images.push_back(toWorkingSize(image, size));
        const std::vector<ImageEstimate> estimates = models[m]->estimate(images);
        for (std::size_t i = 0; i < estimates.size(); ++i) result.estimates[first + i][m] = estimates[i];
    }
    for (const cv::Mat& image : chunk.images) {
        result.looks.push_back(burstLook(image));
        result.noDetail.push_back(hasNoDetail(image));
    }
    result.paths.insert(result.paths.end(), chunk.paths.begin(), chunk.paths.end());
    result.damage.insert(result.damage.end(), chunk.damage.begin(), chunk.damage.end());
    result.skipped.insert(result.skipped.end(), chunk.skipped.begin(), chunk.skipped.end());
}

MultiModelScores scoreFilesWithModels(const std::vector<const TrainedModel*>& models,
                                      const std::vector<std::string>& paths, int decodeThreads,
                                      const ScoringProgress& progress, const std::atomic_bool* cancel,
                                      bool acceptDamaged) {
    if (models.empty()) throw std::invalid_argument("scoring needs at least one model");
    const int workingSize = largestWorkingSize(models);
    auto decodeChunk = [&](std::size_t start) {
        const auto end = paths.begin() + static_cast<std::ptrdiff_t>(std::min(paths.size(), start + kFilesPerChunk));
        return loadImages(std::vector<std::string>(paths.begin() + static_cast<std::ptrdiff_t>(start), end),
                          workingSize, decodeThreads, acceptDamaged);
    };
    MultiModelScores result;
    std::future<ImageSet> pending;
    if (!paths.empty()) pending = std::async(std::launch::async, decodeChunk, 0);
    for (std::size_t start = 0; start < paths.size(); start += kFilesPerChunk) {
        ImageSet chunk = pending.get();
        if (start + kFilesPerChunk < paths.size()) {
            pending = std::async(std::launch::async, decodeChunk, start + kFilesPerChunk);
        }
        if (cancel && *cancel) {
            if (pending.valid()) pending.wait();
            throw std::runtime_error("scoring cancelled");
        }
        scoreDecodedImages(models, chunk, result);
        if (progress) progress(static_cast<int>(std::min(paths.size(), start + kFilesPerChunk)), int(paths.size()));
    }
    return result;
}

}  // namespace twinsight::core
