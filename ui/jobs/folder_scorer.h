#pragma once
// Scores the images of the open folder with every open model on a background thread (core::scoreFilesWithModels:
// each file is decoded once); a new request or cancel() abandons the one before, whose result is never delivered.

#include <QObject>
#include <QThreadPool>
#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "core/scoring/file_scoring.h"

namespace twinsight::ui {

// The folder's scores with the models they came from: estimates[image][m] belongs to models[m].
struct FolderScores {
    std::vector<std::shared_ptr<const core::TrainedModel>> models;
    core::MultiModelScores scores;

    // Index of `model` among `models`, or -1.
    int columnOf(const core::TrainedModel* model) const;
    // One model's column in the single-model form (ranking, sweep captions).
    std::vector<core::ScoredFile> column(int index) const;
    std::vector<std::string> transforms() const;
    // The same scores less one model's column.
    FolderScores withoutColumn(int index) const;
};

// The scores of `models`, in that order, each column taken from the first of `sources` that holds it; nullptr when
// a model has a column in none of them or the sources scored different images.
std::shared_ptr<const FolderScores> joinColumns(const std::vector<std::shared_ptr<const core::TrainedModel>>& models,
                                                const std::vector<const FolderScores*>& sources);

}  // namespace twinsight::ui

Q_DECLARE_METATYPE(std::shared_ptr<const twinsight::ui::FolderScores>)

namespace twinsight::ui {

class FolderScorer : public QObject {
    Q_OBJECT
public:
    explicit FolderScorer(QObject* parent = nullptr);
    ~FolderScorer() override;  // cancels and waits

    void start(std::vector<std::shared_ptr<const core::TrainedModel>> models, std::vector<std::string> paths);
    void cancel();
    bool isRunning() const { return m_running; }

signals:
    void progress(int done, int total);
    void finished(std::shared_ptr<const FolderScores> scores);
    void failed(const QString& message);

private:
    QThreadPool m_pool;
    std::shared_ptr<std::atomic_bool> m_cancel;
    int m_generation = 0;
    bool m_running = false;
};

}  // namespace twinsight::ui
