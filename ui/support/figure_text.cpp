#include "ui/support/figure_text.h"

#include <QCoreApplication>

#include "core/evaluation/analysis.h"

namespace twinsight::ui {

QString figureWithInterval(double value, const core::Interval& interval, int decimals, double scale) {
    const QString figure = QString::number(value * scale, 'f', decimals);
    if (!interval.known()) return figure;
    return QStringLiteral("%1 (%2–%3)")
        .arg(figure, QString::number(interval.low * scale, 'f', decimals),
             QString::number(interval.high * scale, 'f', decimals));
}

QString intervalText(const core::Interval& interval, int decimals, double scale) {
    if (!interval.known()) return QCoreApplication::translate("FigureText", "unknown");
    return QStringLiteral("%1–%2").arg(QString::number(interval.low * scale, 'f', decimals),
                                       QString::number(interval.high * scale, 'f', decimals));
}

QString roughNote(int images) {
    if (images >= core::kSteadyStudyImages) return {};
    return images == 1 ? QCoreApplication::translate("FigureText", "rough: only 1 held-out image")
                       : QCoreApplication::translate("FigureText", "rough: only %1 held-out images").arg(images);
}

}  // namespace twinsight::ui
