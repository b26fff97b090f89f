#include "ui/jobs/training_controller.h"

#include "ui/jobs/training_worker.h"

namespace twinsight::ui {

TrainingController::TrainingController(QObject* parent) : QObject(parent), m_worker(new TrainingWorker) {
    qRegisterMetaType<TrainingRequest>();
    qRegisterMetaType<TrainingUpdate>();
    qRegisterMetaType<std::shared_ptr<const TrainingResult>>();
    m_thread.setObjectName("training");
    m_worker->moveToThread(&m_thread);
    // Queued across the thread boundary, and connected before any listener: runs first on the UI thread.
    connect(m_worker, &TrainingWorker::failed, this, [this] { m_running = false; });
    connect(m_worker, &TrainingWorker::finished, this, [this] { m_running = false; });
    connect(m_worker, &TrainingWorker::cancelled, this, [this] { m_running = false; });
    m_thread.start();
}

TrainingController::~TrainingController() {
    m_worker->requestStop();
    m_thread.quit();  // handled once the running training (if any) has returned
    m_thread.wait();
    delete m_worker;
}

bool TrainingController::start(const TrainingRequest& request) {
    if (m_running) return false;
    m_running = true;
    m_worker->resetStop();
    m_worker->control().reset();  // here, not on the worker thread: a Pause right after start is not lost
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, request] { worker->run(request); }, Qt::QueuedConnection);
    return true;
}

void TrainingController::stop() {
    if (m_running) m_worker->requestStop();
}

void TrainingController::pause() {
    if (m_running) m_worker->control().pause();
}

void TrainingController::resume() {
    if (m_running) m_worker->control().resume();
}

void TrainingController::step(int steps) {
    if (m_running) m_worker->control().step(steps);
}

void TrainingController::adjust(const core::TrainingAdjustment& adjustment) {
    if (m_running) m_worker->control().adjust(adjustment);
}

void TrainingController::watch(const cv::Mat& image) {
    if (m_running) m_worker->control().watch(image);
}

bool TrainingController::isPaused() const { return m_running && m_worker->control().isPaused(); }

}  // namespace twinsight::ui
