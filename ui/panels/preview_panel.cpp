#include "ui/panels/preview_panel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "ui/browser/image_view.h"
#include "ui/support/cv_image.h"

namespace twinsight::ui {
namespace {
// Noise is random: one fixed seed keeps the picture still while the slider moves.
constexpr std::uint64_t kPreviewSeed = 1;
// Where the slider starts, as a share of the range: clearly visible without being extreme.
constexpr double kInitialPosition = 0.7;
}  // namespace

PreviewPanel::PreviewPanel(QWidget* parent)
    : QWidget(parent),
      m_original(new ImageView(this)),
      m_transformed(new ImageView(this)),
      m_slider(new QSlider(Qt::Horizontal, this)),
      m_value(new QLabel(this)) {
    m_original->setObjectName("previewOriginal");
    m_transformed->setObjectName("previewTransformed");
    m_slider->setObjectName("previewSlider");
    m_slider->setRange(0, kSliderSteps);
    m_slider->setValue(static_cast<int>(kInitialPosition * kSliderSteps));
    m_value->setObjectName("previewValue");
    m_value->setMinimumWidth(180);
    connect(m_slider, &QSlider::valueChanged, this, &PreviewPanel::redraw);

    auto* images = new QHBoxLayout;
    images->addWidget(m_original);
    images->addWidget(m_transformed);
    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Magnitude"), this));
    controls->addWidget(m_slider, 1);
    controls->addWidget(m_value);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(images, 1);
    layout->addLayout(controls);
    clear(tr("Select an image to preview the transformation."));
}

void PreviewPanel::setImage(const cv::Mat& image, const QString& name) {
    m_image = image;
    m_name = name;
    m_original->setImage(toQImage(image),
                         tr("%1, %2 × %3 px (working size)").arg(name).arg(image.cols).arg(image.rows));
    redraw();
}

void PreviewPanel::setTransform(const QString& name, const core::Range& range) {
    m_transform = &core::findTransform(name.toStdString());
    m_range = range;
    redraw();
}

void PreviewPanel::clear(const QString& hint) {
    m_image = cv::Mat();
    m_original->clear(hint);
    m_transformed->clear();
    m_value->clear();
}

double PreviewPanel::magnitude() const {
    return m_range.min + m_range.span() * m_slider->value() / double(kSliderSteps);
}

void PreviewPanel::setMagnitude(double magnitude) {
    if (m_range.span() <= 0) return;
    const double share = std::clamp((magnitude - m_range.min) / m_range.span(), 0.0, 1.0);
    m_slider->setValue(static_cast<int>(std::lround(share * kSliderSteps)));
}

const QImage& PreviewPanel::transformedImage() const { return m_transformed->image(); }

void PreviewPanel::redraw() {
    if (!m_transform) return;
    const double value = magnitude();
    const QString unit = QString::fromStdString(m_transform->unit());
    const QString label =
        QStringLiteral("%1 %2 %3").arg(QString::fromStdString(m_transform->name())).arg(value, 0, 'f', 2).arg(unit);
    m_value->setText(label);
    if (m_image.empty()) return;
    try {
        m_transformed->setImage(toQImage(m_transform->apply(m_image, value, kPreviewSeed)), label);
    } catch (const std::exception& error) {
        m_transformed->clear(QString::fromStdString(error.what()));
    }
}

}  // namespace twinsight::ui
