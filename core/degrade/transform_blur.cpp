#include <cmath>

#include <opencv2/imgproc.hpp>

#include "core/degrade/transform.h"
#include "core/model/sharpness_context.h"

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
    View view() const override { return View::Patches; }
    // The mean of the sharpest tenth of the crops: flat crops (sky, walls) carry no blur, and on real photos they
    // blurred the ranking. Held-out skimage photos, pooled Spearman: 0.81/0.86 (mean of all crops, seeds 1/2),
    // 0.93/0.91 (this); sample scenes, which have detail everywhere, lose a little: 0.977 -> 0.955 (README).
    PoolRule poolRule() const override { return {PoolRule::Kind::LowerMean, 10.0, kScoringStride}; }
    CropChoice cropChoice() const override { return CropChoice::Detailed; }
    // Blur is edge width, whatever the edge contrast: standardised crops make scores comparable across images.
    InputEncoding inputEncoding() const override { return InputEncoding::Standardised; }
    // Beside each crop, how wide the edges of the image's most detailed parts are (sharpness_context.h): a crop
    // alone cannot tell a soft photo from a blurred one as well as the whole image can.
    int contextSize() const override { return kSharpnessContextSize; }
    std::vector<float> globalContext(const cv::Mat& bgr) const override { return sharpnessContext(bgr); }
    // Edge widths follow sigma smoothly: every 0.2 px over the default range.
    int contextGridSize() const override { return 26; }
    // As a linear term: joined to the crop features before the head, the context helped the collections like the
    // training photos and cost 0.018 Spearman on tuxpaint's; added to the score it held on all (docs/quality.md).
    ContextJoin contextJoin() const override { return ContextJoin::LinearTerm; }

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
