#include <cmath>

#include <opencv2/imgproc.hpp>

#include "core/degrade/transform.h"
#include "core/model/internal/sharpness_context.h"

namespace twinsight::core {
namespace {

// Crops of the blur scoring grid overlap by half a 64 px input: four times the crops, so the sharpest tenth is
// several crops even on a small image.
constexpr int kScoringStride = 32;

// Gaussian blur; the kernel follows from sigma (OpenCV picks 3 sigma each side for 8-bit images).
class BlurTransform final : public Transform {
public:
    std::string name() const override { return "blur"; }
    std::string unit() const override { return "px"; }
    std::string description() const override { return "Gaussian blur, sigma in pixels at working resolution"; }
    Range defaultRange() const override { return {0.0, 5.0}; }
    Range validRange() const override { return {0.0, 20.0}; }
    // Softer than 19 in 20 published photos at the working size: the 95th percentile of the estimates of sharp
    // photos from collections a model was not trained on (docs/quality.md, "Where flagging starts").
    double noticeableMagnitude() const override { return 0.6; }
    FrameMap frameMap() const override { return FrameMap::DetailedTiles; }
    View view() const override { return View::Patches; }
    // Blur models read the image's edge widths alone (sharpness_context.h), with no crops: over four collections of
    // real photos, each held out in turn, seeds 1-2, pooled Spearman 0.982 with crops and the first six widths as a
    // linear term, 0.987 on the sixteen widths alone, which also train in a fifth of the time (docs/quality.md).
    ContextJoin contextJoin() const override { return ContextJoin::Alone; }
    int contextSize() const override { return kSharpnessContextSize; }
    std::vector<int> earlierContextSizes() const override { return {kFirstSharpnessContextSize}; }
    std::vector<float> globalContext(const cv::Mat& bgr) const override { return sharpnessContext(bgr); }
    // Edge widths follow sigma smoothly: every 0.2 px over the default range (0.1 px measured no better).
    int contextGridSize() const override { return 26; }
    // A step costs little on sixteen values: 20000 steps (0.987) against 3000 (0.982), about 15 s in all for 50
    // photos on two cores, most of it measuring them on the context grid.
    int defaultSteps() const override { return 20000; }
    // Only cross-image pairs make scores of different photos comparable, and the pooled figure rests on that.
    double defaultCrossImageShare() const override { return 0.8; }

    // For blur models with crops (before the widths alone), whose files name this pooling and need this encoding:
    // the mean of the sharpest tenth of a half-overlapping grid of standardised crops (edge width, whatever the
    // edge contrast), the crops drawn as the most detailed of four candidates.
    PoolRule poolRule() const override { return {PoolRule::Kind::LowerMean, 10.0, kScoringStride}; }
    CropChoice cropChoice() const override { return CropChoice::Detailed; }
    InputEncoding inputEncoding() const override { return InputEncoding::Standardised; }

protected:
    cv::Mat applyChecked(const cv::Mat& image, double sigma, std::uint64_t /*seed*/) const override {
        if (sigma <= 0.0) return image.clone();
        cv::Mat blurred;
        cv::GaussianBlur(image, blurred, cv::Size(0, 0), sigma, sigma, cv::BORDER_REFLECT_101);
        return blurred;
    }
    // One pixel beyond the kernel radius so that no border pixel ever enters the crop.
    int marginFor(double sigma) const override { return static_cast<int>(std::ceil(3.0 * sigma)) + 2; }
};

}  // namespace

std::unique_ptr<Transform> makeBlurTransform() { return std::make_unique<BlurTransform>(); }

}  // namespace twinsight::core
