#pragma once
// Scores whole images with one branch of the network: a fixed grid of crops at working size pooled by the
// transformation's rule (patch view), or the whole frame resized (whole-frame view).

#include <functional>
#include <vector>

#include <opencv2/core.hpp>

#include "core/degrade/transform.h"
#include "core/model/network_input.h"

namespace twinsight::core {

// One score per sample of the batch; supplied by a trained model or by a model still in training.
using BatchScoreFunction = std::function<std::vector<float>(const InputBatch&)>;

class ImageScorer {
public:
    // `contextSize`: whole-image values the network takes beside each crop: the transformation's own, one of its
    // earlierContextSizes() (the first values of today's), or 0 for a model trained before its context existed
    // (which is then not computed).
    // `contextOnly`: the network reads the context alone (ContextJoin::Alone), so each image is one sample of its
    // context, with no crops.
    ImageScorer(const Transform& transform, int inputSize, PoolRule pool, int contextSize,
                BatchScoreFunction scoreBatch, bool contextOnly = false);

    // Score of one CV_8UC3 image at working size.
    double score(const cv::Mat& image) const;
    // Scores of several images, their crops sent to the network in shared batches.
    std::vector<double> scoreAll(const std::vector<cv::Mat>& images) const;

    // The crops scored for an image of this size (patch view): a fixed grid covering it evenly.
    std::vector<cv::Rect> cropGrid(cv::Size imageSize) const;

    const Transform& transform() const { return m_transform; }
    int inputSize() const { return m_inputSize; }

    // Crops per network call while scoring: large enough to keep the network busy, small enough for memory.
    static constexpr int kCropsPerBatch = 128;

private:
    std::vector<cv::Mat> networkViews(const cv::Mat& image) const;
    double pool(std::vector<double> cropScores) const;

    const Transform& m_transform;
    int m_inputSize;
    PoolRule m_pool;
    int m_contextSize;
    BatchScoreFunction m_scoreBatch;
    bool m_contextOnly;
};

}  // namespace twinsight::core
