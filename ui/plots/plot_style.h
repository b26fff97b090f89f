#pragma once
// The look shared by every plot (colours, fonts, grid, title), and saving a plot as PNG, PDF or SVG.

#include <QColor>
#include <QRectF>
#include <QSize>
#include <QString>

class QCPPainter;
class QCPTextElement;
class QCustomPlot;
class QWidget;

namespace twinsight::ui {
class FileWriter;

// A colour-blind-safe set (Okabe-Ito), one role each across all plots.
namespace plot_colours {
inline const QColor kPrimary{0, 114, 178};    // scores, loss
inline const QColor kSecondary{230, 159, 0};  // estimates, accuracy
inline const QColor kGood{0, 158, 115};
inline const QColor kBad{213, 94, 0};
inline const QColor kMuted{150, 150, 150};
}  // namespace plot_colours

// A plot styled like the others, with a title row; the title element is returned through `title`.
QCustomPlot* createPlot(QWidget* parent, QCPTextElement** title);

// Scales a plot made by createPlot for a projector: fonts (axes, ticks, legend, title) and line widths by `scale`
// (1 = as made). Each call starts from the plot as made, so scales do not compound.
void setPlotScale(QCustomPlot* plot, double scale);

// Sets the title of a plot made by createPlot. Lines wider than the plot are wrapped between words, again whenever
// the plot is resized, so that a narrow window (1024 px wide) still shows the whole title.
void setPlotTitle(QCPTextElement* title, const QString& text);
// The title as set, before wrapping.
QString plotTitle(const QCPTextElement* title);

// Draws `plot`, laid out at `layoutSize` (its titles wrapped for that width), scaled into `target` of a page being
// composed (the lesson sheet). `painter` must be in vectorized mode for a PDF.
void paintPlotInto(QCPPainter* painter, QCustomPlot* plot, const QRectF& target, QSize layoutSize);

// Writes the plot to `path` (format from its suffix: png, pdf or svg) atomically, on the calling thread (tools and
// tests; the window writes through its FileWriter). Throws std::runtime_error naming the path when it cannot.
void savePlot(QCustomPlot* plot, const QString& path);

// Asks where to save `plot` (PNG, PDF or SVG), renders it and hands the bytes to `writer`, whose signals tell how
// the write ended. Returns false when the user cancelled or the plot could not be rendered (`error` then says why).
bool exportPlotWithDialog(QWidget* parent, QCustomPlot* plot, const QString& suggestedName, FileWriter& writer,
                          QString* error);

}  // namespace twinsight::ui
