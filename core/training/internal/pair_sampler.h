#pragma once
// Self-made labels: each training pair is one or two images degraded by two random magnitudes, labelled 1 when the
// first copy is the more degraded (docs/design.md, "The idea" and "Comparable across images").

#include <cstdint>
#include <random>
#include <vector>

#include <opencv2/core.hpp>

#include "core/degrade/transform.h"
#include "core/model/network_input.h"

namespace twinsight::core {

struct SamplerConfig {
    Range range;
    int inputSize = 64;
    int batchSize = 32;
    // Share of pairs whose two copies come from independently drawn images (and crops).
    double crossImageShare = 0.5;
    std::uint64_t seed = 1;
    // Negative: every copy is rendered as pixels, the network's input. Otherwise the network reads the context
    // alone: the batches carry contexts without pixels, and only this many pairs per batch, from the first, are
    // rendered for a person to see (firstViews and secondViews; the others' views are a blank frame).
    int picturedPairs = -1;
};

struct PairBatch {
    InputBatch first;
    InputBatch second;
    std::vector<float> labels;  // 1 when firstMagnitudes[i] > secondMagnitudes[i]
    std::vector<double> firstMagnitudes;
    std::vector<double> secondMagnitudes;
    std::vector<bool> crossImage;
    std::vector<cv::Mat> firstViews, secondViews;  // the 8-bit crops or frames behind `first` and `second`
};

class PairSampler {
public:
    // `images` are CV_8UC3 at working size and must outlive the sampler.
    PairSampler(const Transform& transform, const std::vector<cv::Mat>& images, SamplerConfig config);

    // The next batch; the sequence is fully determined by the seed.
    PairBatch next();

    const SamplerConfig& config() const { return m_config; }
    // Later batches have `batchSize` pairs, `crossImageShare` of them across two images (a paused training retuned).
    void setBatchShape(int batchSize, double crossImageShare) {
        m_config.batchSize = batchSize;
        m_config.crossImageShare = crossImageShare;
    }

    // Pairs whose magnitudes differ by less than this share of the range are redrawn: their order is noise.
    static constexpr double kTieShare = 0.02;
    // Smallest share of a whole-frame image's side kept by the random framing.
    static constexpr double kSmallestFrameShare = 0.8;
    // Uniform candidates a CropChoice::Detailed crop is the most detailed of.
    static constexpr int kDetailCandidates = 4;

private:
    double drawMagnitude();
    std::pair<double, double> drawDistinctMagnitudes();
    cv::Rect drawCrop(std::size_t imageIndex);
    struct DegradedView {
        cv::Mat pixels;              // CV_8UC3, input size
        std::vector<float> context;  // of the whole degraded image, when the transformation has one
    };
    DegradedView degradedView(std::size_t imageIndex, const cv::Rect& crop, bool flip, double magnitude, bool pictured);
    // The context of the whole image (mirrored when `mirrored`) degraded by `magnitude`, interpolated on the
    // transformation's context grid when it has one.
    std::vector<float> contextAfter(std::size_t imageIndex, bool mirrored, double magnitude, std::uint64_t seed);
    void addPair(PairBatch& batch, bool cross);

    const Transform& m_transform;
    const std::vector<cv::Mat>& m_images;
    // Per image, for CropChoice::Detailed: the integral of the squared grey gradient, so that the detail of any
    // candidate crop costs four look-ups.
    std::vector<cv::Mat> m_detailSums;
    // Per image, unmirrored and mirrored (index 2 * image + mirrored), and grid magnitude
    // (Transform::contextGridSize), filled the first time a crop needs it.
    std::vector<std::vector<std::vector<float>>> m_contextGrid;
    SamplerConfig m_config;
    std::mt19937_64 m_random;
    cv::Mat m_blankFrame;  // input size, black: the pixels of a copy that is not pictured
};

}  // namespace twinsight::core
