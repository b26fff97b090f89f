// MainWindow, second part: training, the open models and the current one, scoring the folder, sweeps, correlation
// and saving models.

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHash>
#include <QProgressBar>
#include <QStatusBar>
#include <QTabWidget>
#include <QThreadPool>
#include <QTimer>

#include "core/base/atomic_file.h"
#include "core/scoring/reports.h"
#include "ui/browser/image_browser.h"
#include "ui/jobs/analysis_jobs.h"
#include "ui/jobs/background.h"
#include "ui/jobs/file_writer.h"
#include "ui/jobs/folder_scorer.h"
#include "ui/jobs/training_controller.h"
#include "ui/panels/model_info_panel.h"
#include "ui/panels/pairs_strip.h"
#include "ui/panels/range_editor.h"
#include "ui/panels/ranking_panel.h"
#include "ui/panels/training_panel.h"
#include "ui/plots/correlation_plot.h"
#include "ui/plots/plot_style.h"
#include "ui/plots/sweep_plot.h"
#include "ui/plots/training_curves.h"
#include "ui/window/main_window.h"
#include "ui/window/save_dialog.h"

namespace twinsight::ui {
namespace {

std::vector<std::string> toStdPaths(const QStringList& paths) {
    std::vector<std::string> result;
    result.reserve(static_cast<std::size_t>(paths.size()));
    for (const QString& path : paths) result.push_back(path.toStdString());
    return result;
}

}  // namespace

void MainWindow::connectTraining() {
    connect(m_controller, &TrainingController::progress, this, [this](const TrainingUpdate& update) {
        m_trainingPanel->showUpdate(update);
        m_curves->addUpdate(update);
        if (!update.pairs.isEmpty()) m_pairs->setPairs(update.pairs, m_trainingUnit);
    });
    connect(m_controller, &TrainingController::finished, this, &MainWindow::onTrainingFinished);
    connect(m_controller, &TrainingController::failed, this, [this](const QString& message) {
        onTrainingEnded();
        m_trainingPanel->showStatus(tr("Training failed."));
        reportError(tr("Training failed"), message);
    });
    connect(m_controller, &TrainingController::cancelled, this, [this] {
        onTrainingEnded();
        const QString message = model() ? tr("Training stopped; the previous model is kept.") : tr("Training stopped.");
        m_trainingPanel->showStatus(message);
        statusBar()->showMessage(message, kStatusTimeout);
    });
}

void MainWindow::startTraining() {
    if (m_controller->isRunning()) return;
    TrainingRequest request{m_trainingPanel->config(), toStdPaths(m_browser->paths())};
    if (request.paths.empty())
        return reportError(tr("Nothing to train on"), tr("The folder holds no image to learn from."));
    try {
        request.config.validate();
    } catch (const std::exception& error) {
        return reportError(tr("Cannot train"), QString::fromStdString(error.what()));
    }
    m_scorer->cancel();  // the training needs the cores; the folder is scored again afterwards
    m_scoreProgress->setVisible(false);
    m_trainingUnit = QString::fromStdString(core::findTransform(request.config.transform).unit());
    m_curves->reset(request.config.totalSteps());
    m_pairs->clearPairs();
    m_trainingPanel->setRunning(true);
    m_trainingPanel->showStatus(tr("Starting…"));
    // Shown from the next pass of the event loop: the first layout and paint of the curves then do not add up with
    // the work above into one longer pause of the window.
    QTimer::singleShot(0, this, [this] { m_tabs->setCurrentWidget(m_trainingTab); });
    saveSettings();
    m_controller->start(request);
    updateActions();
}

void MainWindow::stopTraining() {
    if (!m_controller->isRunning()) return;
    m_trainingPanel->showStatus(tr("Stopping…"));
    m_controller->stop();
}

void MainWindow::onTrainingEnded() {
    m_trainingPanel->setRunning(false);
    updateActions();
    // Scoring was interrupted for the training: finish it with the model that stays.
    if (model() && !m_scores) scoreFolder();
}

void MainWindow::onTrainingFinished(std::shared_ptr<const TrainingResult> result) {
    m_trainingPanel->setRunning(false);
    const core::TrainingSummary& training = result->model->metadata().training;
    m_trainingPanel->showStatus(tr("Done in %1 · pair accuracy %2%")
                                    .arg(formatDuration(result->seconds))
                                    .arg(training.valPairAccuracy * 100.0, 0, 'f', 1));
    m_browser->addSkipped(result->skipped);
    setModel(result->model, tr("not saved yet"), result->validation);
}

void MainWindow::setModel(std::shared_ptr<const core::TrainedModel> model, const QString& source,
                          const std::optional<core::CorrelationStudy>& study) {
    auto studied = study ? std::make_shared<const core::CorrelationStudy>(*study) : nullptr;
    const std::optional<ModelSet::Entry> replaced = m_models.add({std::move(model), source, std::move(studied)});
    m_scores.reset();  // the folder is scored again with the new set, each file decoded once for all models
    m_browser->clearEstimates();
    m_scoresInGrid.reset();
    scoreFolder();
    showCurrentModel();
    // Said now and again when the folder is scored, whose message would otherwise hide it at once.
    m_scoringNote =
        replaced ? tr("the new %1 model replaces the one from %2").arg(transformOf(*replaced->model), replaced->source)
                 : QString();
    if (replaced) statusBar()->showMessage(m_scoringNote, kStatusTimeout);
}

void MainWindow::showCurrentModel() {
    m_modelInfo->setOpenModels(m_models.labels(), m_models.currentIndex());
    const ModelSet::Entry* entry = m_models.currentEntry();
    if (!entry) {
        m_modelInfo->clear();
        m_ranking->clear(tr("Train or open a model to rank the folder's images."));
        m_correlation->clear(tr("A correlation study needs a model and at least two images in the folder."));
    } else {
        m_modelInfo->setModel(entry->model->metadata(), QString::fromStdString(entry->model->deviceName()),
                              entry->source);
        if (!m_scores) m_ranking->clear(tr("Scoring the folder…"));
        if (entry->study) {
            m_correlation->setStudy(*entry->study, transformOf(*entry->model), unitOf(*entry->model),
                                    entry->model->metadata().calibration, tr("held-out images"));
            emit studyUpdated();
        } else {
            studyFolder();
        }
    }
    if (m_scores) {
        showScores();  // the grid's sorting, the ranking and the profile follow the current model
    } else {
        updateProfile();
    }
    updateSweep();
    updateActions();
    emit modelChanged();
}

void MainWindow::setCurrentModel(int index) {
    if (index == m_models.currentIndex() || index < 0 || index >= m_models.size()) return;
    m_models.setCurrent(index);
    if (!m_controller->isRunning()) {
        m_trainingPanel->setTransform(transformOf(*model()));
        m_trainingPanel->rangeEditor()->setRange(model()->metadata().range);
    }
    showCurrentModel();
}

void MainWindow::closeModel(int index) {
    if (index < 0 || index >= m_models.size()) return;
    const auto closing = m_models.entries()[static_cast<std::size_t>(index)].model;
    m_models.remove(index);
    if (m_scores && m_scores->columnOf(closing.get()) >= 0) {
        // The other models' scores stay: only the closed model's column goes.
        auto rest = std::make_shared<FolderScores>(m_scores->withoutColumn(m_scores->columnOf(closing.get())));
        m_scores = rest->models.empty() ? nullptr : std::shared_ptr<const FolderScores>(std::move(rest));
    } else {
        m_scores.reset();
        scoreFolder();  // a scoring under way included the closed model
    }
    if (!m_scores) {
        m_browser->clearEstimates();
        m_scoresInGrid.reset();
    }
    showCurrentModel();
    statusBar()->showMessage(tr("Closed the %1 model").arg(transformOf(*closing)), kStatusTimeout);
}

void MainWindow::scoreFolder() {
    const QStringList paths = m_browser->paths();
    if (m_models.empty() || paths.isEmpty() || m_controller->isRunning()) {
        m_scorer->cancel();  // a scoring under way may hold a model just closed
        m_scoreProgress->setVisible(false);
        return;
    }
    m_scoreProgress->setRange(0, static_cast<int>(paths.size()));
    m_scoreProgress->setValue(0);
    m_scoreProgress->setVisible(true);
    m_scorer->start(m_models.models(), toStdPaths(paths));
}

std::optional<core::ImageEstimate> MainWindow::folderEstimate(const QString& path,
                                                              const core::TrainedModel& model) const {
    const int row = m_browser->model()->rowOf(path);
    if (!m_scores || row < 0) return std::nullopt;
    const std::vector<core::ImageEstimate>& estimates = m_browser->model()->estimatesAt(row);
    for (std::size_t m = 0; m < m_scores->models.size() && m < estimates.size(); ++m) {
        if (m_scores->models[m].get() == &model) return estimates[m];
    }
    return std::nullopt;
}

void MainWindow::updateSweep() {
    const int generation = ++m_sweepGeneration;
    const QString path = m_browser->selectedPath();
    auto model = this->model();
    if (!model)
        return m_sweep->clear(
            tr("Train or open a model to see how its score follows the magnitude on the selected image."));
    if (path.isEmpty()) return m_sweep->clear(tr("Select an image to sweep."));
    if (!m_selected || m_selected->path != path) return m_sweep->clear(tr("Loading the image…"));
    runInBackground(
        this, QThreadPool::globalInstance(),
        [model, selected = m_selected, own = folderEstimate(path, *model)] {
            return computeSweep(*model, *selected, kSweepLevels, own);
        },
        [this, generation, model](const SweepResult& sweep) {
            if (generation != m_sweepGeneration || model != this->model()) return;
            m_sweep->setSweep(sweep, transformOf(*model), unitOf(*model));
            emit sweepUpdated();
        },
        [this, generation](const QString& message) {
            if (generation == m_sweepGeneration) m_sweep->clear(message);
        });
}

void MainWindow::studyFolder() {
    const int generation = ++m_studyGeneration;
    const QStringList paths = m_browser->paths();
    auto model = this->model();
    if (!model || paths.size() < 2) {
        return m_correlation->clear(tr("A correlation study needs a model and at least two images in the folder."));
    }
    m_correlation->clear(
        tr("Degrading %1 folder images at known magnitudes…").arg(std::min<int>(kFolderStudyImages, paths.size())));
    runInBackground(
        this, QThreadPool::globalInstance(),
        [model, files = toStdPaths(paths)] {
            return studyFolderImages(*model, files, kFolderStudyImages, kStudyLevels);
        },
        [this, generation, model](const core::CorrelationStudy& study) {
            if (generation != m_studyGeneration || model != this->model()) return;
            m_correlation->setStudy(study, transformOf(*model), unitOf(*model), model->metadata().calibration,
                                    tr("folder images"));
            emit studyUpdated();
        },
        [this, generation](const QString& message) {
            if (generation == m_studyGeneration) m_correlation->clear(message);
        });
}

void MainWindow::openModelFile(const QString& path) {
    const std::string device = m_trainingPanel->config().device;
    statusBar()->showMessage(tr("Opening %1…").arg(QDir::toNativeSeparators(path)));
    runInBackground(
        this, QThreadPool::globalInstance(),
        [file = path.toStdString(), device] {
            return std::make_shared<const core::TrainedModel>(core::TrainedModel::load(file, device));
        },
        [this, path](std::shared_ptr<const core::TrainedModel> model) {
            if (!m_controller->isRunning()) {
                m_trainingPanel->setTransform(transformOf(*model));
                m_trainingPanel->rangeEditor()->setRange(model->metadata().range);
            }
            // Before setModel, whose message on a replaced model comes last.
            statusBar()->showMessage(tr("Opened model %1").arg(QDir::toNativeSeparators(path)), kStatusTimeout);
            setModel(std::move(model), QFileInfo(path).fileName(), std::nullopt);
        },
        [this](const QString& message) { reportError(tr("Cannot open the model"), message); });
}

bool MainWindow::saveModelFile(const QString& path) {
    const auto current = model();
    if (!current) return false;
    m_fileWriter->writeWith(
        path, [current, target = path.toStdString()] { current->save(target); },
        [this, current, path] {
            // The model may have been closed, or another made current, while it was written.
            const auto& entries = m_models.entries();
            for (std::size_t i = 0; i < entries.size(); ++i) {
                if (entries[i].model == current) m_models.setSource(static_cast<int>(i), QFileInfo(path).fileName());
            }
            if (model() == current) {
                m_modelInfo->setModel(current->metadata(), QString::fromStdString(current->deviceName()),
                                      QFileInfo(path).fileName());
            }
            m_modelInfo->setOpenModels(m_models.labels(), m_models.currentIndex());
            statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), kStatusTimeout);
        });
    return true;
}

