#pragma once
// Scores the images of the open folder with a model on a background thread (core::scoreFiles); a new request or
// cancel() abandons the one before, whose result is never delivered.

#include <QObject>
#include <QThreadPool>
#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "core/file_scoring.h"

Q_DECLARE_METATYPE(std::shared_ptr<const twinsight::core::FileScores>)

namespace twinsight::ui {

class FolderScorer : public QObject {
    Q_OBJECT
public:
    explicit FolderScorer(QObject* parent = nullptr);
    ~FolderScorer() override;  // cancels and waits

    void start(std::shared_ptr<const core::TrainedModel> model, std::vector<std::string> paths);
    void cancel();
    bool isRunning() const { return m_running; }

signals:
    void progress(int done, int total);
    void finished(std::shared_ptr<const core::FileScores> scores);
    void failed(const QString& message);

private:
    QThreadPool m_pool;
    std::shared_ptr<std::atomic_bool> m_cancel;
    int m_generation = 0;
    bool m_running = false;
};

}  // namespace twinsight::ui
