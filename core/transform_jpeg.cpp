#include <cmath>

#include <opencv2/imgcodecs.hpp>

#include "core/transform.h"

namespace twinsight::core {
namespace {

// JPEG compression; the magnitude is 100 - quality so that more means worse, like every other transformation.
class JpegTransform final : public Transform {
public:
    std::string name() const override { return "jpeg"; }
    std::string unit() const override { return "quality steps"; }
    std::string description() const override { return "JPEG compression, magnitude = 100 - quality"; }
    Range defaultRange() const override { return {0.0, 90.0}; }
    Range validRange() const override { return {0.0, 99.0}; }
    View view() const override { return View::Patches; }

protected:
    cv::Mat applyChecked(const cv::Mat& image, double steps, std::uint64_t /*seed*/) const override {
        const int quality = static_cast<int>(std::lround(100.0 - steps));
        std::vector<uchar> encoded;
        cv::imencode(".jpg", image, encoded, {cv::IMWRITE_JPEG_QUALITY, quality});
        return cv::imdecode(encoded, cv::IMREAD_COLOR);
    }
    // A whole 8x8 block (16x16 with chroma subsampling) of context keeps block statistics at the crop's edges.
    int marginFor(double /*steps*/) const override { return 16; }
};

}  // namespace

std::unique_ptr<Transform> makeJpegTransform() { return std::make_unique<JpegTransform>(); }

}  // namespace twinsight::core