void MainWindow::askOpenModel() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a model"), dialogStartFolder(),
                                                      tr("Twinsight models (*.twinsight);;All files (*)"));
    if (path.isEmpty()) return;
    rememberDialogFolder(path);
    openModelFile(path);
}

void MainWindow::askSaveModel() {
    if (!model()) return;
    const QString name =
        QStringLiteral("%1-%2.twinsight").arg(transformOf(*model()), QFileInfo(m_browser->folder()).fileName());
    const QString path =
        askSavePath(this, tr("Save model"), name, {{tr("Twinsight models (*.twinsight)"), "twinsight"}});
    if (!path.isEmpty()) saveModelFile(path);
}

void MainWindow::exportPlot(QCustomPlot* plot, const QString& name) {
    QString error;
    if (exportPlotWithDialog(this, plot, name + ".png", *m_fileWriter, &error)) return;
    if (!error.isEmpty()) reportError(tr("Cannot export the plot"), error);
}

void MainWindow::updateActions() {
    const bool running = m_controller->isRunning();
    m_trainAction->setEnabled(!running && !m_browser->paths().isEmpty());
    m_stopAction->setEnabled(running);
    m_openModelAction->setEnabled(!running);
    m_modelInfo->setOpenEnabled(!running);
    m_saveModelAction->setEnabled(model() != nullptr);
    m_modelInfo->setSaveEnabled(model() != nullptr);
    m_exportScoresAction->setEnabled(m_scores != nullptr);
    m_writeSidecarsAction->setEnabled(m_scores != nullptr);
    m_exportFlaggedAction->setEnabled(!m_ranking->flaggedPaths().isEmpty());
}

}  // namespace twinsight::ui
