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
    // Measured on sample scenes: with any share of cross-image pairs the loss stayed at log 2 for 600 steps (two
    // crops differ far more than two qualities of one crop); same-image pairs alone reach pooled Spearman 0.44.
    double defaultCrossImageShare() const override { return 0.0; }
    // The linearity loss cost it most of what it learns (skimage photos, Spearman 0.28 -> 0.10).
    double defaultLinearityWeight() const override { return 0.0; }

protected:
    cv::Mat applyChecked(const cv::Mat& image, double steps, std::uint64_t /*seed*/) const override {
        const int quality = static_cast<int>(std::lround(100.0 - steps));
        std::vector<uchar> encoded;
        cv::imencode(".jpg", image, encoded, {cv::IMWRITE_JPEG_QUALITY, quality});
        return cv::imdecode(encoded, cv::IMREAD_COLOR);
    }
    // Context of a whole 16x16 block (8x8 with chroma subsampling) around the crop, shifted by a seeded 0-15 px so
    // that the block grid falls anywhere in the crop, as it does in a crop of a whole compressed image. A grid
    // always aligned with the crop would teach the network where block edges lie, which scoring never sees.
    cv::Mat applyToCrop(const cv::Mat& image, const cv::Rect& crop, double steps, std::uint64_t seed) const override {
        const int shiftX = static_cast<int>(seed % kBlock), shiftY = static_cast<int>((seed / kBlock) % kBlock);
        const cv::Rect padded = cv::Rect(crop.x - kBlock - shiftX, crop.y - kBlock - shiftY, crop.width + 2 * kBlock + shiftX,
                                         crop.height + 2 * kBlock + shiftY) &
                                cv::Rect(0, 0, image.cols, image.rows);
        const cv::Mat degraded = apply(image(padded), steps, seed);
        return degraded(cv::Rect(crop.x - padded.x, crop.y - padded.y, crop.width, crop.height)).clone();
    }

private:
    static constexpr int kBlock = 16;  // a chroma-subsampled JPEG's coding unit
};

}  // namespace

std::unique_ptr<Transform> makeJpegTransform() { return std::make_unique<JpegTransform>(); }

}  // namespace twinsight::core
