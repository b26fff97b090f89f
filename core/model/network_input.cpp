#include "core/model/network_input.h"

#include <stdexcept>

#include <opencv2/imgproc.hpp>

namespace twinsight::core {
namespace {
// Maps 0..255 to about -0.5..0.5: one constant for every image, so absolute levels stay visible.
constexpr float kInputScale = 1.0f / 255.0f;
constexpr float kInputOffset = 0.5f;
// Contrast floor for standardised input, in 8-bit levels: flat crops are not blown up into noise.
constexpr double kMinimumDeviation = 4.0;
}  // namespace

void InputBatch::appendContext(const std::vector<float>& imageContext) {
    if (sampleSize() != 0) throw std::invalid_argument("network input: a batch with pixels needs them for each sample");
    if (contextSize == 0 || static_cast<int>(imageContext.size()) != contextSize) {
        throw std::invalid_argument("network input: expected " + std::to_string(contextSize) + " context values");
    }
    context.insert(context.end(), imageContext.begin(), imageContext.end());
    ++count;
}

void InputBatch::append(const cv::Mat& bgr, const std::vector<float>& imageContext) {
    if (sampleSize() == 0) throw std::invalid_argument("network input: a batch without pixels takes contexts only");
    if (bgr.type() != CV_8UC3 || bgr.rows != height || bgr.cols != width) {
        throw std::invalid_argument("network input: expected a " + std::to_string(width) + "x" +
                                    std::to_string(height) + " 3-channel 8-bit image");
    }
    if (static_cast<int>(imageContext.size()) != contextSize) {
        throw std::invalid_argument("network input: expected " + std::to_string(contextSize) + " context values");
    }
    context.insert(context.end(), imageContext.begin(), imageContext.end());
    float scale = kInputScale, offset = kInputOffset;
    if (encoding == InputEncoding::Standardised) {
        cv::Scalar mean, deviation;
        cv::meanStdDev(bgr.reshape(1), mean, deviation);
        // The same unit as FixedScale for a crop of typical contrast (deviation ~ 64 levels).
        scale = static_cast<float>(0.25 / std::max(deviation[0], kMinimumDeviation));
        offset = static_cast<float>(mean[0]) * scale;
    }
    const std::size_t plane = static_cast<std::size_t>(height) * width;
    const std::size_t start = values.size();
    values.resize(start + sampleSize());
    float* out = values.data() + start;
    for (int y = 0; y < height; ++y) {
        const auto* row = bgr.ptr<cv::Vec3b>(y);
        for (int x = 0; x < width; ++x) {
            const std::size_t index = static_cast<std::size_t>(y) * width + x;
            for (int c = 0; c < 3; ++c) out[c * plane + index] = row[x][c] * scale - offset;
        }
    }
    ++count;
}

cv::Mat resizeToInput(const cv::Mat& image, int inputSize) {
    cv::Mat resized;
    const bool shrinking = image.cols >= inputSize && image.rows >= inputSize;
    cv::resize(image, resized, cv::Size(inputSize, inputSize), 0, 0, shrinking ? cv::INTER_AREA : cv::INTER_LINEAR);
    return resized;
}

cv::Mat padToAtLeast(const cv::Mat& image, int size) {
    const int padX = std::max(0, size - image.cols);
    const int padY = std::max(0, size - image.rows);
    if (padX == 0 && padY == 0) return image;
    cv::Mat padded;
    // Reflecting needs the image at least as large as the pad; replicate covers very small images.
    const int border = (padX < image.cols && padY < image.rows) ? cv::BORDER_REFLECT_101 : cv::BORDER_REPLICATE;
    cv::copyMakeBorder(image, padded, padY / 2, padY - padY / 2, padX / 2, padX - padX / 2, border);
    return padded;
}

}  // namespace twinsight::core
