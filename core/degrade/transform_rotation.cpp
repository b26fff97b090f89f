#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>

#include "core/degrade/transform.h"

namespace twinsight::core {
namespace {

// Largest scale s such that an axis-aligned w x h rectangle scaled by s fits inside the w x h frame rotated by
// `degrees` about its centre.
double inscribedScale(double width, double height, double degrees) {
    const double radians = degrees * CV_PI / 180.0;
    const double c = std::abs(std::cos(radians));
    const double s = std::abs(std::sin(radians));
    return std::min(width / (width * c + height * s), height / (width * s + height * c));
}

constexpr int kOrientationBins = 36;                         // 5 degrees each over 0..180
constexpr int kOrientationMinimumSide = 96;                  // px: images twice this size are halved first
constexpr int kHistogramContextSize = kOrientationBins + 4;  // the context of models written before the tilts
constexpr int kTiltEstimates = 3;                            // line segments at two scales, gradients
constexpr int kTiltContextSize = 3 * kTiltEstimates;         // per estimate: tilt, agreement, their product

// A tilt estimate: votes for the angles of an image's lines, folded so that the four directions of an upright
// grid agree (angle times four).
struct Tilt {
    double cosine = 0.0, sine = 0.0, weight = 0.0;
    void vote(double radians, double strength) {
        cosine += strength * std::cos(4.0 * radians);
        sine += strength * std::sin(4.0 * radians);
        weight += strength;
    }
    // The tilt, counter-clockwise positive (rows run downwards) as a share of 45 degrees, how much the votes agree
    // (0..1), and the tilt weighted by that agreement: an image without lines says "no tilt" rather than a random
    // one, which is what moved pooled Pearson most on unseen photos (docs/quality.md, "Rotation").
    void appendTo(std::vector<float>& context) const {
        const double agreement = weight > 0.0 ? std::hypot(cosine, sine) / weight : 0.0;
        const double tilt = agreement > 0.0 ? -std::atan2(sine, cosine) / CV_PI : 0.0;
        context.push_back(static_cast<float>(tilt));
        context.push_back(static_cast<float>(agreement));
        context.push_back(static_cast<float>(tilt * agreement));
    }
};

// Calls visit(dx, dy, squared length) for every non-zero Sobel gradient of `grey` away from its border.
template <typename Visit>
void forEachGradient(const cv::Mat& grey, Visit visit) {
    cv::Mat gx, gy;
    cv::Sobel(grey, gx, CV_32F, 1, 0);
    cv::Sobel(grey, gy, CV_32F, 0, 1);
    for (int y = 1; y < grey.rows - 1; ++y) {
        const float* rowX = gx.ptr<float>(y);
        const float* rowY = gy.ptr<float>(y);
        for (int x = 1; x < grey.cols - 1; ++x) {
            const double dx = rowX[x], dy = rowY[x];
            const double strength = dx * dx + dy * dy;
            if (strength > 0.0) visit(dx, dy, strength);
        }
    }
}

// Straight line segments (OpenCV's LSD detector), each voting with its length.
Tilt lineSegmentTilt(const cv::Mat& grey) {
    std::vector<cv::Vec4f> segments;
    cv::createLineSegmentDetector(cv::LSD_REFINE_NONE)->detect(grey, segments);
    Tilt tilt;
    for (const cv::Vec4f& s : segments) {
        const double dx = s[2] - s[0], dy = s[3] - s[1];
        tilt.vote(std::atan2(dy, dx), std::hypot(dx, dy));
    }
    return tilt;
}

// Every gradient, voting with its squared length for the direction across it (the structure tensor's view).
Tilt gradientTilt(const cv::Mat& grey) {
    Tilt tilt;
    forEachGradient(grey, [&](double dx, double dy, double strength) {
        // cos and sin of the quadrupled angle from the doubled one's, without trigonometry per pixel.
        const double cos2 = (dx * dx - dy * dy) / strength, sin2 = 2.0 * dx * dy / strength;
        tilt.cosine += strength * (cos2 * cos2 - sin2 * sin2);
        tilt.sine += strength * 2.0 * cos2 * sin2;
        tilt.weight += strength;
    });
    return tilt;
}

// Three estimates of how far the image's lines are turned from upright, each with its agreement: line segments
// at working resolution and at half of it, and all gradients at working resolution.
std::vector<float> tiltContext(const cv::Mat& grey) {
    cv::Mat half;
    cv::resize(grey, half, cv::Size(std::max(1, grey.cols / 2), std::max(1, grey.rows / 2)), 0, 0, cv::INTER_AREA);
    std::vector<float> context;
    lineSegmentTilt(grey).appendTo(context);
    lineSegmentTilt(half).appendTo(context);
    gradientTilt(grey).appendTo(context);
    return context;
}

// Gradient orientations modulo 180 degrees, each gradient weighted by its squared length: a histogram (square roots
// of the shares) and, for the doubled and the quadrupled angle, the mean direction (as a share of its half-range)
// and how concentrated the votes are (0: no preferred direction, 1: all agree).
std::vector<float> orientationContext(const cv::Mat& fullGrey) {
    cv::Mat grey = fullGrey;
    // Lines and horizons stay clear at half the working size, and the sampler pays a quarter of the cost.
    if (std::min(grey.cols, grey.rows) >= 2 * kOrientationMinimumSide) {
        cv::resize(fullGrey, grey, cv::Size(grey.cols / 2, grey.rows / 2), 0, 0, cv::INTER_AREA);
    }
    std::vector<double> bins(kOrientationBins, 0.0);
    double total = 0.0, c2 = 0.0, s2 = 0.0, c4 = 0.0, s4 = 0.0;
    forEachGradient(grey, [&](double dx, double dy, double strength) {
        // strength times cos and sin of the doubled and quadrupled angle, without trigonometry.
        const double cos2 = dx * dx - dy * dy, sin2 = 2.0 * dx * dy;
        const float degrees = cv::fastAtan2(static_cast<float>(dy), static_cast<float>(dx));  // 0..360
        const float folded = degrees >= 180.0f ? degrees - 180.0f : degrees;  // a gradient and its opposite
        bins[std::min(kOrientationBins - 1, static_cast<int>(folded / 180.0f * kOrientationBins))] += strength;
        total += strength;
        c2 += cos2, s2 += sin2;
        c4 += (cos2 * cos2 - sin2 * sin2) / strength, s4 += 2.0 * cos2 * sin2 / strength;
    });
    std::vector<float> context;
    const double norm = std::max(total, 1e-9);
    for (double weight : bins) context.push_back(static_cast<float>(std::sqrt(weight / norm)));
    context.push_back(static_cast<float>(std::atan2(s2, c2) / CV_PI));
    context.push_back(static_cast<float>(std::hypot(c2, s2) / norm));
    context.push_back(static_cast<float>(std::atan2(s4, c4) / CV_PI));
    context.push_back(static_cast<float>(std::hypot(c4, s4) / norm));
    return context;
}

// Rotation about the centre (positive = counter-clockwise, OpenCV's convention), then the largest inscribed
// rectangle of the original aspect ratio resized back, so that no filled border is ever visible.
class RotationTransform final : public Transform {
public:
    std::string name() const override { return "rotation"; }
    std::string unit() const override { return "degrees"; }
    std::string description() const override {
        return "rotation about the centre, counter-clockwise positive, cropped to the largest inscribed rectangle";
    }
    Range defaultRange() const override { return {-30.0, 30.0}; }
    Range validRange() const override { return {-90.0, 90.0}; }
    // 5 degrees: a tilted horizon most viewers notice.
    double noticeableMagnitude() const override { return 5.0; }
    std::string higherMagnitudeReading() const override { return "more counter-clockwise"; }
    View view() const override { return View::WholeFrame; }
    // The head on the context learns in far fewer steps; the time goes into measuring the training images on the
    // context grid, not into the steps.
    int defaultSteps() const override { return 1500; }
    // The 64 px frame shows the horizon and the layout but not the lines, and a network on it learnt the training
    // photos' layout (Pearson 0.10 on unseen collections): the head reads only the orientation of the gradients
    // (orientationContext) and the tilt of the lines and gradients (tiltContext).
    int contextSize() const override { return kHistogramContextSize + kTiltContextSize; }
    std::vector<int> earlierContextSizes() const override { return {kHistogramContextSize}; }
    ContextJoin contextJoin() const override { return ContextJoin::Alone; }
    std::vector<float> globalContext(const cv::Mat& bgr) const override {
        cv::Mat grey;
        cv::cvtColor(bgr, grey, cv::COLOR_BGR2GRAY);
        std::vector<float> context = orientationContext(grey);
        const std::vector<float> tilts = tiltContext(grey);
        context.insert(context.end(), tilts.begin(), tilts.end());
        return context;
    }
    // Line detection costs about 20 ms a frame: the sampler measures each training image at 2-degree steps of
    // the default range and interpolates.
    int contextGridSize() const override { return 31; }

protected:
    cv::Mat applyChecked(const cv::Mat& image, double degrees, std::uint64_t /*seed*/) const override {
        if (degrees == 0.0) return image.clone();
        const double scale = inscribedScale(image.cols, image.rows, degrees);
        const cv::Point2f centre((image.cols - 1) * 0.5f, (image.rows - 1) * 0.5f);
        // Zooming in by 1/scale while rotating maps the inscribed rectangle onto the whole output frame.
        const cv::Mat matrix = cv::getRotationMatrix2D(centre, degrees, 1.0 / scale);
        cv::Mat rotated;
        cv::warpAffine(image, rotated, matrix, image.size(), cv::INTER_LINEAR, cv::BORDER_REFLECT_101);
        return rotated;
    }
};

}  // namespace

std::unique_ptr<Transform> makeRotationTransform() { return std::make_unique<RotationTransform>(); }

}  // namespace twinsight::core
