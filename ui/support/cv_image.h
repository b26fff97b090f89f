#pragma once
// The one bridge between OpenCV's BGR images (core) and Qt's QImage (ui).

#include <QImage>
#include <opencv2/core.hpp>

namespace twinsight::ui {

// A deep copy of a CV_8UC3 BGR image (or CV_8UC1 grey) as an RGB888 QImage; a null QImage for an empty Mat.
// Safe on any thread: QImage, unlike QPixmap, needs no GUI thread.
QImage toQImage(const cv::Mat& image);

}  // namespace twinsight::ui
