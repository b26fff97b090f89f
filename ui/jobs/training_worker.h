#pragma once
// Runs core::Trainer on the thread it lives on (a QThread owned by TrainingController). It loads the images,
// trains, and reports through signals; every exception is caught here and becomes `failed` or `cancelled`.

#include <QObject>
#include <atomic>
#include <chrono>

#include "ui/jobs/training_types.h"

namespace twinsight::ui {

class TrainingWorker : public QObject {
    Q_OBJECT
public:
    // Longest wait between two progress signals while steps are faster than that: a smooth bar and curve without
    // flooding the UI thread when a GPU runs hundreds of steps a second.
    static constexpr std::chrono::milliseconds kUpdateInterval{100};

    explicit TrainingWorker(QObject* parent = nullptr);

    // Thread-safe: called from the UI thread while run() is busy on the worker thread. The trainer checks the flag
    // every step (and every scoring batch while validating), image loading every few files.
    void requestStop() { m_cancel = true; }
    void resetStop() { m_cancel = false; }
    // Thread-safe: pause, step and adjust the running training (reset when the next one starts).
    core::TrainingControl& control() { return m_control; }

    // Blocks the calling thread for the whole training: call it on the worker thread only.
    void run(const TrainingRequest& request);

signals:
    void progress(const TrainingUpdate& update);
    void finished(std::shared_ptr<const TrainingResult> result);
    void failed(const QString& message);
    void cancelled();

private:
    core::ImageSet loadImages(const TrainingRequest& request);
    void relay(const core::TrainingProgress& progress);

    std::atomic_bool m_cancel{false};
    core::TrainingControl m_control;
    TrainingUpdate m_pending;  // losses gathered since the last signal
    std::chrono::steady_clock::time_point m_lastSignal;
};

}  // namespace twinsight::ui
