#pragma once
// Owns the training thread and its worker: starts trainings, stops them, and forwards the worker's signals to the
// UI thread. Destroying it stops a running training and waits for the thread.

#include <QObject>
#include <QThread>

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

signals:
    void progress(const TrainingUpdate& update);
    void finished(std::shared_ptr<const TrainingResult> result);
    void failed(const QString& message);
    void cancelled();

private:
    QThread m_thread;
    TrainingWorker* m_worker;  // lives on m_thread; deleted once the thread has stopped
    bool m_running = false;
};

}  // namespace twinsight::ui
