#include "ui/review/zoom_view.h"

#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

namespace twinsight::ui {

namespace {
// Beyond 16 view pixels per image pixel nothing more is seen; below the fitted size nothing is gained.
constexpr double kMaxScale = 16.0;
// One notch of the wheel.
constexpr double kWheelStep = 1.25;
}  // namespace

ZoomView::ZoomView(QWidget* parent) : QWidget(parent) {
    setAttribute(Qt::WA_OpaquePaintEvent);
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::OpenHandCursor);
}

void ZoomView::rememberCentre() {
    if (!m_image.isNull()) m_centreShare = QPointF(m_centre.x() / m_image.width(), m_centre.y() / m_image.height());
}

void ZoomView::setImage(const QImage& image) {
    rememberCentre();
    m_image = image;
    m_hint.clear();
    m_fittedPixmap = QPixmap();
    m_centre = QPointF(m_centreShare.x() * image.width(), m_centreShare.y() * image.height());
    keepInside();
    update();
}

void ZoomView::clear(const QString& hint) {
    rememberCentre();  // the next image (often decoded while this hint shows) opens on the same spot
    m_image = QImage();
    m_fittedPixmap = QPixmap();
    m_hint = hint;
    update();
}

double ZoomView::fittedScale() const {
    if (m_image.isNull()) return 1.0;
    return std::min(width() / double(m_image.width()), height() / double(m_image.height()));
}

double ZoomView::scale() const { return m_fitted ? fittedScale() : m_scale; }

void ZoomView::fit() {
    m_fitted = true;
    m_centre = QPointF(m_image.width() / 2.0, m_image.height() / 2.0);
    update();
    emit zoomChanged();
}

void ZoomView::showActualSize() {
    m_scale = 1.0 / devicePixelRatioF();
    m_fitted = false;
    keepInside();
    update();
    emit zoomChanged();
}

void ZoomView::toggleActualSize() {
    if (m_fitted) {
        showActualSize();
    } else {
        fit();
    }
}

void ZoomView::zoomBy(double factor, QPointF anchor) {
    if (m_image.isNull()) return;
    const double before = scale();
    const double after = std::clamp(before * factor, fittedScale(), std::max(fittedScale(), kMaxScale));
    const QPointF offset = anchor - QPointF(width() / 2.0, height() / 2.0);
    const QPointF under = m_centre + offset / before;  // the image point under the anchor stays there
    m_fitted = after <= fittedScale();
    m_scale = after;
    m_centre = m_fitted ? QPointF(m_image.width() / 2.0, m_image.height() / 2.0) : under - offset / after;
    keepInside();
    update();
    emit zoomChanged();
}

void ZoomView::panBy(QPointF delta) {
    if (m_fitted || m_image.isNull()) return;
    m_centre -= delta / m_scale;
    keepInside();
    update();
}

void ZoomView::keepInside() {
    if (m_image.isNull()) return;
    const double shown = scale();
    // Half the view in image pixels; an image smaller than the view stays centred on that axis.
    const double halfWidth = width() / (2.0 * shown);
    const double halfHeight = height() / (2.0 * shown);
    const auto clampAxis = [](double centre, double half, double length) {
        return half * 2 >= length ? length / 2 : std::clamp(centre, half, length - half);
    };
    m_centre = QPointF(clampAxis(m_centre.x(), halfWidth, m_image.width()),
                       clampAxis(m_centre.y(), halfHeight, m_image.height()));
}

void ZoomView::paintEvent(QPaintEvent* /*event*/) {
    QPainter painter(this);
    painter.fillRect(rect(), QColor(32, 32, 32));
    if (m_image.isNull()) {
        painter.setPen(QColor(200, 200, 200));
        painter.drawText(rect().adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap, m_hint);
        return;
    }
    const double shown = scale();
    const QSizeF size(m_image.width() * shown, m_image.height() * shown);
    const QPointF topLeft = QPointF(width() / 2.0, height() / 2.0) - m_centre * shown;
    if (m_fitted) {
        const QSize device = (size * devicePixelRatioF()).toSize();
        if (m_fittedPixmap.size() != device) {
            m_fittedPixmap = QPixmap::fromImage(m_image.scaled(device, Qt::KeepAspectRatio, Qt::SmoothTransformation));
            m_fittedPixmap.setDevicePixelRatio(devicePixelRatioF());
        }
        painter.drawPixmap(topLeft, m_fittedPixmap);
        return;
    }
    // Only the part in view is drawn: at 100% and beyond, a 100-megapixel image costs what the window's pixels do.
    const QRectF visible = QRectF(-topLeft / shown, QSizeF(width(), height()) / shown)
                               .intersected(QRectF(QPointF(0, 0), QSizeF(m_image.size())));
    const QRectF target(topLeft + visible.topLeft() * shown, visible.size() * shown);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, shown < 1.0);
    painter.drawImage(target, m_image, visible);
}

void ZoomView::resizeEvent(QResizeEvent* /*event*/) {
    if (!m_fitted) m_scale = std::max(m_scale, fittedScale());
    keepInside();
}

void ZoomView::wheelEvent(QWheelEvent* event) {
    const double notches = event->angleDelta().y() / 120.0;
    if (notches != 0.0) zoomBy(std::pow(kWheelStep, notches), event->position());
    event->accept();
}

void ZoomView::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) return QWidget::mousePressEvent(event);
    m_dragging = true;
    m_lastDrag = event->position();
    setCursor(Qt::ClosedHandCursor);
}

void ZoomView::mouseMoveEvent(QMouseEvent* event) {
    if (!m_dragging) return;
    panBy(event->position() - m_lastDrag);
    m_lastDrag = event->position();
}

void ZoomView::mouseReleaseEvent(QMouseEvent* /*event*/) {
    m_dragging = false;
    setCursor(Qt::OpenHandCursor);
}

void ZoomView::mouseDoubleClickEvent(QMouseEvent* event) {
    // 100% at the point clicked, or back to the whole image.
    if (m_fitted) {
        zoomBy(1.0 / (devicePixelRatioF() * fittedScale()), event->position());
    } else {
        fit();
    }
}

}  // namespace twinsight::ui
