#include "ui/support/cv_image.h"

#include <opencv2/imgproc.hpp>
#include <stdexcept>

namespace twinsight::ui {

QImage toQImage(const cv::Mat& image) {
    if (image.empty()) return {};
    if (image.depth() != CV_8U) throw std::invalid_argument("toQImage: only 8-bit images can be shown");
    cv::Mat rgb;
    switch (image.channels()) {
        case 1:
            cv::cvtColor(image, rgb, cv::COLOR_GRAY2RGB);
            break;
        case 3:
            cv::cvtColor(image, rgb, cv::COLOR_BGR2RGB);
            break;
        case 4:
            cv::cvtColor(image, rgb, cv::COLOR_BGRA2RGB);
            break;
        default:
            throw std::invalid_argument("toQImage: unsupported channel count");
    }
    const QImage view(rgb.data, rgb.cols, rgb.rows, static_cast<qsizetype>(rgb.step), QImage::Format_RGB888);
    return view.copy();  // owns its pixels once `rgb` goes away
}

}  // namespace twinsight::ui
