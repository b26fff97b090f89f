#include <cmath>

#include "core/degrade/transform.h"
#include "core/model/internal/tone_context.h"

namespace twinsight::core {
namespace {

cv::Mat scaleAbout(const cv::Mat& image, double factor, double pivot) {
    cv::Mat scaled;
    image.convertTo(scaled, CV_8UC3, factor, pivot * (1.0 - factor));
    return scaled;
}

// Contrast scaled by 2^stops about the mean level of the whole image (all channels).
class ContrastTransform final : public Transform {
public:
    std::string name() const override { return "contrast"; }
    std::string unit() const override { return "stops"; }
    std::string description() const override { return "contrast factor about the image mean, as log2 (stops)"; }
    Range defaultRange() const override { return {-2.0, 2.0}; }
    Range validRange() const override { return {-4.0, 4.0}; }
    // Half a stop: a flattening or punch most viewers notice side by side.
    double noticeableMagnitude() const override { return 0.5; }
    std::string higherMagnitudeReading() const override { return "more contrast"; }
    View view() const override { return View::Patches; }
    // The linearity loss made it worse on photos (skimage, pooled Pearson 0.749 -> 0.665).
    double defaultLinearityWeight() const override { return 0.0; }
    // Beside each crop the grey levels of the whole image: how wide they spread, and how much is clipped.
    int contextSize() const override { return kToneContextSize; }
    std::vector<float> globalContext(const cv::Mat& bgr) const override { return toneContext(greyLevels(bgr)); }

    // The pivot is the mean of the whole image, as when the whole image is degraded, not of the crop.
    cv::Mat applyToCrop(const cv::Mat& image, const cv::Rect& crop, double stops,
                        std::uint64_t /*seed*/) const override {
        checkMagnitude(stops);
        return scaleAbout(image(crop), std::exp2(stops), meanLevel(image));
    }

protected:
    cv::Mat applyChecked(const cv::Mat& image, double stops, std::uint64_t /*seed*/) const override {
        if (stops == 0.0) return image.clone();
        return scaleAbout(image, std::exp2(stops), meanLevel(image));
    }

private:
    static double meanLevel(const cv::Mat& image) {
        const cv::Scalar mean = cv::mean(image);
        return (mean[0] + mean[1] + mean[2]) / 3.0;
    }
};

}  // namespace

std::unique_ptr<Transform> makeContrastTransform() { return std::make_unique<ContrastTransform>(); }

}  // namespace twinsight::core
