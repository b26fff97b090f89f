#include "ui/panels/pairs_strip.h"

#include <QPainter>
#include <algorithm>

#include "ui/plots/plot_style.h"

namespace twinsight::ui {
namespace {
constexpr int kCrop = 88;  // px on screen for each crop (the network's input is usually 48 to 64 px)
constexpr int kGap = 8;
constexpr int kPadding = 6;
constexpr int kTileWidth = 2 * kCrop + kGap + 2 * kPadding;
constexpr int kTextLines = 3;

QString magnitudeText(double magnitude, const QString& unit) {
    return QStringLiteral("%1 %2").arg(magnitude, 0, 'f', 2).arg(unit);
}

}  // namespace

PairsStrip::PairsStrip(QWidget* parent) : QListWidget(parent) {
    setObjectName("pairsStrip");
    setViewMode(QListView::IconMode);
    setFlow(QListView::LeftToRight);
    setWrapping(false);
    setMovement(QListView::Static);
    setSelectionMode(QAbstractItemView::NoSelection);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSpacing(4);
    const QImage sample = renderTile({}, {}, {}, font());
    setIconSize(sample.size());
    setFixedHeight(sample.height() + 30);
}

QImage PairsStrip::renderTile(const PairView& pair, const QString& unit, const QString& higherReading,
                              const QFont& font) {
    const QFontMetrics metrics(font);
    const int lineHeight = metrics.height();
    const int height = kPadding + kCrop + 4 + kTextLines * lineHeight + kPadding;
    QImage tile(kTileWidth, height, QImage::Format_ARGB32_Premultiplied);
    tile.fill(Qt::white);
    QPainter painter(&tile);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.setFont(font);
    const QColor verdict = pair.correct ? plot_colours::kGood : plot_colours::kBad;
    painter.setPen(QPen(verdict, 3));
    painter.drawRoundedRect(QRectF(1.5, 1.5, kTileWidth - 3, height - 3), 5, 5);

    const QRect left(kPadding, kPadding, kCrop, kCrop);
    const QRect right(kPadding + kCrop + kGap, kPadding, kCrop, kCrop);
    if (!pair.first.isNull()) painter.drawImage(left, pair.first);
    if (!pair.second.isNull()) painter.drawImage(right, pair.second);

    painter.setPen(QColor(40, 40, 40));
    QRect line(0, kPadding + kCrop + 4, kCrop, lineHeight);
    line.moveLeft(left.left());
    painter.drawText(line, Qt::AlignCenter, magnitudeText(pair.firstMagnitude, unit));
    line.moveLeft(right.left());
    painter.drawText(line, Qt::AlignCenter, magnitudeText(pair.secondMagnitude, unit));

    const QRect full(kPadding, line.bottom() + 1, kTileWidth - 2 * kPadding, lineHeight);
    const QString truthSide = pair.firstMoreDegraded ? QObject::tr("left") : QObject::tr("right");
    painter.drawText(full, Qt::AlignCenter,
                     metrics.elidedText(QObject::tr("%1: %2").arg(higherReading, truthSide), Qt::ElideMiddle,
                                        full.width()));
    const bool saysFirst = pair.firstScore > pair.secondScore;
    const QString modelSide = saysFirst ? QObject::tr("left") : QObject::tr("right");
    painter.setPen(verdict);
    QFont bold = font;
    bold.setBold(true);
    painter.setFont(bold);
    painter.drawText(
        full.translated(0, lineHeight), Qt::AlignCenter,
        QObject::tr("model: %1 %2").arg(modelSide, pair.correct ? QStringLiteral("✓") : QStringLiteral("✗")));
    return tile;
}

void PairsStrip::setPairs(const QVector<PairView>& pairs, const QString& unit, const QString& higherReading) {
    QVector<PairView> ordered = pairs;
    // Wrong verdicts first: they are what a user learns most from.
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const PairView& a, const PairView& b) { return !a.correct && b.correct; });
    clear();
    m_wrong = 0;
    m_tiles.clear();
    for (const PairView& pair : ordered) {
        if (!pair.correct) ++m_wrong;
        m_tiles << renderTile(pair, unit, higherReading, font());
        auto* item = new QListWidgetItem(QIcon(QPixmap::fromImage(m_tiles.back())), QString());
        item->setToolTip(
            tr("Scores: left %1, right %2").arg(pair.firstScore, 0, 'f', 3).arg(pair.secondScore, 0, 'f', 3));
        addItem(item);
    }
}

void PairsStrip::clearPairs() {
    clear();
    m_wrong = 0;
    m_tiles.clear();
}

}  // namespace twinsight::ui
