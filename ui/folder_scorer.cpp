#include "ui/folder_scorer.h"

#include <QThread>
#include <algorithm>

#include "ui/background.h"
#include "ui/thread_priority.h"

namespace twinsight::ui {

FolderScorer::FolderScorer(QObject* parent) : QObject(parent) {
    m_pool.setMaxThreadCount(1);  // one scoring at a time; core decodes the next chunk on its own threads
}

FolderScorer::~FolderScorer() {
    cancel();
    m_pool.waitForDone();
}

void FolderScorer::cancel() {
    if (m_cancel) *m_cancel = true;
    m_cancel.reset();
    ++m_generation;
    m_running = false;
}

void FolderScorer::start(std::shared_ptr<const core::TrainedModel> model, std::vector<std::string> paths) {
    cancel();
    auto cancelFlag = std::make_shared<std::atomic_bool>(false);
    m_cancel = cancelFlag;
    m_running = true;
    const int generation = m_generation;
    // One decoding thread fewer than cores: the network needs one, and so does the UI thread.
    const int decodeThreads = std::max(1, QThread::idealThreadCount() - 1);
    // Runs on the pool thread; the destructor waits for the pool, so `this` outlives every call.
    auto reportProgress = [this, generation](int done, int total) {
        QMetaObject::invokeMethod(
            this,
            [this, generation, done, total] {
                if (m_generation == generation) emit progress(done, total);
            },
            Qt::QueuedConnection);
    };
    runInBackground(
        this, &m_pool,
        [model = std::move(model), paths = std::move(paths), cancelFlag, decodeThreads, reportProgress] {
            lowerCurrentThreadPriority();  // a thread of this scorer's own pool; the decoders inherit it
            return std::make_shared<const core::FileScores>(
                core::scoreFiles(*model, paths, decodeThreads, reportProgress, cancelFlag.get()));
        },
        [this, generation](std::shared_ptr<const core::FileScores> scores) {
            if (generation != m_generation) return;
            m_running = false;
            emit finished(std::move(scores));
        },
        [this, generation, cancelFlag](const QString& message) {
            if (generation != m_generation || *cancelFlag) return;
            m_running = false;
            emit failed(message);
        });
}

}  // namespace twinsight::ui
