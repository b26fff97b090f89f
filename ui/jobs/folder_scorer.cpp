#include "ui/jobs/folder_scorer.h"

#include <QThread>
#include <algorithm>

#include "ui/jobs/background.h"
#include "ui/jobs/thread_priority.h"

namespace twinsight::ui {

int FolderScores::columnOf(const core::TrainedModel* model) const {
    for (std::size_t m = 0; m < models.size(); ++m) {
        if (models[m].get() == model) return static_cast<int>(m);
    }
    return -1;
}

std::vector<core::ScoredFile> FolderScores::column(int index) const {
    std::vector<core::ScoredFile> files;
    if (index < 0 || index >= static_cast<int>(models.size())) return files;
    files.reserve(scores.paths.size());
    for (std::size_t i = 0; i < scores.paths.size(); ++i)
        files.push_back({scores.paths[i], scores.estimates[i][static_cast<std::size_t>(index)], {}});
    return files;
}

std::vector<std::string> FolderScores::transforms() const {
    std::vector<std::string> names;
    for (const auto& model : models) names.push_back(model->metadata().transform);
    return names;
}

FolderScores FolderScores::withoutColumn(int index) const {
    FolderScores rest = *this;
    if (index < 0 || index >= static_cast<int>(models.size())) return rest;
    rest.models.erase(rest.models.begin() + index);
    for (auto& row : rest.scores.estimates) row.erase(row.begin() + index);
    return rest;
}

std::shared_ptr<const FolderScores> joinColumns(const std::vector<std::shared_ptr<const core::TrainedModel>>& models,
                                                const std::vector<const FolderScores*>& sources) {
    if (models.empty() || sources.empty()) return nullptr;
    const core::MultiModelScores& first = sources.front()->scores;
    for (const FolderScores* source : sources) {
        if (source->scores.paths != first.paths) return nullptr;
    }
    auto joined = std::make_shared<FolderScores>();
    joined->models = models;
    joined->scores.paths = first.paths;
    joined->scores.damage = first.damage;
    joined->scores.looks = first.looks;
    joined->scores.noDetail = first.noDetail;
    joined->scores.skipped = first.skipped;
    joined->scores.estimates.assign(first.paths.size(), {});
    for (const auto& model : models) {
        const auto holder = std::find_if(sources.begin(), sources.end(), [&](const FolderScores* source) {
            return source->columnOf(model.get()) >= 0;
        });
        if (holder == sources.end()) return nullptr;
        const auto column = static_cast<std::size_t>((*holder)->columnOf(model.get()));
        for (std::size_t i = 0; i < first.paths.size(); ++i)
            joined->scores.estimates[i].push_back((*holder)->scores.estimates[i][column]);
    }
    return joined;
}

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

void FolderScorer::start(std::vector<std::shared_ptr<const core::TrainedModel>> models,
                         std::vector<std::string> paths) {
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
        [models = std::move(models), paths = std::move(paths), cancelFlag, decodeThreads, reportProgress] {
            lowerCurrentThreadPriority();  // a thread of this scorer's own pool; the decoders inherit it
            std::vector<const core::TrainedModel*> plain;
            for (const auto& model : models) plain.push_back(model.get());
            auto result = std::make_shared<FolderScores>();
            result->scores = core::scoreFilesWithModels(plain, paths, decodeThreads, reportProgress, cancelFlag.get());
            result->models = models;
            return std::shared_ptr<const FolderScores>(std::move(result));
        },
        [this, generation](std::shared_ptr<const FolderScores> scores) {
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
