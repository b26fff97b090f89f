#include "core/degrade/transform.h"

namespace twinsight::core {
namespace {

// Additive Gaussian noise of standard deviation sigma in 8-bit levels, the same draw on every channel set apart.
class NoiseTransform final : public Transform {
public:
    std::string name() const override { return "noise"; }
    std::string unit() const override { return "levels"; }
    std::string description() const override { return "additive Gaussian noise, sigma in 8-bit levels"; }
    Range defaultRange() const override { return {0.0, 30.0}; }
    Range validRange() const override { return {0.0, 100.0}; }
    // 5 grey levels: grain visible in flat areas such as skies and walls.
    double noticeableMagnitude() const override { return 5.0; }
    FrameMap frameMap() const override { return FrameMap::AnyTile; }
    View view() const override { return View::Patches; }

protected:
    cv::Mat applyChecked(const cv::Mat& image, double sigma, std::uint64_t seed) const override {
        if (sigma <= 0.0) return image.clone();
        cv::Mat noise(image.size(), CV_32FC3);
        cv::RNG rng(seed == 0 ? 0x9E3779B97F4A7C15ULL : seed);
        rng.fill(noise, cv::RNG::NORMAL, 0.0, sigma);
        cv::Mat noisy;
        image.convertTo(noisy, CV_32FC3);
        noisy += noise;
        noisy.convertTo(noisy, CV_8UC3);
        return noisy;
    }
};

}  // namespace

std::unique_ptr<Transform> makeNoiseTransform() { return std::make_unique<NoiseTransform>(); }

}  // namespace twinsight::core
