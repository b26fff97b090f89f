#include "ui/jobs/training_worker.h"

#include <algorithm>

#include "core/scoring/file_scoring.h"
#include "ui/jobs/thread_priority.h"
#include "ui/support/cv_image.h"

namespace twinsight::ui {
namespace {

using Clock = std::chrono::steady_clock;

// Files decoded between two looks at the stop flag: a few hundred milliseconds of work at most.
constexpr std::size_t kLoadChunk = 16;

QVector<PairView> toPairViews(const std::vector<core::PairPreview>& previews) {
    QVector<PairView> views;
    for (const core::PairPreview& preview : previews) {
        views.push_back({toQImage(preview.first), toQImage(preview.second), preview.firstMagnitude,
                         preview.secondMagnitude, preview.firstMoreDegraded, preview.firstScore, preview.secondScore,
                         preview.correct()});
    }
    return views;
}

}  // namespace

TrainingWorker::TrainingWorker(QObject* parent) : QObject(parent) {}

void TrainingWorker::run(const TrainingRequest& request) {
    const auto start = Clock::now();
    lowerCurrentThreadPriority();  // before the trainer starts its own threads, which inherit it
    m_pending = TrainingUpdate{};
    m_lastSignal = Clock::time_point{};
    try {
        core::Trainer trainer(request.config);  // validates the config before any image is read
        core::ImageSet images = loadImages(request);
        m_pending = TrainingUpdate{};
        core::TrainingOutcome outcome = trainer.run(
            images, [this](const core::TrainingProgress& progress) { relay(progress); }, m_cancel, &m_control);
        auto result = std::make_shared<TrainingResult>();
        result->model = std::make_shared<const core::TrainedModel>(std::move(outcome.model));
        result->validation = std::move(outcome.validation);
        result->validationPaths = std::move(outcome.validationPaths);
        auto scores = std::make_shared<FolderScores>();
        scores->models = {result->model};
        core::scoreDecodedImages({result->model.get()}, images, scores->scores);
        result->scores = std::move(scores);
        result->skipped = std::move(images.skipped);
        result->seconds = std::chrono::duration<double>(Clock::now() - start).count();
        emit finished(std::move(result));
    } catch (const core::TrainingCancelled&) {
        emit cancelled();
    } catch (const std::exception& error) {
        emit failed(QString::fromStdString(error.what()));
    } catch (...) {
        emit failed(tr("training stopped on an unexpected error"));
    }
}

core::ImageSet TrainingWorker::loadImages(const TrainingRequest& request) {
    core::ImageSet images;
    const std::vector<std::string>& paths = request.paths;
    for (std::size_t first = 0; first < paths.size(); first += kLoadChunk) {
        if (m_cancel) throw core::TrainingCancelled();
        const std::size_t end = std::min(paths.size(), first + kLoadChunk);
        core::ImageSet chunk = core::loadImages(
            {paths.begin() + static_cast<std::ptrdiff_t>(first), paths.begin() + static_cast<std::ptrdiff_t>(end)},
            request.config.workingSize);
        std::move(chunk.paths.begin(), chunk.paths.end(), std::back_inserter(images.paths));
        std::move(chunk.images.begin(), chunk.images.end(), std::back_inserter(images.images));
        std::move(chunk.skipped.begin(), chunk.skipped.end(), std::back_inserter(images.skipped));
        TrainingUpdate update;
        update.phase = TrainingUpdate::Phase::LoadingImages;
        update.done = static_cast<int>(end);
        update.total = static_cast<int>(paths.size());
        emit progress(update);
    }
    if (m_cancel) throw core::TrainingCancelled();
    if (images.images.empty()) throw std::runtime_error("no readable image to train on");
    return images;
}

void TrainingWorker::relay(const core::TrainingProgress& progress) {
    m_pending.phase = TrainingUpdate::Phase::Training;
    m_pending.done = progress.step;
    m_pending.total = progress.totalSteps;
    m_pending.losses.push_back({double(progress.step), progress.loss});
    m_pending.pairsPerSecond = progress.pairsPerSecond;
    m_pending.etaSeconds = progress.etaSeconds;
    m_pending.learningRate = progress.learningRate;
    m_pending.batchSize = progress.batchSize;
    m_pending.crossImageShare = progress.crossImageShare;
    if (progress.adjusted) m_pending.adjustedAt.push_back(progress.step);
    if (progress.validated) {
        m_pending.validated = true;
        m_pending.valPairAccuracy = progress.valPairAccuracy;
        m_pending.valSpearman = progress.valSpearman;
        m_pending.pairs = toPairViews(progress.pairs);
        m_pending.validation = std::make_shared<const core::CorrelationStudy>(progress.validation);
        m_pending.watchedSweep = progress.watchedSweep;
        m_pending.watchedScore = progress.watchedScore;
    }
    const auto now = Clock::now();
    // A training about to wait (paused, or at the end of a Step) shows where it stands at once.
    const bool due = progress.validated || progress.step == progress.totalSteps || progress.step == 1 ||
                     progress.adjusted || m_control.isPaused() || now - m_lastSignal >= kUpdateInterval;
    if (!due) return;
    emit this->progress(m_pending);
    m_lastSignal = now;
    m_pending.losses.clear();
    m_pending.validated = false;
    m_pending.pairs.clear();
    m_pending.adjustedAt.clear();
    m_pending.validation.reset();
    m_pending.watchedSweep.clear();
}

}  // namespace twinsight::ui
