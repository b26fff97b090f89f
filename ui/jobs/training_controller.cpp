#include "ui/jobs/training_controller.h"

#include "ui/jobs/training_worker.h"

namespace twinsight::ui {

TrainingController::TrainingController(QObject* parent) : QObject(parent), m_worker(new TrainingWorker) {
    qRegisterMetaType<TrainingRequest>();
    qRegisterMetaType<TrainingUpdate>();
    qRegisterMetaType<std::shared_ptr<const TrainingResult>>();
    m_thread.setObjectName("training");
    m_worker->moveToThread(&m_thread);
    // Queued across the thread boundary: the slots below run on the UI thread.
    connect(m_worker, &TrainingWorker::progress, this, [this](const TrainingUpdate& update) {
        if (m_running) emit progress(update);
    });
    connect(m_worker, &TrainingWorker::finished, this, [this](std::shared_ptr<const TrainingResult> result) {
        m_running = false;
        emit finished(std::move(result));
    });
    connect(m_worker, &TrainingWorker::failed, this, [this](const QString& message) {
        m_running = false;
        emit failed(message);
    });
    connect(m_worker, &TrainingWorker::cancelled, this, [this] {
        m_running = false;
        emit cancelled();
    });
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
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, request] { worker->run(request); }, Qt::QueuedConnection);
    return true;
}

void TrainingController::stop() {
    if (m_running) m_worker->requestStop();
}

}  // namespace twinsight::ui
