#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>

#include "core/degrade/transform.h"
#include "core/model/internal/tone_context.h"

namespace twinsight::core {
namespace {

// A shift added to V of HSV (8-bit, clipped); hue and saturation stay.
class BrightnessTransform final : public Transform {
public:
    std::string name() const override { return "brightness"; }
    std::string unit() const override { return "V levels"; }
    std::string description() const override { return "shift added to the V channel of HSV, 8-bit, clipped"; }
    Range defaultRange() const override { return {-80.0, 80.0}; }
    Range validRange() const override { return {-255.0, 255.0}; }
    // 30 of 255 V levels: a shift most viewers notice on a mid-grey scene.
    double noticeableMagnitude() const override { return 30.0; }
    std::string higherMagnitudeReading() const override { return "brighter"; }
    View view() const override { return View::Patches; }
    // Beside each crop the network sees the whole image's V histogram: how much is clipped at either end, and
    // where the rest lies, which one crop cannot tell (is this white wall the sky, or the sky pushed to 255?).
    int contextSize() const override { return kToneContextSize; }
    std::vector<float> globalContext(const cv::Mat& bgr) const override { return toneContext(valueLevels(bgr)); }
    // The shift moves every V level by the same amount, clipped: the histogram of the shifted image follows from
    // the original's without converting the whole image (up to the HSV round trip's rounding of one level).
    std::vector<float> contextAfter(const cv::Mat& image, double shift, std::uint64_t /*seed*/) const override {
        checkMagnitude(shift);
        const LevelCounts original = valueLevels(image);
        if (shift == 0.0) return toneContext(original);
        LevelCounts shifted{};
        const long steps = std::lround(shift);
        for (long v = 0; v < 256; ++v) shifted[std::clamp(v + steps, 0L, 255L)] += original[v];
        return toneContext(shifted);
    }

protected:
    cv::Mat applyChecked(const cv::Mat& image, double shift, std::uint64_t /*seed*/) const override {
        if (shift == 0.0) return image.clone();  // the HSV round trip is not lossless in 8 bits
        cv::Mat hsv;
        cv::cvtColor(image, hsv, cv::COLOR_BGR2HSV_FULL);
        std::vector<cv::Mat> channels;
        cv::split(hsv, channels);
        channels[2].convertTo(channels[2], CV_8U, 1.0, shift);
        cv::merge(channels, hsv);
        cv::Mat shifted;
        cv::cvtColor(hsv, shifted, cv::COLOR_HSV2BGR_FULL);
        return shifted;
    }
};

}  // namespace

std::unique_ptr<Transform> makeBrightnessTransform() { return std::make_unique<BrightnessTransform>(); }

}  // namespace twinsight::core
