#include "ui/browser/image_view.h"

#include <QPainter>

namespace twinsight::ui {

ImageView::ImageView(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void ImageView::setImage(const QImage& image, const QString& caption) {
    if (image.cacheKey() != m_image.cacheKey()) m_scaled = QPixmap();
    m_image = image;
    m_caption = caption;
    m_hint.clear();
    update();
}

void ImageView::setNote(const QString& note) {
    if (note == m_note) return;
    m_note = note;
    update();
}

void ImageView::clear(const QString& hint) {
    m_image = QImage();
    m_scaled = QPixmap();
    m_caption.clear();
    m_note.clear();
    m_hint = hint;
    update();
}

void ImageView::paintEvent(QPaintEvent* /*event*/) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    const QFontMetrics metrics(font());
    const QString shown = caption();
    const int captionHeight = shown.isEmpty() ? 0 : metrics.height() + 6;
    const QRect area = rect().adjusted(4, 4, -4, -4 - captionHeight);
    if (m_image.isNull()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(area, Qt::AlignCenter | Qt::TextWordWrap, m_hint);
        return;
    }
    const QSize size = m_image.size().scaled(area.size(), Qt::KeepAspectRatio);
    const QRect target(area.x() + (area.width() - size.width()) / 2, area.y() + (area.height() - size.height()) / 2,
                       size.width(), size.height());
    if (m_scaled.size() != size) {
        m_scaled = QPixmap::fromImage(m_image.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation));
    }
    painter.drawPixmap(target.topLeft(), m_scaled);
    if (captionHeight > 0) {
        painter.setPen(palette().color(QPalette::WindowText));
        const QRect text(rect().x(), target.bottom() + 4, rect().width(), metrics.height());
        painter.drawText(text, Qt::AlignHCenter | Qt::AlignTop,
                         metrics.elidedText(shown, Qt::ElideMiddle, text.width()));
    }
}

}  // namespace twinsight::ui
