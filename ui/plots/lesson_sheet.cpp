#include "ui/plots/lesson_sheet.h"

#include <qcustomplot.h>

#include <QBuffer>
#include <QDate>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <algorithm>
#include <stdexcept>

#include "ui/plots/plot_style.h"

namespace twinsight::ui {

namespace {
// The page in points at 96 dots per inch (the screen's: fonts keep their on-screen size), A4 landscape.
constexpr int kResolution = 96;
constexpr double kMargin = 28.0;
constexpr int kPairsShown = 8;
// Each plot is laid out at this size, then scaled into its cell: big enough for its labels to keep their place.
const QSize kPlotLayout(640, 360);
constexpr double kTitleHeight = 44.0;
constexpr double kPairsHeight = 150.0;
constexpr double kGap = 12.0;

void drawLines(QCPPainter& painter, const QRectF& area, const QString& heading, const QStringList& lines) {
    QFont bold = painter.font();
    bold.setBold(true);
    QFont plain = painter.font();
    plain.setBold(false);
    double y = area.top();
    painter.setFont(bold);
    const double lineHeight = QFontMetricsF(plain).height() * 1.15;
    painter.drawText(QRectF(area.left(), y, area.width(), lineHeight), Qt::AlignLeft | Qt::AlignVCenter, heading);
    y += lineHeight * 1.2;
    painter.setFont(plain);
    const int flags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap;  // a long line wraps within its column
    for (const QString& line : lines) {
        const QRectF needed = painter.boundingRect(QRectF(area.left(), y, area.width(), area.bottom() - y), flags, line);
        if (needed.bottom() > area.bottom()) break;
        painter.drawText(QRectF(area.left(), y, area.width(), needed.height()), flags, line);
        y += needed.height() + lineHeight * 0.15;
    }
}

void drawPairs(QCPPainter& painter, const QRectF& area, const QVector<QImage>& pairs) {
    const int count = std::min<int>(kPairsShown, pairs.size());
    if (count == 0) return;
    const double slot = area.width() / kPairsShown;
    for (int i = 0; i < count; ++i) {
        const QImage& tile = pairs[i];
        const QSizeF size = QSizeF(tile.size()).scaled(QSizeF(slot - 6, area.height()), Qt::KeepAspectRatio);
        painter.drawImage(QRectF(area.left() + i * slot + 3, area.top(), size.width(), size.height()), tile);
    }
}
}  // namespace

std::string renderLessonSheet(const LessonSheet& sheet) {
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter pdf(&buffer);
    pdf.setCreator(QStringLiteral("Twinsight"));
    pdf.setTitle(sheet.title);
    pdf.setResolution(kResolution);
    pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(0, 0, 0, 0)));
    QCPPainter painter;
    if (!painter.begin(&pdf)) throw std::runtime_error("the lesson sheet cannot be rendered");
    painter.setMode(QCPPainter::pmVectorized);
    const QRectF page = QRectF(0, 0, pdf.width(), pdf.height()).adjusted(kMargin, kMargin, -kMargin, -kMargin);

    QFont title = painter.font();
    title.setPointSizeF(16);
    title.setBold(true);
    painter.setFont(title);
    painter.drawText(QRectF(page.left(), page.top(), page.width(), kTitleHeight), Qt::AlignLeft | Qt::AlignTop,
                     sheet.title);
    QFont small = painter.font();
    small.setPointSizeF(9);
    small.setBold(false);
    painter.setFont(small);
    painter.drawText(QRectF(page.left(), page.top(), page.width(), kTitleHeight), Qt::AlignRight | Qt::AlignTop,
                     QObject::tr("Twinsight · %1").arg(QDate::currentDate().toString(Qt::ISODate)));

    // Two rows of two cells: the curves and the settings, then the sweep and the correlation.
    const double top = page.top() + kTitleHeight;
    const double cellWidth = (page.width() - kGap) / 2;
    const double cellHeight = (page.height() - kTitleHeight - kPairsHeight - 2 * kGap) / 2;
    const auto cell = [&](int row, int column) {
        return QRectF(page.left() + column * (cellWidth + kGap), top + row * (cellHeight + kGap), cellWidth,
                      cellHeight);
    };
    const auto plotInto = [&](QCustomPlot* plot, const QRectF& area) {
        if (!plot) return;
        const QSizeF fitted = QSizeF(kPlotLayout).scaled(area.size(), Qt::KeepAspectRatio);
        paintPlotInto(&painter, plot, QRectF(area.topLeft(), fitted), kPlotLayout);
    };
    plotInto(sheet.curves, cell(0, 0));
    const QRectF text = cell(0, 1);
    drawLines(painter, QRectF(text.left(), text.top(), text.width() / 2 - kGap, text.height()),
              QObject::tr("Settings"), sheet.settings);
    drawLines(painter, QRectF(text.center().x(), text.top(), text.width() / 2, text.height()),
              QObject::tr("Figures on held-out images"), sheet.figures);
    plotInto(sheet.sweep, cell(1, 0));
    plotInto(sheet.correlation, cell(1, 1));
    const QRectF pairs(page.left(), page.bottom() - kPairsHeight + kGap, page.width(), kPairsHeight - kGap);
    painter.setFont(small);
    drawLines(painter, QRectF(pairs.left(), pairs.top() - 2 * kGap, pairs.width(), 2 * kGap),
              QObject::tr("Training pairs the network judged: a green frame is right, a red one wrong"), {});
    drawPairs(painter, pairs, sheet.pairs);
    if (!painter.end()) throw std::runtime_error("the lesson sheet cannot be rendered");
    return buffer.data().toStdString();
}

}  // namespace twinsight::ui
