#pragma once
// Playing with a running training, for a class: Pause and Resume, Step (one step, or ten) and, while paused, the
// learning rate, batch size and share of cross-image pairs the next steps train with. The curves mark each change.

#include <QWidget>

#include "core/training/trainer.h"

class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace twinsight::ui {

class TrainingPlayback : public QWidget {
    Q_OBJECT
public:
    explicit TrainingPlayback(QWidget* parent = nullptr);

    // Usable while a training runs; the settings can be edited while it is paused.
    void setRunning(bool running);
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    // The settings the training's latest step ran with.
    void showSettings(double learningRate, int batchSize, double crossImageShare);

signals:
    void pauseRequested();
    void resumeRequested();
    void stepRequested(int steps);
    // One setting changed by the user while paused.
    void adjustRequested(const core::TrainingAdjustment& adjustment);

private:
    void updateEnabled();

    QPushButton* m_pause;
    QPushButton* m_step;
    QPushButton* m_stepTen;
    QDoubleSpinBox* m_learningRate;
    QSpinBox* m_batchSize;
    QDoubleSpinBox* m_crossShare;
    QLabel* m_hint;
    bool m_running = false;
    bool m_paused = false;
};

}  // namespace twinsight::ui
