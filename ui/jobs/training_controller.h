#pragma once
// Owns the training thread and its worker: starts trainings and stops them. Listen to worker()'s signals: they
// arrive queued on the listener's thread, after the controller's own bookkeeping, so isRunning() is already false
// when a listener hears that a training ended. Destroying it stops a running training and waits for the thread.

#include <QObject>
#include <QThread>
#include <opencv2/core.hpp>

#include "ui/jobs/training_types.h"

namespace twinsight::ui {

class TrainingWorker;

class TrainingController : public QObject {
    Q_OBJECT
public:
    explicit TrainingController(QObject* parent = nullptr);
    ~TrainingController() override;

    // Starts a training on the worker thread; returns false (and does nothing) while one is running.
    bool start(const TrainingRequest& request);
    // Asks the running training to stop; `cancelled` follows within a step.
    void stop();
    bool isRunning() const { return m_running; }
    // While running: hold it between two steps, run on, run `steps` more and hold again, change its settings
    // (applied at the next step; core::TrainingControl::adjust's std::invalid_argument for a bad value).
    void pause();
    void resume();
    void step(int steps);
    void adjust(const core::TrainingAdjustment& adjustment);
    bool isPaused() const;
    // The image (at the working size) whose sweep the running training's validations report; empty: none.
    void watch(const cv::Mat& image);
    // For connecting to its signals only: it lives on the training thread.
    const TrainingWorker* worker() const { return m_worker; }

private:
    QThread m_thread;
    TrainingWorker* m_worker;  // lives on m_thread; deleted once the thread has stopped
    bool m_running = false;
};

}  // namespace twinsight::ui
