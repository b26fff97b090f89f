// MainWindow, second part: what the panels show of the workspace's state (the selection, training, the open
// models, the folder's scores and the selected image's profile) and which actions it enables.

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QProgressBar>
#include <QTabWidget>
#include <QTimer>

#include "core/degrade/transform.h"
#include "ui/browser/image_browser.h"
#include "ui/browser/image_view.h"
#include "ui/jobs/analysis_jobs.h"
#include "ui/panels/model_info_panel.h"
#include "ui/panels/pairs_strip.h"
#include "ui/panels/preview_panel.h"
#include "ui/panels/range_editor.h"
#include "ui/panels/ranking_panel.h"
#include "ui/panels/training_panel.h"
#include "ui/plots/profile_chart.h"
#include "ui/plots/training_curves.h"
#include "ui/window/main_window.h"
#include "ui/workspace/workspace.h"

namespace twinsight::ui {

void MainWindow::onSelectionChanged(const QString& path) {
    m_workspace->select(path);
    updateProfile();
    if (!path.isEmpty()) return;
    m_panels.imageView->clear(tr("Select an image in the grid."));
    m_panels.preview->clear(tr("Select an image to preview the transformation."));
}

void MainWindow::onSelectionLoaded(const std::shared_ptr<const SelectedImage>& image) {
    m_panels.imageView->setImage(image->display, imageCaption(image->path));
    showPreviewCopy();
}

void MainWindow::showPreviewCopy() {
    const auto selected = m_workspace->selectedImage();
    if (!selected) return;
    try {
        m_panels.preview->setImage(workingCopy(*selected, m_panels.training->config().workingSize),
                                   QFileInfo(selected->path).fileName());
    } catch (const std::exception& error) {
        m_panels.preview->clear(QString::fromStdString(error.what()));
    }
}

QString MainWindow::imageCaption(const QString& path) const {
    QString caption = QDir::toNativeSeparators(path);
    const auto scores = m_workspace->scores();
    const std::vector<core::ImageEstimate>* estimates = m_workspace->estimatesOf(path);
    if (!estimates) return caption;
    if (scores->models.size() == 1) {
        return caption + tr("   ·   score %1, estimate %2 %3")
                             .arg(estimates->front().score, 0, 'f', 3)
                             .arg(estimates->front().estimate, 0, 'f', 2)
                             .arg(unitOf(*scores->models.front()));
    }
    for (std::size_t m = 0; m < estimates->size() && m < scores->models.size(); ++m) {
        caption += QStringLiteral("   ·   %1 %2 %3")
                       .arg(transformOf(*scores->models[m]))
                       .arg((*estimates)[m].estimate, 0, 'f', 2)
                       .arg(unitOf(*scores->models[m]));
    }
    return caption;
}

void MainWindow::refreshImageCaption() {
    const QString path = m_panels.browser->selectedPath();
    if (!path.isEmpty() && !m_panels.imageView->image().isNull())
        m_panels.imageView->setImage(m_panels.imageView->image(), imageCaption(path));
}

// The training settings take the chosen model's transformation and range, unless a training is running.
void MainWindow::followCurrentModel() {
    const auto model = m_workspace->currentModel();
    if (!model || m_workspace->isTraining()) return;
    m_panels.training->setTransform(transformOf(*model));
    m_panels.training->rangeEditor()->setRange(model->metadata().range);
}

void MainWindow::connectTraining() {
    connect(m_workspace, &Workspace::trainingProgress, this, [this](const TrainingUpdate& update) {
        m_panels.training->showUpdate(update);
        m_panels.curves->addUpdate(update);
        if (!update.pairs.isEmpty()) m_panels.pairs->setPairs(update.pairs, m_trainingUnit);
    });
    connect(m_workspace, &Workspace::trainingFinished, this, &MainWindow::onTrainingFinished);
    connect(m_workspace, &Workspace::trainingFailed, this, [this](const QString& message) {
        m_panels.training->setRunning(false);
        updateActions();
        m_panels.training->showStatus(tr("Training failed."));
        reportError(tr("Training failed"), message);
    });
    connect(m_workspace, &Workspace::trainingCancelled, this, [this] {
        m_panels.training->setRunning(false);
        updateActions();
        const QString message =
            m_workspace->currentModel() ? tr("Training stopped; the previous model is kept.") : tr("Training stopped.");
        m_panels.training->showStatus(message);
        showStatus(message);
    });
}

void MainWindow::startTraining() {
    const core::TrainerConfig config = m_panels.training->config();
    saveSettings();
    if (!m_workspace->startTraining(config)) return;
    m_trainingUnit = QString::fromStdString(core::findTransform(config.transform).unit());
    m_panels.curves->reset(config.totalSteps());
    m_panels.pairs->clearPairs();
    m_panels.training->setRunning(true);
    m_panels.training->showStatus(tr("Starting…"));
    // Shown from the next pass of the event loop: the first layout and paint of the curves then do not add up with
    // the work above into one longer pause of the window.
    QTimer::singleShot(0, this, [this] { m_panels.tabs->setCurrentWidget(m_panels.trainingTab); });
    updateActions();
}

void MainWindow::stopTraining() {
    if (!m_workspace->isTraining()) return;
    m_panels.training->showStatus(tr("Stopping…"));
    m_workspace->stopTraining();
}

void MainWindow::onTrainingFinished(const std::shared_ptr<const TrainingResult>& result) {
    m_panels.training->setRunning(false);
    const core::TrainingSummary& training = result->model->metadata().training;
    m_panels.training->showStatus(tr("Done in %1 · pair accuracy %2%")
                                      .arg(formatDuration(result->seconds))
                                      .arg(training.valPairAccuracy * 100.0, 0, 'f', 1));
}

void MainWindow::showModels() {
    showModelInfo();
    if (!m_workspace->currentModel()) {
        m_panels.ranking->clear(tr("Train or open a model to rank the folder's images."));
    } else if (!m_workspace->scores()) {
        m_panels.ranking->clear(tr("Scoring the folder…"));
    }
    showScores();  // the grid's sorting, the ranking and the profile follow the current model
    emit modelChanged();
}

void MainWindow::showModelInfo() {
    const ModelSet& models = m_workspace->models();
    m_panels.modelInfo->setOpenModels(models.labels(), models.currentIndex());
    const ModelSet::Entry* entry = models.currentEntry();
    if (!entry) return m_panels.modelInfo->clear();
    m_panels.modelInfo->setModel(entry->model->metadata(), QString::fromStdString(entry->model->deviceName()),
                                 entry->source);
}

void MainWindow::showScores() {
    const auto scores = m_workspace->scores();
    const int column = m_workspace->currentColumn();
    if (!scores) {
        m_panels.browser->clearEstimates();
        m_scoresInGrid.reset();
    } else if (m_scoresInGrid.lock() == scores) {
        m_panels.browser->setCurrentModel(column);  // the same scores, another current model: no rebuild of the grid
    } else {
        std::vector<ImageGridModel::ModelColumn> columns;
        for (const auto& model : scores->models) columns.push_back({transformOf(*model), unitOf(*model)});
        QHash<QString, std::vector<core::ImageEstimate>> estimates;
        for (std::size_t i = 0; i < scores->scores.paths.size(); ++i)
            estimates.insert(QString::fromStdString(scores->scores.paths[i]), scores->scores.estimates[i]);
        m_panels.browser->setModelEstimates(columns, estimates, column);
        m_scoresInGrid = scores;
    }
    if (scores && column >= 0) {
        const core::TrainedModel& current = *scores->models[static_cast<std::size_t>(column)];
        m_panels.ranking->setScores(scores->column(column), transformOf(current), unitOf(current),
                                    current.metadata().calibration);
    }
    refreshImageCaption();
    updateProfile();
    updateActions();
}

void MainWindow::updateProfile() {
    const QString path = m_panels.browser->selectedPath();
    if (m_workspace->models().empty()) {
        return m_panels.profile->clear(tr("Open or train models to see the selected image's profile."));
    }
    if (path.isEmpty()) return m_panels.profile->clear(tr("Select an image to see its profile."));
    const auto scores = m_workspace->scores();
    const std::vector<core::ImageEstimate>* estimates = m_workspace->estimatesOf(path);
    if (!estimates) return m_panels.profile->clear(tr("Scoring the folder…"));
    const int column = m_workspace->currentColumn();
    std::vector<ProfileBar> bars;
    for (std::size_t m = 0; m < estimates->size() && m < scores->models.size(); ++m) {
        const core::TrainedModel& model = *scores->models[m];
        const core::ImageEstimate& estimate = (*estimates)[m];
        const bool current = static_cast<int>(m) == column && estimates->size() > 1;
        bars.push_back(
            {transformOf(model), unitOf(model), estimate.estimate, model.metadata().range, estimate.inRange, current});
    }
    m_panels.profile->setProfile(bars, QFileInfo(path).fileName());
}

void MainWindow::updateActions() {
    const bool running = m_workspace->isTraining();
    const bool hasModel = m_workspace->currentModel() != nullptr;
    const bool hasScores = m_workspace->scores() != nullptr;
    m_actions.train->setEnabled(!running && !m_workspace->paths().isEmpty());
    m_actions.stop->setEnabled(running);
    m_actions.openModel->setEnabled(!running);
    m_panels.modelInfo->setOpenEnabled(!running);
    m_actions.saveModel->setEnabled(hasModel);
    m_panels.modelInfo->setSaveEnabled(hasModel);
    m_actions.exportScores->setEnabled(hasScores);
    m_actions.writeSidecars->setEnabled(hasScores);
    m_actions.exportFlagged->setEnabled(!m_panels.ranking->flaggedPaths().isEmpty());
}

}  // namespace twinsight::ui
