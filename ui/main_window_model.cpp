// MainWindow, second part: training, the current model, scoring the folder, sweeps, correlation and exports.

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHash>
#include <QProgressBar>
#include <QStatusBar>
#include <QTabWidget>
#include <QThreadPool>
#include <QTimer>

#include "core/atomic_file.h"
#include "core/reports.h"
#include "ui/analysis_jobs.h"
#include "ui/background.h"
#include "ui/correlation_plot.h"
#include "ui/folder_scorer.h"
#include "ui/image_browser.h"
#include "ui/main_window.h"
#include "ui/model_info_panel.h"
#include "ui/pairs_strip.h"
#include "ui/plot_style.h"
#include "ui/range_editor.h"
#include "ui/ranking_panel.h"
#include "ui/save_dialog.h"
#include "ui/sweep_plot.h"
#include "ui/training_controller.h"
#include "ui/training_curves.h"
#include "ui/training_panel.h"

namespace twinsight::ui {
namespace {

std::vector<std::string> toStdPaths(const QStringList& paths) {
    std::vector<std::string> result;
    result.reserve(static_cast<std::size_t>(paths.size()));
    for (const QString& path : paths) result.push_back(path.toStdString());
    return result;
}

QString unitOf(const core::TrainedModel& model) { return QString::fromStdString(model.metadata().unit); }
QString transformOf(const core::TrainedModel& model) { return QString::fromStdString(model.metadata().transform); }

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
        const QString message = m_model ? tr("Training stopped; the previous model is kept.") : tr("Training stopped.");
        m_trainingPanel->showStatus(message);
        statusBar()->showMessage(message, 8000);
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
    m_curves->reset(request.config.steps);
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
    if (m_model && !m_scores) scoreFolder();
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
    m_model = std::move(model);
    ++m_modelGeneration;
    m_modelInfo->setModel(m_model->metadata(), QString::fromStdString(m_model->deviceName()), source);
    m_scores.reset();
    m_browser->clearEstimates();
    m_ranking->clear(tr("Scoring the folder…"));
    scoreFolder();
    updateSweep();
    if (study) {
        m_correlation->setStudy(*study, transformOf(*m_model), unitOf(*m_model), m_model->metadata().calibration,
                                tr("held-out images"));
        emit studyUpdated();
    } else {
        studyFolder();
    }
    updateActions();
    emit modelChanged();
}

void MainWindow::scoreFolder() {
    const QStringList paths = m_browser->paths();
    if (!m_model || paths.isEmpty() || m_controller->isRunning()) return;
    m_scoreProgress->setRange(0, static_cast<int>(paths.size()));
    m_scoreProgress->setValue(0);
    m_scoreProgress->setVisible(true);
    m_scorer->start(m_model, toStdPaths(paths));
}

void MainWindow::onScoresFinished(std::shared_ptr<const core::FileScores> scores) {
    m_scoreProgress->setVisible(false);
    if (!m_model) return;
    m_scores = std::move(scores);
    QHash<QString, core::ImageEstimate> estimates;
    for (const core::ScoredFile& file : m_scores->scored)
        estimates.insert(QString::fromStdString(file.path), file.estimate);
    m_browser->setEstimates(estimates, unitOf(*m_model));
    m_browser->addSkipped(m_scores->skipped);
    m_ranking->setScores(m_scores->scored, transformOf(*m_model), unitOf(*m_model), m_model->metadata().calibration);
    statusBar()->showMessage(tr("Scored %1 images for %2").arg(m_scores->scored.size()).arg(transformOf(*m_model)),
                             8000);
    refreshImageCaption();
    updateActions();
    emit scoresUpdated();
}

void MainWindow::updateSweep() {
    const int generation = ++m_sweepGeneration;
    const QString path = m_browser->selectedPath();
    if (!m_model)
        return m_sweep->clear(
            tr("Train or open a model to see how its score follows the magnitude on the selected image."));
    if (path.isEmpty()) return m_sweep->clear(tr("Select an image to sweep."));
    auto model = m_model;
    runInBackground(
        this, QThreadPool::globalInstance(), [model, path] { return computeSweep(*model, path, kSweepLevels); },
        [this, generation, model](const SweepResult& sweep) {
            if (generation != m_sweepGeneration || model != m_model) return;
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
    if (!m_model || paths.size() < 2) {
        return m_correlation->clear(tr("A correlation study needs a model and at least two images in the folder."));
    }
    m_correlation->clear(
        tr("Degrading %1 folder images at known magnitudes…").arg(std::min<int>(kFolderStudyImages, paths.size())));
    auto model = m_model;
    runInBackground(
        this, QThreadPool::globalInstance(),
        [model, files = toStdPaths(paths)] {
            return studyFolderImages(*model, files, kFolderStudyImages, kStudyLevels);
        },
        [this, generation, model](const core::CorrelationStudy& study) {
            if (generation != m_studyGeneration || model != m_model) return;
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
            setModel(std::move(model), QFileInfo(path).fileName(), std::nullopt);
            statusBar()->showMessage(tr("Opened model %1").arg(QDir::toNativeSeparators(path)), 8000);
        },
        [this](const QString& message) { reportError(tr("Cannot open the model"), message); });
}

bool MainWindow::saveModelFile(const QString& path) {
    if (!m_model) return false;
    try {
        m_model->save(path.toStdString());
    } catch (const std::exception& error) {
        reportError(tr("Cannot save the model"), QString::fromStdString(error.what()));
        return false;
    }
    m_modelInfo->setModel(m_model->metadata(), QString::fromStdString(m_model->deviceName()),
                          QFileInfo(path).fileName());
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 8000);
    return true;
}

bool MainWindow::exportScores(const QString& path) {
    if (!m_scores) return false;
    try {
        core::writeFileAtomically(path.toStdString(), core::scoresCsv(m_scores->scored));
    } catch (const std::exception& error) {
        reportError(tr("Cannot export the scores"), QString::fromStdString(error.what()));
        return false;
    }
    statusBar()->showMessage(tr("Wrote %1").arg(QDir::toNativeSeparators(path)), 8000);
    return true;
}

bool MainWindow::exportFlagged(const QString& path) {
    const QStringList& flagged = m_ranking->flaggedPaths();
    std::string text;
    if (QFileInfo(path).suffix().compare("csv", Qt::CaseInsensitive) == 0 && m_scores) {
        const QSet<QString> wanted(flagged.begin(), flagged.end());
        std::vector<core::ScoredFile> rows;
        for (const core::ScoredFile& file : m_scores->scored) {
            if (wanted.contains(QString::fromStdString(file.path))) rows.push_back(file);
        }
        text = core::scoresCsv(rows);
    } else {
        for (const QString& file : flagged) text += file.toStdString() + "\n";  // worst first, one path per line
    }
    try {
        core::writeFileAtomically(path.toStdString(), text);
    } catch (const std::exception& error) {
        reportError(tr("Cannot export the flagged list"), QString::fromStdString(error.what()));
        return false;
    }
    statusBar()->showMessage(
        tr("Wrote %1 flagged images to %2").arg(flagged.size()).arg(QDir::toNativeSeparators(path)), 8000);
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
    if (!m_model) return;
    const QString name =
        QStringLiteral("%1-%2.twinsight").arg(transformOf(*m_model), QFileInfo(m_browser->folder()).fileName());
    const QString path =
        askSavePath(this, tr("Save model"), name, {{tr("Twinsight models (*.twinsight)"), "twinsight"}});
    if (!path.isEmpty()) saveModelFile(path);
}

void MainWindow::askExportScores() {
    const QString name = QStringLiteral("%1-scores.csv").arg(m_model ? transformOf(*m_model) : QString());
    const QString path = askSavePath(this, tr("Export scores"), name, {{tr("CSV files (*.csv)"), "csv"}});
    if (!path.isEmpty()) exportScores(path);
}

void MainWindow::askExportFlagged() {
    const QString path = askSavePath(this, tr("Export flagged images"), QStringLiteral("flagged.txt"),
                                     {{tr("List of paths (*.txt)"), "txt"}, {tr("CSV with scores (*.csv)"), "csv"}});
    if (!path.isEmpty()) exportFlagged(path);
}

void MainWindow::exportPlot(QCustomPlot* plot, const QString& name) {
    const QString error = exportPlotWithDialog(this, plot, name + ".png");
    if (!error.isEmpty()) reportError(tr("Cannot export the plot"), error);
}

void MainWindow::updateActions() {
    const bool running = m_controller->isRunning();
    m_trainAction->setEnabled(!running && !m_browser->paths().isEmpty());
    m_stopAction->setEnabled(running);
    m_openModelAction->setEnabled(!running);
    m_modelInfo->setOpenEnabled(!running);
    m_saveModelAction->setEnabled(m_model != nullptr);
    m_modelInfo->setSaveEnabled(m_model != nullptr);
    m_exportScoresAction->setEnabled(m_scores != nullptr);
    m_exportFlaggedAction->setEnabled(!m_ranking->flaggedPaths().isEmpty());
}

}  // namespace twinsight::ui
