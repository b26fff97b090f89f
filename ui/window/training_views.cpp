#include "ui/window/training_views.h"

#include <QAction>
#include <QTabWidget>
#include <QTimer>

#include "core/degrade/transform.h"
#include "ui/panels/pairs_gallery.h"
#include "ui/panels/pairs_strip.h"
#include "ui/panels/range_editor.h"
#include "ui/panels/training_panel.h"
#include "ui/panels/training_playback.h"
#include "ui/plots/correlation_plot.h"
#include "ui/plots/sweep_plot.h"
#include "ui/plots/training_curves.h"
#include "ui/window/lesson_sheet_export.h"
#include "ui/workspace/workspace.h"

namespace twinsight::ui {

TrainingViews::TrainingViews(Workspace* workspace, const WindowPanels& panels, const WindowActions& actions,
                             QObject* parent)
    : QObject(parent), m_workspace(workspace), m_panels(panels) {
    QAction* lessonSheet = actions.exportLessonSheet;
    connect(lessonSheet, &QAction::triggered, this, [this] {
        const QString problem = askExportLessonSheet(m_panels.tabs->window(), *m_workspace, m_panels);
        if (!problem.isEmpty()) emit statusMessage(problem);
    });
    lessonSheet->setEnabled(false);
    connect(workspace, &Workspace::modelsChanged, lessonSheet,
            [this, lessonSheet] { lessonSheet->setEnabled(m_workspace->currentModel() != nullptr); });
    connect(workspace, &Workspace::trainingProgress, this, [this](const TrainingUpdate& update) {
        m_panels.training->showUpdate(update);
        m_panels.curves->addUpdate(update);
        if (update.phase == TrainingUpdate::Phase::Training && update.batchSize > 0)
            m_panels.playback->showSettings(update.learningRate, update.batchSize, update.crossImageShare);
        showLiveViews(update);
        if (!update.pairs.isEmpty()) {
            m_panels.pairs->setPairs(update.pairs, m_trainingUnit, m_higherReading);
            m_panels.gallery->addPairs(update.pairs, update.done);
        }
    });
    connect(workspace, &Workspace::trainingFinished, this, &TrainingViews::showFinished);
    TrainingPlayback* playback = panels.playback;
    connect(playback, &TrainingPlayback::pauseRequested, workspace, &Workspace::pauseTraining);
    connect(playback, &TrainingPlayback::resumeRequested, workspace, &Workspace::resumeTraining);
    connect(playback, &TrainingPlayback::stepRequested, workspace, &Workspace::stepTraining);
    connect(playback, &TrainingPlayback::adjustRequested, workspace, &Workspace::adjustTraining);
    connect(workspace, &Workspace::trainingPausedChanged, playback, &TrainingPlayback::setPaused);
    connect(workspace, &Workspace::trainingFailed, this, [this](const QString& message) {
        showStopped(tr("Training failed."));
        emit errorReported(tr("Training failed"), message);
    });
    connect(workspace, &Workspace::trainingCancelled, this, [this] {
        const QString message =
            m_workspace->currentModel() ? tr("Training stopped; the previous model is kept.") : tr("Training stopped.");
        showStopped(message);
        emit statusMessage(message);
    });
}

void TrainingViews::start() {
    const core::TrainerConfig config = m_panels.training->config();
    emit aboutToStart();
    if (!m_workspace->startTraining(config)) return;
    const core::Transform& transform = core::findTransform(config.transform);
    m_trainingUnit = QString::fromStdString(transform.unit());
    m_higherReading = QString::fromStdString(transform.higherMagnitudeReading());
    m_panels.curves->reset(config.totalSteps());
    m_panels.pairs->clearPairs();
    m_panels.gallery->reset(m_trainingUnit, m_higherReading);
    m_panels.training->setRunning(true);
    m_panels.training->showStatus(tr("Starting…"));
    // Shown from the next pass of the event loop: the first layout and paint of the curves then do not add up with
    // the work above into one longer pause of the window.
    QTimer::singleShot(0, this, [this] { m_panels.tabs->setCurrentWidget(m_panels.trainingTab); });
    emit runningChanged();
}

void TrainingViews::stop() {
    if (!m_workspace->isTraining()) return;
    m_panels.training->showStatus(tr("Stopping…"));
    m_workspace->stopTraining();
}

void TrainingViews::followCurrentModel() {
    const auto model = m_workspace->currentModel();
    if (!model || m_workspace->isTraining()) return;
    m_panels.training->setTransform(transformOf(*model));
    m_panels.training->rangeEditor()->setRange(model->metadata().range);
}

void TrainingViews::showLiveViews(const TrainingUpdate& update) {
    const QString transform = m_panels.training->transformName();
    if (update.validation) {
        m_panels.gallery->setStudy(*update.validation);
        m_panels.correlation->setStudy(*update.validation, transform, m_trainingUnit, {},
                                       tr("the held-out images at step %1, while training").arg(update.done));
    }
    if (!update.watchedSweep.empty()) {
        SweepResult sweep;
        sweep.path = m_workspace->selectedPath();
        for (const core::SweepRow& row : update.watchedSweep) sweep.rows.push_back({row.magnitude, row.score, row.score});
        sweep.own = {update.watchedScore, update.watchedScore, true};
        m_panels.sweep->setLiveSweep(sweep, transform, m_trainingUnit, update.done);
    }
}

void TrainingViews::showFinished(const std::shared_ptr<const TrainingResult>& result) {
    m_panels.training->setRunning(false);
    const core::TrainingSummary& training = result->model->metadata().training;
    m_panels.training->showStatus(tr("Done in %1 · pair accuracy %2%")
                                      .arg(formatDuration(result->seconds))
                                      .arg(training.valPairAccuracy * 100.0, 0, 'f', 1));
}

void TrainingViews::showStopped(const QString& panelStatus) {
    m_panels.training->setRunning(false);
    m_panels.training->showStatus(panelStatus);
    emit runningChanged();
}

}  // namespace twinsight::ui
