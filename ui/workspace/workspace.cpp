#include "ui/workspace/workspace.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>
#include <QThreadPool>
#include <QTimer>
#include <algorithm>
#include <utility>

#include "core/base/atomic_file.h"
#include "core/degrade/transform.h"
#include "core/scoring/reports.h"
#include "ui/jobs/background.h"
#include "ui/jobs/file_writer.h"
#include "ui/jobs/training_controller.h"
#include "ui/jobs/training_worker.h"

namespace twinsight::ui {
namespace {

// Shorter side of the selected image as decoded for the large view: sharp on a large screen, still quick to decode.
constexpr int kDisplaySide = 1440;

std::vector<std::string> toStdPaths(const QStringList& paths) {
    std::vector<std::string> result;
    result.reserve(static_cast<std::size_t>(paths.size()));
    for (const QString& path : paths) result.push_back(path.toStdString());
    return result;
}

// The rows of `scores` whose image is in `wanted`, every model's columns kept.
core::MultiModelScores rowsOf(const core::MultiModelScores& scores, const QSet<QString>& wanted) {
    core::MultiModelScores rows;
    for (std::size_t i = 0; i < scores.paths.size(); ++i) {
        if (!wanted.contains(QString::fromStdString(scores.paths[i]))) continue;
        rows.paths.push_back(scores.paths[i]);
        rows.estimates.push_back(scores.estimates[i]);
        if (i < scores.looks.size()) rows.looks.push_back(scores.looks[i]);
        if (i < scores.noDetail.size()) rows.noDetail.push_back(scores.noDetail[i]);
    }
    return rows;
}

QString nativePath(const QString& path) { return QDir::toNativeSeparators(path); }

}  // namespace

Workspace::Workspace(QObject* parent)
    : QObject(parent),
      m_controller(new TrainingController(this)),
      m_scorer(new FolderScorer(this)),
      m_fileWriter(new FileWriter(this)),
      m_bursts(new BurstFinder(this)),
      m_rememberFlags(new QTimer(this)) {
    connect(m_bursts, &BurstFinder::found, this, &Workspace::burstsChanged);
    connect(m_bursts, &BurstFinder::failed, this, &Workspace::statusMessage);
    // Thresholds are remembered once a drag or a typed value rests, not at every step of it.
    m_rememberFlags->setSingleShot(true);
    m_rememberFlags->setInterval(500);
    connect(m_rememberFlags, &QTimer::timeout, this, &Workspace::rememberAllFlags);
    connect(m_fileWriter, &FileWriter::failed, this, [this](const QString&, const QString& message) {
        emit errorOccurred(tr("Cannot write the file"), message);
    });
    const TrainingWorker* worker = m_controller->worker();
    connect(worker, &TrainingWorker::progress, this, &Workspace::trainingProgress);
    connect(worker, &TrainingWorker::finished, this, &Workspace::onTrainingFinished);
    connect(worker, &TrainingWorker::failed, this, [this](const QString& message) {
        emit trainingFailed(message);
        onTrainingEnded();
    });
    connect(worker, &TrainingWorker::cancelled, this, [this] {
        emit trainingCancelled();
        onTrainingEnded();
    });
    connect(m_scorer, &FolderScorer::progress, this, &Workspace::scoringProgress);
    connect(m_scorer, &FolderScorer::finished, this, &Workspace::onScoresFinished);
    connect(m_scorer, &FolderScorer::failed, this, [this](const QString& message) {
        emit scoringStopped();
        emit errorOccurred(tr("Scoring failed"), message);
    });
}

Workspace::~Workspace() {
    if (m_rememberFlags->isActive()) rememberAllFlags();
    delete m_fileWriter;  // first: it waits for the writes, whose completions must not reach a half-destroyed workspace
    m_fileWriter = nullptr;
}

// ---- The folder ----

void Workspace::openFolder(const QString& folder) {
    const int generation = ++m_scanGeneration;
    const QString absolute = QFileInfo(folder).absoluteFilePath();
    emit statusMessage(tr("Reading %1…").arg(nativePath(absolute)));
    runInBackground(
        this, QThreadPool::globalInstance(),
        [absolute] {
            QStringList paths;
            for (const std::string& path : core::listImageFiles(absolute.toStdString())) {
                paths << QString::fromStdString(path);
            }
            return paths;
        },
        [this, generation, absolute](const QStringList& paths) {
            if (generation == m_scanGeneration) onFolderScanned(absolute, paths);
        },
        [this, generation, absolute](const QString& message) {
            if (generation == m_scanGeneration) emit folderFailed(absolute, message);
        });
}

void Workspace::onFolderScanned(const QString& folder, const QStringList& paths) {
    m_folder = folder;
    m_paths = paths;
    m_scorer->cancel();
    setScores(nullptr);
    emit folderOpened(folder, paths);
    scoreFolder();
}

// ---- The open models ----

void Workspace::openModelFile(const QString& path, const std::string& device) {
    emit statusMessage(tr("Opening %1…").arg(nativePath(path)));
    runInBackground(
        this, QThreadPool::globalInstance(),
        [file = path.toStdString(), device] {
            return std::make_shared<const core::TrainedModel>(core::TrainedModel::load(file, device));
        },
        [this, path](std::shared_ptr<const core::TrainedModel> model) {
            // Said before it joins the open models, whose message on a replaced model comes last.
            emit statusMessage(tr("Opened model %1").arg(nativePath(path)));
            addModel(std::move(model), QFileInfo(path).fileName(), nullptr, nullptr, /*saved=*/true);
            emit currentModelChosen();
        },
        [this](const QString& message) { emit errorOccurred(tr("Cannot open the model"), message); });
}

void Workspace::addModel(std::shared_ptr<const core::TrainedModel> model, const QString& source,
                         std::shared_ptr<const core::CorrelationStudy> study,
                         std::shared_ptr<const FolderScores> ownScores, bool saved) {
    if (m_rememberFlags->isActive()) rememberAllFlags();  // a model it replaces keeps its thresholds
    const std::shared_ptr<const FolderScores> previous = m_scores;
    const FlagThresholds flags = rememberedFlagThresholds(model->metadata());
    const std::optional<ModelSet::Entry> replaced =
        m_models.add({std::move(model), source, std::move(study), flags, saved});
    // Said now and again when the folder is scored, whose message would otherwise hide it at once.
    m_scoringNote =
        replaced ? tr("the new %1 model replaces the one from %2").arg(transformOf(*replaced->model), replaced->source)
                 : QString();
    // The new model's own scores of the folder, with the other models' columns when they are all held: no decoding.
    std::vector<const FolderScores*> sources;
    if (ownScores) sources.push_back(ownScores.get());
    if (previous) sources.push_back(previous.get());
    if (auto joined = ownScores ? joinColumns(m_models.models(), sources) : nullptr) {
        m_scorer->cancel();
        emit scoringStopped();
        announceScores(*joined);
        setScores(std::move(joined));
    } else {
        setScores(nullptr);  // scored again with the new set, each file decoded once for all models
        scoreFolder();
        if (replaced) emit statusMessage(m_scoringNote);
    }
    afterCurrentModelChanged();
}

void Workspace::setCurrentModel(int index) {
    if (index == m_models.currentIndex() || index < 0 || index >= m_models.size()) return;
    m_models.setCurrent(index);
    emit currentModelChosen();
    afterCurrentModelChanged();
}

void Workspace::closeModel(int index) {
    if (m_rememberFlags->isActive()) rememberAllFlags();  // before the model goes
    if (index < 0 || index >= m_models.size()) return;
    const auto closing = m_models.entries()[static_cast<std::size_t>(index)].model;
    m_models.remove(index);
    const int column = m_scores ? m_scores->columnOf(closing.get()) : -1;
    if (column >= 0) {
        // The other models' scores stay: only the closed model's column goes.
        auto rest = std::make_shared<const FolderScores>(m_scores->withoutColumn(column));
        setScores(rest->models.empty() ? nullptr : std::move(rest));
    } else {
        setScores(nullptr);
        scoreFolder();  // a scoring under way included the closed model
    }
    afterCurrentModelChanged();
    emit statusMessage(tr("Closed the %1 model").arg(transformOf(*closing)));
}

void Workspace::afterCurrentModelChanged() {
    updateStudy();
    updateSweep();
    emit modelsChanged();
    updateBursts();  // the best of each burst follows the current model
}

void Workspace::setBurstsShown(bool shown) {
    if (shown == m_burstsShown) return;
    m_burstsShown = shown;
    updateBursts();
}

void Workspace::updateBursts() {
    if (m_burstsShown && m_scores && currentColumn() >= 0) {
        m_bursts->find(m_scores, currentColumn());
    } else {
        m_bursts->clear();
    }
}

// ---- The folder's scores ----

void Workspace::setScores(std::shared_ptr<const FolderScores> scores) {
    if (!scores && !m_scores) return;
    m_scores = std::move(scores);
    m_scoreRows.clear();
    if (m_scores) {
        const std::vector<std::string>& paths = m_scores->scores.paths;
        for (std::size_t i = 0; i < paths.size(); ++i) m_scoreRows.insert(QString::fromStdString(paths[i]), int(i));
    }
    emit scoresChanged();
    updateFlagged();
    updateBursts();
}

void Workspace::updateFlagged() {
    std::vector<FlaggedImage> flagged;
    if (m_scores) {
        std::vector<FlagThresholds> thresholds;
        for (const auto& model : m_scores->models) {
            const ModelSet::Entry* entry = m_models.entryOf(model.get());
            thresholds.push_back(entry ? entry->flags : defaultFlagThresholds(model->metadata()));
        }
        flagged = flagImages(*m_scores, thresholds);
    }
    const auto same = [](const FlaggedImage& a, const FlaggedImage& b) {
        return a.path == b.path && a.columns == b.columns && a.severity == b.severity;
    };
    if (std::equal(flagged.begin(), flagged.end(), m_flagged.begin(), m_flagged.end(), same)) return;
    m_flagged = std::move(flagged);
    emit flagsChanged();
}

QStringList Workspace::unsavedModels() const {
    QStringList transforms;
    for (const ModelSet::Entry& entry : m_models.entries()) {
        if (!entry.saved) transforms << transformOf(*entry.model);
    }
    return transforms;
}

QStringList Workspace::flaggedPaths() const {
    QStringList paths;
    for (const FlaggedImage& image : m_flagged) paths << image.path;
    return paths;
}

void Workspace::setFlagThresholds(int index, const FlagThresholds& thresholds) {
    if (index < 0 || index >= m_models.size()) return;
    const ModelSet::Entry& entry = m_models.entries()[static_cast<std::size_t>(index)];
    if (entry.flags == thresholds) return;
    m_models.setFlags(index, thresholds);
    m_rememberFlags->start();
    updateFlagged();
}

void Workspace::rememberAllFlags() {
    m_rememberFlags->stop();
    for (const ModelSet::Entry& entry : m_models.entries()) rememberFlagThresholds(entry.model->metadata(), entry.flags);
}

const std::vector<core::ImageEstimate>* Workspace::estimatesOf(const QString& path) const {
    const auto row = m_scoreRows.constFind(path);
    if (!m_scores || row == m_scoreRows.cend()) return nullptr;
    return &m_scores->scores.estimates[static_cast<std::size_t>(*row)];
}

int Workspace::currentColumn() const { return m_scores ? m_scores->columnOf(currentModel().get()) : -1; }

void Workspace::scoreFolder() {
    if (m_models.empty() || m_paths.isEmpty() || isTraining()) {
        m_scorer->cancel();  // a scoring under way may hold a model just closed
        emit scoringStopped();
        return;
    }
    emit scoringProgress(0, static_cast<int>(m_paths.size()));
    m_scorer->start(m_models.models(), toStdPaths(m_paths));
}

void Workspace::onScoresFinished(std::shared_ptr<const FolderScores> scores) {
    emit scoringStopped();
    if (m_models.empty()) return;
    emit filesSkipped(scores->scores.skipped);
    announceScores(*scores);
    setScores(std::move(scores));
}

void Workspace::announceScores(const FolderScores& scores) {
    QStringList names;
    for (const auto& model : scores.models) names << transformOf(*model);
    QString message = tr("Scored %1 images for %2").arg(scores.scores.paths.size()).arg(names.join(tr(" and ")));
    if (!m_scoringNote.isEmpty()) message += QStringLiteral(" · ") + m_scoringNote;
    m_scoringNote.clear();
    emit statusMessage(message);
}

// ---- Training ----

bool Workspace::startTraining(const core::TrainerConfig& config) {
    if (isTraining()) return false;
    TrainingRequest request{config, toStdPaths(m_paths)};
    if (request.paths.empty()) {
        emit errorOccurred(tr("Nothing to train on"), tr("The folder holds no image to learn from."));
        return false;
    }
    try {
        request.config.validate();
    } catch (const std::exception& error) {
        emit errorOccurred(tr("Cannot train"), QString::fromStdString(error.what()));
        return false;
    }
    m_scorer->cancel();  // the training needs the cores
    emit scoringStopped();
    if (!m_controller->start(request)) return false;
    m_trainingPaths = m_paths;
    m_trainingWorkingSize = request.config.workingSize;
    watchSelectedImage();
    return true;
}

void Workspace::stopTraining() { m_controller->stop(); }

bool Workspace::isTraining() const { return m_controller->isRunning(); }

void Workspace::onTrainingFinished(std::shared_ptr<const TrainingResult> result) {
    emit trainingFinished(result);
    emit filesSkipped(result->skipped);
    // The training's scores are the folder's while the folder is still the one it trained on.
    auto ownScores = m_paths == m_trainingPaths ? result->scores : nullptr;
    QStringList heldOut;
    for (const std::string& path : result->validationPaths) heldOut << QString::fromStdString(path);
    m_heldOutPaths.insert(result->model.get(), heldOut);
    addModel(result->model, tr("not saved yet"), std::make_shared<const core::CorrelationStudy>(result->validation),
             std::move(ownScores), /*saved=*/false);
}

void Workspace::onTrainingEnded() {
    // Scoring was interrupted for the training: finish it with the model that stays.
    if (currentModel() && !m_scores) scoreFolder();
}

// ---- The selected image, its sweep and the current model's correlation ----

void Workspace::select(const QString& path) {
    const int generation = ++m_selectionGeneration;
    m_selectedPath = path;
    m_selected.reset();
    updateSweep();  // unavailable until the image arrives
    if (path.isEmpty()) return;
    runInBackground(
        this, QThreadPool::globalInstance(), [path] { return loadSelectedImage(path, kDisplaySide); },
        [this, generation](const SelectedImage& image) {
            if (generation != m_selectionGeneration) return;
            m_selected = std::make_shared<const SelectedImage>(image);
            emit selectionLoaded(m_selected);
            updateSweep();
            watchSelectedImage();
        },
        [this, generation](const QString& message) {
            if (generation != m_selectionGeneration) return;
            emit selectionFailed(message);
            emit sweepUnavailable(message);
        });
}

void Workspace::updateSweep() {
    const int generation = ++m_sweepGeneration;
    auto model = currentModel();
    if (!model) {
        return emit sweepUnavailable(
            tr("Train or open a model to see how its score follows the magnitude on the selected image."));
    }
    if (m_selectedPath.isEmpty()) return emit sweepUnavailable(tr("Select an image to sweep."));
    if (!m_selected) return emit sweepUnavailable(tr("Loading the image…"));
    // The image's own estimate from the folder's scores, when they hold it: no network pass for it then.
    std::optional<core::ImageEstimate> own;
    const std::vector<core::ImageEstimate>* estimates = estimatesOf(m_selectedPath);
    const int column = currentColumn();
    if (estimates && column >= 0 && column < static_cast<int>(estimates->size()))
        own = (*estimates)[static_cast<std::size_t>(column)];
    runInBackground(
        this, QThreadPool::globalInstance(),
        [model, selected = m_selected, own] { return computeSweep(*model, *selected, kSweepLevels, own); },
        [this, generation, model](const SweepResult& sweep) {
            if (generation == m_sweepGeneration && model == currentModel()) emit sweepReady(sweep, model);
        },
        [this, generation](const QString& message) {
            if (generation == m_sweepGeneration) emit sweepUnavailable(message);
        });
}

void Workspace::updateStudy() {
    const int generation = ++m_studyGeneration;
    const ModelSet::Entry* entry = m_models.currentEntry();
    if (entry && entry->study) {
        m_studyPaths = m_heldOutPaths.value(entry->model.get());
        return emit studyReady(*entry->study, entry->model, tr("held-out images"));
    }
    if (!entry || m_paths.size() < 2) {
        return emit studyUnavailable(tr("A correlation study needs a model and at least two images in the folder."));
    }
    auto model = entry->model;
    emit studyUnavailable(
        tr("Degrading %1 folder images at known magnitudes…").arg(std::min<int>(kFolderStudyImages, m_paths.size())));
    runInBackground(
        this, QThreadPool::globalInstance(),
        [model, files = toStdPaths(m_paths)] {
            std::vector<std::string> studied;
            core::CorrelationStudy study = studyFolderImages(*model, files, kFolderStudyImages, kStudyLevels, &studied);
            return std::make_pair(std::move(study), std::move(studied));
        },
        [this, generation, model](const std::pair<core::CorrelationStudy, std::vector<std::string>>& done) {
            if (generation != m_studyGeneration || model != currentModel()) return;
            m_studyPaths.clear();
            for (const std::string& path : done.second) m_studyPaths << QString::fromStdString(path);
            emit studyReady(done.first, model, tr("folder images"));
        },
        [this, generation](const QString& message) {
            if (generation == m_studyGeneration) emit studyUnavailable(message);
        });
}

// ---- Writes ----

bool Workspace::saveModel(const QString& path) {
    const auto model = currentModel();
    if (!model) return false;
    m_fileWriter->writeWith(
        path, [model, target = path.toStdString()] { model->save(target); },
        [this, model, path] {
            // The model may have been closed, or another made current, while it was written.
            const auto& entries = m_models.entries();
            for (std::size_t i = 0; i < entries.size(); ++i) {
                if (entries[i].model == model) m_models.markSaved(static_cast<int>(i), QFileInfo(path).fileName());
            }
            emit modelSourcesChanged();
            emit written(path, tr("Saved %1").arg(nativePath(path)));
        });
    return true;
}

bool Workspace::exportScores(const QString& path) {
    if (!m_scores) return false;
    // The CSV of a large folder is made on the writer's thread too: the scores are shared and never change.
    m_fileWriter->writeWith(
        path,
        [scores = m_scores, target = path.toStdString()] {
            core::writeFileAtomically(target, core::multiModelScoresCsv(scores->scores, scores->transforms()));
        },
        [this, path] { emit written(path, tr("Wrote %1").arg(nativePath(path))); });
    return true;
}

bool Workspace::exportFlagged(const QString& path, const QStringList& flagged) {
    std::string text;
    if (QFileInfo(path).suffix().compare("csv", Qt::CaseInsensitive) == 0 && m_scores) {
        const core::MultiModelScores rows = rowsOf(m_scores->scores, QSet<QString>(flagged.begin(), flagged.end()));
        text = core::multiModelScoresCsv(rows, m_scores->transforms());
    } else {
        for (const QString& file : flagged) text += file.toStdString() + "\n";  // worst first, one path per line
    }
    m_fileWriter->writeBytes(path, std::move(text), [this, path, count = flagged.size()] {
        emit written(path, tr("Wrote %1 flagged images to %2").arg(count).arg(nativePath(path)));
    });
    return true;
}

}  // namespace twinsight::ui
