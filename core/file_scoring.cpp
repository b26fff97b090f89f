#include "core/file_scoring.h"

#include <future>
#include <stdexcept>

namespace twinsight::core {
namespace {
// Files decoded per chunk: several per decoding thread keeps them busy; two chunks in memory stay small.
constexpr std::size_t kFilesPerChunk = 32;
}  // namespace

FileScores scoreFiles(const TrainedModel& model, const std::vector<std::string>& paths, int decodeThreads,
                      const ScoringProgress& progress, const std::atomic_bool* cancel) {
    const int workingSize = model.metadata().workingSize;
    auto decodeChunk = [&](std::size_t start) {
        const auto end = paths.begin() + static_cast<std::ptrdiff_t>(std::min(paths.size(), start + kFilesPerChunk));
        return loadImages(std::vector<std::string>(paths.begin() + static_cast<std::ptrdiff_t>(start), end),
                          workingSize, decodeThreads);
    };
    FileScores result;
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
        const std::vector<ImageEstimate> estimates = model.estimate(chunk.images);
        for (std::size_t i = 0; i < estimates.size(); ++i) result.scored.push_back({chunk.paths[i], estimates[i]});
        result.skipped.insert(result.skipped.end(), chunk.skipped.begin(), chunk.skipped.end());
        if (progress) progress(static_cast<int>(std::min(paths.size(), start + kFilesPerChunk)), int(paths.size()));
    }
    return result;
}

}  // namespace twinsight::core
