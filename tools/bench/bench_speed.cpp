#include "bench_speed.h"

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

#include <opencv2/imgcodecs.hpp>

#include "core/model/model_metadata.h"
#include "core/samples/sample_scenes.h"
#include "core/scoring/file_scoring.h"

namespace twinsight::bench {
namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

constexpr int kJpegQuality = 92;

}  // namespace

std::vector<std::string> writeLargeJpegs(const std::string& folder, int count) {
    std::vector<std::string> paths;
    for (int i = 0; i < count; ++i) {
        const std::string path = folder + "/large_" + std::to_string(i) + ".jpg";
        const cv::Mat scene = core::renderSampleScene(/*seed=*/31, i, kLargeJpegSize);
        if (!cv::imwrite(path, scene, {cv::IMWRITE_JPEG_QUALITY, kJpegQuality})) {
            throw std::runtime_error(path + ": cannot write");
        }
        paths.push_back(path);
    }
    return paths;
}

double decodeOnlyRate(const std::vector<std::string>& paths, int reduction) {
    const int flags = reduction == 8   ? cv::IMREAD_REDUCED_COLOR_8
                      : reduction == 4 ? cv::IMREAD_REDUCED_COLOR_4
                      : reduction == 2 ? cv::IMREAD_REDUCED_COLOR_2
                                       : cv::IMREAD_COLOR;
    std::atomic<std::size_t> next{0};
    std::atomic_bool failed{false};  // an exception must not leave a worker thread
    const auto start = Clock::now();
    std::vector<std::thread> workers;
    for (unsigned t = 0; t < std::max(1U, std::thread::hardware_concurrency()); ++t) {
        workers.emplace_back([&] {
            for (std::size_t i = next++; i < paths.size(); i = next++) {
                if (cv::imread(paths[i], flags).empty()) failed = true;
            }
        });
    }
    for (std::thread& worker : workers) worker.join();
    if (failed) throw std::runtime_error("some large JPEGs could not be decoded");
    return paths.size() / secondsSince(start);
}

double networkFlopsPerImage(const std::string& modelPath, cv::Size imageSize) {
    const core::TrainedModel model = core::TrainedModel::load(modelPath);
    const core::ModelMetadata& metadata = model.metadata();
    std::size_t samples = 1;  // a whole frame, or the context alone
    if (metadata.architecture.contextJoin != core::ContextJoin::Alone && metadata.view == core::View::Patches) {
        samples = model.scorer().cropGrid(imageSize).size();
    }
    return static_cast<double>(samples) * core::forwardFlopsPerSample(metadata.architecture, metadata.inputSize);
}

double scoringRate(const std::string& modelPath, const std::vector<std::string>& paths) {
    const core::TrainedModel model = core::TrainedModel::load(modelPath);
    const auto start = Clock::now();
    const core::MultiModelScores scores = core::scoreFilesWithModels({&model}, paths);
    if (scores.paths.size() != paths.size()) throw std::runtime_error("some large JPEGs could not be scored");
    return paths.size() / secondsSince(start);
}

}  // namespace twinsight::bench
