#pragma once
// The network's input: NCHW float batches made from 8-bit BGR crops, scaled by one fixed constant. No per-image
// normalisation, which would erase brightness and contrast (docs/design.md, "Shortcuts the network must not get").

#include <vector>

#include <opencv2/core.hpp>

namespace twinsight::core {

// How 8-bit pixels become network input. FixedScale keeps absolute levels (brightness, contrast, noise);
// Standardised divides each sample by its own contrast, so that a blur score does not follow edge contrast.
enum class InputEncoding { FixedScale, Standardised };

struct InputBatch {
    InputEncoding encoding = InputEncoding::FixedScale;
    int count = 0;
    int channels = 3;
    int height = 0;
    int width = 0;
    std::vector<float> values;   // count * channels * height * width, NCHW
    int contextSize = 0;         // whole-image values per sample (Transform::globalContext)
    std::vector<float> context;  // count * contextSize

    InputBatch() = default;
    // `side` 0: a batch of contexts without pixels, for a network that reads the context alone
    // (ContextJoin::Alone): filled by appendContext.
    InputBatch(int channelCount, int side, InputEncoding inputEncoding = InputEncoding::FixedScale, int context = 0)
        : encoding(inputEncoding), channels(channelCount), height(side), width(side), contextSize(context) {}
    // Appends one CV_8UC3 image of exactly height x width, and the context of the whole image it was cut from
    // (exactly contextSize values).
    void append(const cv::Mat& bgr, const std::vector<float>& imageContext = {});
    // Appends one sample that is its context alone (a batch of side 0).
    void appendContext(const std::vector<float>& imageContext);
    std::size_t sampleSize() const { return static_cast<std::size_t>(channels) * height * width; }
};

// The whole frame brought to the square input of a whole-frame transformation.
cv::Mat resizeToInput(const cv::Mat& image, int inputSize);

// Reflect-pads an image smaller than `size` in either direction so that a crop of that size fits.
cv::Mat padToAtLeast(const cv::Mat& image, int size);

}  // namespace twinsight::core
