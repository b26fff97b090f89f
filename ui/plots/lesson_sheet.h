#pragma once
// The lesson sheet (File > Export Lesson Sheet): one landscape A4 page a teacher hands out after a session, with
// the training's settings and figures, its curves, the selected image's sweep, the held-out correlation and eight
// training pairs with the network's verdicts.

#include <QImage>
#include <QString>
#include <QStringList>
#include <QVector>
#include <string>

class QCustomPlot;

namespace twinsight::ui {

struct LessonSheet {
    QString title;          // "Learning blur without labels"
    QStringList settings;   // one line each: "Transformation: blur, 0 to 5 px"
    QStringList figures;    // one line each: "Pair accuracy 95.5% (92.2-98.9)"
    QCustomPlot* curves = nullptr;
    QCustomPlot* sweep = nullptr;
    QCustomPlot* correlation = nullptr;
    QVector<QImage> pairs;  // rendered tiles (PairsStrip::renderTile); the first eight are shown
};

// The sheet as a one-page PDF, in memory: it draws the plots' widgets, so it runs on the UI thread. Throws
// std::runtime_error when it cannot be rendered.
std::string renderLessonSheet(const LessonSheet& sheet);

}  // namespace twinsight::ui
