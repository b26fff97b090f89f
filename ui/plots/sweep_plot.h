#pragma once
// Score and calibrated estimate of the selected image degraded across the model's range, with the image's own
// score marked: how the model's answer grows with the magnitude on one picture.

#include <QWidget>

#include "ui/jobs/analysis_jobs.h"

class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;
class QCPTextElement;
class QCustomPlot;

namespace twinsight::ui {

class SweepPlot : public QWidget {
    Q_OBJECT
public:
    explicit SweepPlot(QWidget* parent = nullptr);

    void setSweep(const SweepResult& sweep, const QString& transform, const QString& unit);
    // During a training: the network's raw scores at `step` (no estimate yet: the calibration is fitted at the end).
    void setLiveSweep(const SweepResult& sweep, const QString& transform, const QString& unit, int step);
    bool isLive() const { return m_live; }
    void clear(const QString& message);
    QCustomPlot* plot() const { return m_plot; }
    int pointCount() const;
    // The estimate shown for the image as it is; NaN when nothing is shown.
    double ownEstimate() const;

private:
    QCPTextElement* m_title = nullptr;  // before m_plot: createPlot() sets it while m_plot is built
    QCustomPlot* m_plot;
    QCPGraph* m_score;
    QCPGraph* m_estimate;
    QCPGraph* m_ideal;
    QCPGraph* m_own;
    QCPItemStraightLine* m_ownLine;
    QCPItemText* m_ownLabel;
    bool m_live = false;
};

}  // namespace twinsight::ui
