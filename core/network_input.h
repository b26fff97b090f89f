#pragma once
// The network's input: NCHW float batches made from 8-bit BGR crops, scaled by one fixed constant. No per-image
// normalisation, which would erase brightness and contrast (DESIGN.md, "Shortcuts the network must not get").

#include <vector>

#include <opencv2/core.hpp>

namespace twinsight::core {

struct InputBatch {
    int count = 0;
    int channels = 3;
    int height = 0;
    int width = 0;
    std::vector<float> values;  // count * channels * height * width, NCHW

    InputBatch() = default;
    InputBatch(int channelCount, int side) : channels(channelCount), height(side), width(side) {}
    // Appends one CV_8UC3 image of exactly height x width.
    void append(const cv::Mat& bgr);
    std::size_t sampleSize() const { return static_cast<std::size_t>(channels) * height * width; }
    // Sample `index` back as a CV_8UC3 image, for showing what the network saw.
    cv::Mat image(int index) const;
};

// The whole frame brought to the square input of a whole-frame transformation.
cv::Mat resizeToInput(const cv::Mat& image, int inputSize);

// Reflect-pads an image smaller than `size` in either direction so that a crop of that size fits.
cv::Mat padToAtLeast(const cv::Mat& image, int size);

}  // namespace twinsight::core
