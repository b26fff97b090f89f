#include "ui/browser/thumbnail_delegate.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QModelIndex>
#include <QPainterPath>
#include <algorithm>

#include "ui/browser/image_grid_model.h"

namespace twinsight::ui {
namespace {
constexpr int kPadding = 6;
constexpr int kImageHeight = 88;  // 4:3 thumbnails in the cell width less padding
const QColor kFlagColour(214, 69, 69);
constexpr double kCaptionScale = 0.9;  // captions a little smaller than the file name

void drawThumbnail(QPainter* painter, const QRect& area, const QImage& thumbnail, const QPalette& palette) {
    if (thumbnail.isNull()) {
        painter->fillRect(area.adjusted(10, 6, -10, -6), palette.color(QPalette::AlternateBase));
        return;
    }
    const QSize size = thumbnail.size().scaled(area.size(), Qt::KeepAspectRatio);
    const QRect target(area.x() + (area.width() - size.width()) / 2, area.y() + (area.height() - size.height()) / 2,
                       size.width(), size.height());
    painter->drawImage(target, thumbnail);
}

// A rounded label in the thumbnail's top left or top right corner.
void drawBadge(QPainter* painter, const QRect& imageArea, const QString& text, const QColor& colour, const QFont& font,
               bool right) {
    QFont bold = font;
    bold.setBold(true);
    const QFontMetrics metrics(bold);
    const int width = metrics.horizontalAdvance(text) + 10;
    const QRect badge(right ? imageArea.right() - 2 - width : imageArea.x() + 2, imageArea.y() + 2, width,
                      metrics.height() + 2);
    painter->setPen(Qt::NoPen);
    painter->setBrush(colour);
    painter->drawRoundedRect(badge, 4, 4);
    painter->setPen(Qt::white);
    painter->setFont(bold);
    painter->drawText(badge, Qt::AlignCenter, text);
}

// A shot of a burst: "★ 3" on the best of the burst's 3 shots, a plain "3" on the others, at the top left; the
// worst image of a series: "▤ 42" (the series' images) at the top right.
void drawGroupBadges(QPainter* painter, const QRect& imageArea, const QModelIndex& index, const QFont& font) {
    const int shots = index.data(ImageGridModel::BurstSizeRole).toInt();
    if (shots >= 2) {
        const bool best = index.data(ImageGridModel::BestInBurstRole).toBool();
        drawBadge(painter, imageArea, best ? QStringLiteral("★ %1").arg(shots) : QString::number(shots),
                  best ? QColor(30, 120, 60, 230) : QColor(40, 40, 40, 170), font, false);
    }
    const int images = index.data(ImageGridModel::SeriesSizeRole).toInt();
    if (images >= 2 && index.data(ImageGridModel::WorstInSeriesRole).toBool()) {
        drawBadge(painter, imageArea, QStringLiteral("▤ %1").arg(images), QColor(40, 70, 130, 230), font, true);
    }
}

}  // namespace

void ThumbnailDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const {
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::SmoothPixmapTransform);
    const QRect cell = option.rect.adjusted(2, 2, -2, -2);
    const bool selected = option.state & QStyle::State_Selected;
    const bool flagged = index.data(ImageGridModel::FlaggedRole).toBool();
    if (selected) {
        QPainterPath path;
        path.addRoundedRect(cell, 6, 6);
        painter->fillPath(path, option.palette.color(QPalette::Highlight).lighter(selected ? 165 : 100));
    }
    const QRect imageArea(cell.x() + kPadding, cell.y() + kPadding, cell.width() - 2 * kPadding, kImageHeight);
    drawThumbnail(painter, imageArea, index.data(Qt::DecorationRole).value<QImage>(), option.palette);
    drawGroupBadges(painter, imageArea, index, option.font);
    if (flagged) {
        painter->setPen(QPen(kFlagColour, 3));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(cell.adjusted(1, 1, -1, -1), 6, 6);
    }

    const QFontMetrics metrics(option.font);
    QRect text(cell.x() + 2, imageArea.bottom() + 4, cell.width() - 4, metrics.height());
    painter->setPen(option.palette.color(QPalette::Text));
    painter->setFont(option.font);
    painter->drawText(text, Qt::AlignHCenter | Qt::AlignVCenter,
                      metrics.elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideMiddle, text.width()));
    const QString caption = index.data(ImageGridModel::CaptionRole).toString();
    if (!caption.isEmpty()) {
        QFont small = option.font;
        small.setPointSizeF(option.font.pointSizeF() * kCaptionScale);
        const bool inRange = index.data(ImageGridModel::InRangeRole).toBool();
        const QColor normal = option.palette.color(inRange ? QPalette::Text : QPalette::PlaceholderText);
        const QList<int> flaggingLines = index.data(ImageGridModel::FlaggingLinesRole).value<QList<int>>();
        const int currentLine = index.data(ImageGridModel::CurrentLineRole).toInt();
        const QStringList lines = caption.split('\n');
        text.setHeight(QFontMetrics(small).height());
        text.translate(0, metrics.height() - text.height());
        for (int line = 0; line < lines.size(); ++line) {
            QFont font = small;
            font.setBold(line == currentLine);
            painter->setFont(font);
            painter->setPen(flaggingLines.contains(line) ? kFlagColour : normal);  // the models that flag it
            text.translate(0, text.height());
            painter->drawText(text, Qt::AlignHCenter | Qt::AlignVCenter,
                              QFontMetrics(font).elidedText(lines[line], Qt::ElideRight, text.width()));
        }
    }
    painter->restore();
}

int ThumbnailDelegate::cellWidth(const QFont& font) {
    QFont small = font;
    small.setPointSizeF(font.pointSizeF() * kCaptionScale);
    return std::max(kCellWidth, QFontMetrics(small).horizontalAdvance(QStringLiteral("noise 00.00 levels")) + 8);
}

void ThumbnailDelegate::setCaptionLines(int lines) {
    lines = std::max(1, lines);
    if (lines == m_captionLines) return;
    m_captionLines = lines;
    emit sizeHintChanged({});  // the view lays its cells out again
}

QSize ThumbnailDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& /*index*/) const {
    QFont small = option.font;
    small.setPointSizeF(option.font.pointSizeF() * kCaptionScale);
    // Larger text (presentation mode) widens and heightens the cell to what its lines need; at the usual sizes the
    // constants hold.
    const QFontMetrics captionMetrics(small);
    const int width = cellWidth(option.font);
    const int textHeight = QFontMetrics(option.font).height() + m_captionLines * captionMetrics.height();
    const int height = std::max(kCellHeight + (m_captionLines - 1) * captionMetrics.height(),
                                kPadding + kImageHeight + 8 + textHeight + kPadding);
    return {width, height};
}

}  // namespace twinsight::ui
