#include "ui/plot_style.h"

#include <qcustomplot.h>

#include <QFileInfo>
#include <QSvgGenerator>
#include <filesystem>
#include <stdexcept>
#include <system_error>

#include "ui/save_dialog.h"

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

void rewrapTitle(QCPTextElement* title) {
    const QString text = title->property(kFullTitleProperty).toString();
    const int width = title->parentPlot()->width() - 2 * kTitleSideMargin;
    title->setText(width > 0 ? wrapped(text, QFontMetrics(title->font()), width) : text);
}

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

void renderToFile(QCustomPlot* plot, const QString& path, const QString& format) {
    bool ok = false;
    if (format == "png") {
        ok = plot->savePng(path, kExportWidth, kExportHeight, /*scale=*/2.0);
    } else if (format == "pdf") {
        ok = plot->savePdf(path, kExportWidth, kExportHeight);
    } else if (format == "svg") {
        QSvgGenerator generator;
        generator.setFileName(path);
        generator.setSize(QSize(kExportWidth, kExportHeight));
        generator.setViewBox(QRect(0, 0, kExportWidth, kExportHeight));
        generator.setTitle(QStringLiteral("Twinsight plot"));
        QCPPainter painter;
        ok = painter.begin(&generator);
        if (ok) {
            plot->toPainter(&painter, kExportWidth, kExportHeight);
            ok = painter.end();
        }
    } else {
        throw std::runtime_error(path.toStdString() + ": unknown plot format (use .png, .pdf or .svg)");
    }
    if (!ok) throw std::runtime_error(path.toStdString() + ": cannot write the plot");
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
    if (title) *title = element;
    return plot;
}

QString plotTitle(const QCPTextElement* title) { return title->property(kFullTitleProperty).toString(); }

void setPlotTitle(QCPTextElement* title, const QString& text) {
    title->setProperty(kFullTitleProperty, text);
    rewrapTitle(title);
}

void savePlot(QCustomPlot* plot, const QString& path) {
    const QString format = QFileInfo(path).suffix().toLower();
    const std::string target = path.toStdString();
    const std::string partial = target + ".part";
    try {
        renderToFile(plot, QString::fromStdString(partial), format);
    } catch (...) {
        std::error_code ignored;
        std::filesystem::remove(partial, ignored);
        throw;
    }
    std::error_code error;
    std::filesystem::rename(partial, target, error);  // replaces an existing file the user agreed to overwrite
    if (error) {
        std::filesystem::remove(partial, error);
        throw std::runtime_error(target + ": cannot write the plot (" + error.message() + ")");
    }
}

QString exportPlotWithDialog(QWidget* parent, QCustomPlot* plot, const QString& suggestedName) {
    const QString path = askSavePath(parent, QObject::tr("Export plot"), suggestedName,
                                     {{QObject::tr("PNG image (*.png)"), "png"},
                                      {QObject::tr("PDF document (*.pdf)"), "pdf"},
                                      {QObject::tr("SVG drawing (*.svg)"), "svg"}});
    if (path.isEmpty()) return {};
    try {
        savePlot(plot, path);
    } catch (const std::exception& error) {
        return QString::fromStdString(error.what());
    }
    return {};
}

}  // namespace twinsight::ui
