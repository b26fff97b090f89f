#include "ui/plots/plot_style.h"

#include <qcustomplot.h>

#include <QBuffer>
#include <QFileInfo>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSvgGenerator>
#include <algorithm>
#include <stdexcept>
#include <string>

#include "core/base/atomic_file.h"
#include "ui/jobs/file_writer.h"
#include "ui/window/save_dialog.h"

namespace twinsight::ui {
namespace {

// Exported size, px (PNG is written at twice this for high-density screens and print).
constexpr int kExportWidth = 900;
constexpr int kExportHeight = 560;

constexpr char kFullTitleProperty[] = "twinsightFullTitle";
constexpr int kTitleSideMargin = 16;  // px left free on each side of a wrapped title

// `text` with each line broken between words where it would be wider than `width`.
QString wrapped(const QString& text, const QFontMetrics& metrics, int width) {
    QStringList out;
    for (const QString& line : text.split('\n')) {
        QString current;
        for (const QString& word : line.split(' ', Qt::SkipEmptyParts)) {
            const QString candidate = current.isEmpty() ? word : current + ' ' + word;
            if (!current.isEmpty() && metrics.horizontalAdvance(candidate) > width) {
                out << current;
                current = word;
            } else {
                current = candidate;
            }
        }
        out << current;
    }
    return out.join('\n');
}

// Wraps the title for a plot `plotWidth` px wide (the widget's own width by default).
void rewrapTitle(QCPTextElement* title, int plotWidth = -1) {
    const QString text = title->property(kFullTitleProperty).toString();
    const int width = (plotWidth > 0 ? plotWidth : title->parentPlot()->width()) - 2 * kTitleSideMargin;
    title->setText(width > 0 ? wrapped(text, QFontMetrics(title->font()), width) : text);
}

// While it lives, the plot's titles are wrapped for the export width instead of the window's.
class ExportTitles {
public:
    explicit ExportTitles(QCustomPlot* plot, int width = kExportWidth)
        : m_plot(plot), m_titles(plot->findChildren<QCPTextElement*>()) {
        for (QCPTextElement* title : m_titles) {
            if (!title->property(kFullTitleProperty).isNull()) rewrapTitle(title, width);
        }
    }
    ~ExportTitles() {
        for (QCPTextElement* title : m_titles) {
            if (!title->property(kFullTitleProperty).isNull()) rewrapTitle(title);
        }
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    }
    ExportTitles(const ExportTitles&) = delete;
    ExportTitles& operator=(const ExportTitles&) = delete;

private:
    QCustomPlot* m_plot;
    QList<QCPTextElement*> m_titles;
};

// Wraps the plot's title again when the plot's width changes.
class TitleRewrapper : public QObject {
public:
    TitleRewrapper(QCustomPlot* plot, QCPTextElement* title) : QObject(plot), m_title(title) {
        plot->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::Resize && !m_title->property(kFullTitleProperty).isNull()) {
            rewrapTitle(m_title);
            static_cast<QCustomPlot*>(watched)->replot(QCustomPlot::rpQueuedReplot);
        }
        return false;
    }

private:
    QCPTextElement* m_title;
};

void styleAxis(QCPAxis* axis) {
    const QColor line(120, 120, 120);
    axis->setBasePen(QPen(line));
    axis->setTickPen(QPen(line));
    axis->setSubTickPen(QPen(line));
    axis->grid()->setPen(QPen(QColor(225, 225, 225), 1, Qt::SolidLine));
    axis->grid()->setZeroLinePen(QPen(QColor(200, 200, 200)));
    axis->setLabelColor(QColor(60, 60, 60));
    axis->setTickLabelColor(QColor(60, 60, 60));
}

// Draws the plot at the export size onto a vector device (PDF, SVG), page and drawing in the same units.
bool paintVectorized(QCustomPlot* plot, QPaintDevice* device) {
    QCPPainter painter;
    if (!painter.begin(device)) return false;
    painter.setMode(QCPPainter::pmVectorized);
    painter.setWindow(0, 0, kExportWidth, kExportHeight);
    plot->toPainter(&painter, kExportWidth, kExportHeight);
    return painter.end();
}

// The plot's file in `format` (png, pdf or svg), rendered into memory: this needs the plot's widgets, so it runs on
// the UI thread, and the disk is left to the writer.
std::string renderPlot(QCustomPlot* plot, const QString& format, const QString& path) {
    const ExportTitles titles(plot);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    bool ok = false;
    if (format == "png") {
        ok = plot->toPixmap(kExportWidth, kExportHeight, /*scale=*/2.0).save(&buffer, "PNG");
    } else if (format == "pdf") {
        QPdfWriter pdf(&buffer);
        pdf.setCreator(QStringLiteral("Twinsight"));
        pdf.setTitle(QStringLiteral("Twinsight plot"));
        pdf.setResolution(96);  // screen resolution, as QCustomPlot's own PDF export: fonts keep their on-screen size
        pdf.setPageLayout(QPageLayout(QPageSize(QSizeF(kExportWidth, kExportHeight), QPageSize::Point),
                                      QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
        ok = paintVectorized(plot, &pdf);
    } else if (format == "svg") {
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setSize(QSize(kExportWidth, kExportHeight));
        svg.setViewBox(QRect(0, 0, kExportWidth, kExportHeight));
        svg.setTitle(QStringLiteral("Twinsight plot"));
        ok = paintVectorized(plot, &svg);
    } else {
        throw std::runtime_error(path.toStdString() + ": unknown plot format (use .png, .pdf or .svg)");
    }
    if (!ok) throw std::runtime_error(path.toStdString() + ": cannot render the plot");
    return buffer.data().toStdString();
}

}  // namespace

namespace {

// Before each replot (a resize replots too): as many x ticks as labels of the range's widest number fit side by side,
// so that a narrow plot (1024 px at a scale factor of 1.5) never runs its tick labels together.
void keepTickLabelsApart(QCustomPlot* plot) {
    QObject::connect(plot, &QCustomPlot::beforeReplot, plot, [plot] {
        QCPAxis* axis = plot->xAxis;
        const QFontMetrics metrics(axis->tickLabelFont());
        const QCPRange range = axis->range();
        int widest = 0;
        for (double end : {range.lower, range.upper, (range.lower + range.upper) / 2.0}) {
            widest = std::max(widest, metrics.horizontalAdvance(QString::number(end, 'g', 3)));
        }
        const int room = plot->axisRect()->width();
        // At most QCustomPlot's default of 5: wide plots keep their look.
        const int count = std::clamp(room / (widest + metrics.averageCharWidth() * 3), 2, 5);
        axis->ticker()->setTickCount(count);
    });
}

}  // namespace

QCustomPlot* createPlot(QWidget* parent, QCPTextElement** title) {
    auto* plot = new QCustomPlot(parent);
    plot->setAntialiasedElements(QCP::aePlottables | QCP::aeItems);
    plot->setNoAntialiasingOnDrag(true);
    for (QCPAxis* axis : {plot->xAxis, plot->yAxis, plot->xAxis2, plot->yAxis2}) styleAxis(axis);
    plot->plotLayout()->insertRow(0);
    auto* element = new QCPTextElement(plot, QString(), QFont(plot->font().family(), 11, QFont::DemiBold));
    element->setTextColor(QColor(40, 40, 40));
    // A long title must not set the plot's minimum width (a sweep's title made the window 1393 px wide at least,
    // more than a 1024 x 768 screen); it is centred and clipped when the plot is narrower.
    element->setMinimumSize(1, 0);
    plot->plotLayout()->addElement(0, 0, element);
    plot->legend->setBrush(QColor(255, 255, 255, 220));
    plot->legend->setBorderPen(QPen(QColor(210, 210, 210)));
    new TitleRewrapper(plot, element);
    keepTickLabelsApart(plot);
    if (title) *title = element;
    return plot;
}

void setPlotScale(QCustomPlot* plot, double scale) {
    // What the plot was made with, kept on first use.
    const char* kBasePoints = "twinsightBasePoints";
    const char* kBaseWidth = "twinsightBaseWidth";
    const auto scaled = [&](QObject* owner, QFont font, const QByteArray& which) {
        const QByteArray key = QByteArray(kBasePoints) + which;
        if (!owner->property(key).isValid()) owner->setProperty(key, font.pointSizeF());
        font.setPointSizeF(owner->property(key).toDouble() * scale);
        return font;
    };
    for (QCPAxis* axis : {plot->xAxis, plot->yAxis, plot->xAxis2, plot->yAxis2}) {
        axis->setLabelFont(scaled(axis, axis->labelFont(), "Label"));
        axis->setTickLabelFont(scaled(axis, axis->tickLabelFont(), "Ticks"));
    }
    plot->legend->setFont(scaled(plot->legend, plot->legend->font(), "Legend"));
    if (auto* title = qobject_cast<QCPTextElement*>(plot->plotLayout()->element(0, 0))) {
        title->setFont(scaled(title, title->font(), "Title"));
    }
    for (int i = 0; i < plot->plottableCount(); ++i) {
        QCPAbstractPlottable* plottable = plot->plottable(i);
        QPen pen = plottable->pen();
        if (!plottable->property(kBaseWidth).isValid()) plottable->setProperty(kBaseWidth, pen.widthF());
        pen.setWidthF(plottable->property(kBaseWidth).toDouble() * scale);
        plottable->setPen(pen);
    }
    plot->replot(QCustomPlot::rpQueuedReplot);
}

QString plotTitle(const QCPTextElement* title) { return title->property(kFullTitleProperty).toString(); }

void setPlotTitle(QCPTextElement* title, const QString& text) {
    title->setProperty(kFullTitleProperty, text);
    rewrapTitle(title);
}

void savePlot(QCustomPlot* plot, const QString& path) {
    core::writeFileAtomically(path.toStdString(), renderPlot(plot, QFileInfo(path).suffix().toLower(), path));
}

bool exportPlotWithDialog(QWidget* parent, QCustomPlot* plot, const QString& suggestedName, FileWriter& writer,
                          QString* error) {
    const QString path = askSavePath(parent, QObject::tr("Export plot"), suggestedName,
                                     {{QObject::tr("PNG image (*.png)"), "png"},
                                      {QObject::tr("PDF document (*.pdf)"), "pdf"},
                                      {QObject::tr("SVG drawing (*.svg)"), "svg"}});
    if (path.isEmpty()) return false;
    try {
        writer.writeBytes(path, renderPlot(plot, QFileInfo(path).suffix().toLower(), path));
    } catch (const std::exception& failure) {
        *error = QString::fromStdString(failure.what());
        return false;
    }
    return true;
}

void paintPlotInto(QCPPainter* painter, QCustomPlot* plot, const QRectF& target, QSize layoutSize) {
    const ExportTitles titles(plot, layoutSize.width());
    painter->save();
    painter->translate(target.topLeft());
    painter->scale(target.width() / layoutSize.width(), target.height() / layoutSize.height());
    plot->toPainter(painter, layoutSize.width(), layoutSize.height());
    painter->restore();
}

}  // namespace twinsight::ui
