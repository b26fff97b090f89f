#pragma once
// A trained branch with its metadata: scores images, and saves to / loads from one .twinsight file.

#include <memory>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "core/model/image_scorer.h"
#include "core/model/model_metadata.h"

namespace twinsight::core {

struct ImageEstimate {
    double score = 0.0;
    double estimate = 0.0;  // calibrated, in the transformation's unit
    bool inRange = true;    // the score lies within those seen over the trained range
};

class TrainedModel {
public:
    struct Impl;
    explicit TrainedModel(std::unique_ptr<Impl> impl);
    TrainedModel(TrainedModel&&) noexcept;
    TrainedModel& operator=(TrainedModel&&) noexcept;
    ~TrainedModel();

    // Throws std::runtime_error with a one-line message naming the path for a missing, corrupt, foreign or
    // newer-version file. `device` is "auto", "cpu" or "cuda".
    static TrainedModel load(const std::string& path, const std::string& device = "auto");
    // Writes weights and metadata together, atomically; throws std::runtime_error naming the path.
    void save(const std::string& path) const;

    const ModelMetadata& metadata() const;
    const Transform& transform() const;
    std::string deviceName() const;

    std::vector<float> scoreBatch(const InputBatch& batch) const;
    // A scorer bound to this model, which must outlive it.
    ImageScorer scorer() const;
    // Scores, calibrated estimates and range flags of images at working size.
    std::vector<ImageEstimate> estimate(const std::vector<cv::Mat>& images) const;

private:
    std::unique_ptr<Impl> m_impl;
};

// The floating-point operations per second LibTorch reaches on `device` ("cpu" or "cuda") in a plain product of
// two square float matrices of side `side`, with its threads as set: what the hardware allows the network.
double matrixProductFlopRate(const std::string& device, int side = 512);

}  // namespace twinsight::core
