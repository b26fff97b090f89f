#pragma once
// Live curves of a training: the loss at every step (raw and smoothed) and the validation pair accuracy.

#include <QWidget>

#include "ui/jobs/training_types.h"

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

private:
    QCPTextElement* m_title = nullptr;  // before m_plot: createPlot() sets it while m_plot is built
    QCustomPlot* m_plot;
    QCPGraph* m_loss;
    QCPGraph* m_smoothLoss;
    QCPGraph* m_accuracy;
    double m_smoothed = 0.0;
    double m_highestLoss = 0.0;  // of the smoothed curve: the top of the loss axis
};

}  // namespace twinsight::ui
