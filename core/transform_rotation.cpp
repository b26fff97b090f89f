#include <cmath>

#include <opencv2/imgproc.hpp>

#include "core/transform.h"

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
    View view() const override { return View::WholeFrame; }

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
