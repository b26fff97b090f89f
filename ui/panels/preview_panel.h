#pragma once
// The selected image beside its transformed copy, with a slider over the magnitude range that redraws at once:
// what "blur 3.5 px" means before any training.

#include <QWidget>
#include <opencv2/core.hpp>

#include "core/degrade/transform.h"

class QLabel;
class QSlider;

namespace twinsight::ui {

class ImageView;

class PreviewPanel : public QWidget {
    Q_OBJECT
public:
    // Slider positions over the range: smooth enough that one step is below what the eye tells apart.
    static constexpr int kSliderSteps = 200;

    explicit PreviewPanel(QWidget* parent = nullptr);

    // `image`: CV_8UC3 at the working size, where magnitudes are defined.
    void setImage(const cv::Mat& image, const QString& name);
    void setTransform(const QString& name, const core::Range& range);
    void clear(const QString& hint);

    double magnitude() const;
    void setMagnitude(double magnitude);
    const QImage& transformedImage() const;

private:
    void redraw();

    ImageView* m_original;
    ImageView* m_transformed;
    QSlider* m_slider;
    QLabel* m_value;
    cv::Mat m_image;
    QString m_name;
    const core::Transform* m_transform = nullptr;
    core::Range m_range;
};

}  // namespace twinsight::ui
