#pragma once
// Live curves of a training: the loss at every step (raw and smoothed) and the validation pair accuracy.

#include <QWidget>
#include <vector>

#include "ui/jobs/training_types.h"

class QCPAbstractItem;
class QCPGraph;
class QCPTextElement;
class QCustomPlot;

namespace twinsight::ui {

class TrainingCurves : public QWidget {
    Q_OBJECT
public:
    explicit TrainingCurves(QWidget* parent = nullptr);

    void reset(int totalSteps);
    void addUpdate(const TrainingUpdate& update);
    QCustomPlot* plot() const { return m_plot; }
    int lossPoints() const;
    int accuracyPoints() const;
    // The steps marked where settings changed while paused.
    int markCount() const { return static_cast<int>(m_marks.size() / 2); }

private:
    // A dashed line at `step` with the settings it trained with from then on.
    void addMark(int step, const TrainingUpdate& update);

    QCPTextElement* m_title = nullptr;  // before m_plot: createPlot() sets it while m_plot is built
    QCustomPlot* m_plot;
    QCPGraph* m_loss;
    QCPGraph* m_smoothLoss;
    QCPGraph* m_accuracy;
    std::vector<QCPAbstractItem*> m_marks;  // a line and its label per change of settings
    double m_smoothed = 0.0;
    double m_highestLoss = 0.0;  // of the smoothed curve: the top of the loss axis
};

}  // namespace twinsight::ui
