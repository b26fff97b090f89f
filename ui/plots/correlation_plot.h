#pragma once
// True magnitude against score over held-out images, one point per (image, magnitude), with Pearson and Spearman
// in the title beside the origin study's figure for the transformation (docs/design.md, "The idea").

#include <QStringList>
#include <QWidget>
#include <vector>
#include <optional>

#include "core/evaluation/analysis.h"

class QCPGraph;
class QCPTextElement;
class QCustomPlot;
class QMouseEvent;

namespace twinsight::ui {

// The origin study's pooled Pearson for a transformation, where it reported one (blur 0.955, rotation 0.37,
// brightness 0.775).
std::optional<double> originStudyPearson(const QString& transform);

class CorrelationPlot : public QWidget {
    Q_OBJECT
public:
    explicit CorrelationPlot(QWidget* parent = nullptr);

    // `source` says which images were degraded ("held-out images", "folder images").
    void setStudy(const core::CorrelationStudy& study, const QString& transform, const QString& unit,
                  const core::Calibration& calibration, const QString& source);
    void clear(const QString& message);
    // The images behind the points (by StudyRow::image): a point then names its image on hover and selects it on a
    // click. Empty: the points say their magnitude and score only.
    void setImagePaths(const QStringList& paths);
    // The point nearest `position` (pixels of plot()) within a few pixels: its row in the study, or -1.
    int pointAt(const QPoint& position) const;
    // Where the study's `row` is drawn, in pixels of plot().
    QPoint pointPosition(int row) const;
    QCustomPlot* plot() const { return m_plot; }
    QString title() const;
    int pointCount() const;

signals:
    // A point whose image is known was clicked.
    void imageClicked(const QString& path);

private:
    void onMouseMove(QMouseEvent* event);
    void onMousePress(QMouseEvent* event);

    QCPTextElement* m_title = nullptr;  // before m_plot: createPlot() sets it while m_plot is built
    QCustomPlot* m_plot;
    QCPGraph* m_points;
    QCPGraph* m_calibration;
    std::vector<core::StudyRow> m_rows;
    QStringList m_imagePaths;
    QString m_unit;

};

}  // namespace twinsight::ui
