#include "ui/window/main_window.h"

#include <qcustomplot.h>

#include <QAction>
#include <QCloseEvent>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QSettings>
#include <QStatusBar>

#include "core/base/file_errors.h"
#include "ui/browser/image_browser.h"
#include "ui/panels/model_info_panel.h"
#include "ui/panels/ranking_panel.h"
#include "ui/panels/training_panel.h"
#include "ui/panels/xmp_dialog.h"
#include "ui/window/file_dialogs.h"
#include "ui/window/folder_views.h"
#include "ui/window/image_views.h"
#include "ui/window/presentation.h"
#include "ui/window/score_views.h"
#include "ui/window/training_views.h"
#include "ui/workspace/workspace.h"

namespace twinsight::ui {

MainWindow::MainWindow(MainWindowOptions options, QWidget* parent)
    : QMainWindow(parent),
      m_options(options),
      m_workspace(new Workspace(this)),
      m_panels(buildPanels(this)),
      m_actions(buildMenus(this, m_panels)),
      m_scoreViews(new ScoreViews(m_workspace, m_panels, m_actions, this)),
      m_trainingViews(new TrainingViews(m_workspace, m_panels, m_actions, this)),
      m_imageViews(new ImageViews(m_workspace, m_panels, m_actions, m_scoreViews, this)),
      m_folderViews(new FolderViews(m_workspace, m_panels, m_actions, this)) {
    setWindowTitle(tr("Twinsight"));
    setObjectName("mainWindow");
    m_panels.training->probeDevicesInBackground();  // LibTorch loads once the window is on screen
    connectActions();
    connectPanels();
    connectWorkspace();
    restoreSettings();
    new Presentation(this, m_actions);  // owned by the window; applies the remembered mode
    m_imageViews->followTrainingPanel();
    updateActions();
}

// The workspace goes first: the writes asked for finish, and no job's result reaches a panel being destroyed.
MainWindow::~MainWindow() { delete m_workspace; }

void MainWindow::connectActions() {
    connect(m_actions.openFolder, &QAction::triggered, this, [this] { askOpenFolder(this, *m_workspace); });
    connect(m_actions.openModel, &QAction::triggered, this,
            [this] { askOpenModel(this, *m_workspace, m_panels.training->config().device); });
    connect(m_actions.saveModel, &QAction::triggered, this, [this] { askSaveModel(this, *m_workspace); });
    connect(m_actions.exportScores, &QAction::triggered, this, [this] { askExportScores(this, *m_workspace); });
    connect(m_actions.exportFlagged, &QAction::triggered, this,
            [this] { askExportFlagged(this, *m_workspace, m_workspace->flaggedPaths()); });
    connect(m_actions.writeSidecars, &QAction::triggered, this, &MainWindow::openSidecarDialog);
    connect(m_actions.quit, &QAction::triggered, this, &QWidget::close);
    connect(m_actions.train, &QAction::triggered, m_trainingViews, &TrainingViews::start);
    connect(m_actions.stop, &QAction::triggered, m_trainingViews, &TrainingViews::stop);
    connect(m_actions.about, &QAction::triggered, this, [this] { showAbout(this); });
    connect(m_actions.gettingStarted, &QAction::triggered, this, [this] { showGettingStarted(this); });
    for (const ExportablePlot& exportable : m_actions.plots) {
        QCustomPlot* plot = exportable.plot;
        const QString name = exportable.name;
        const auto exportPlot = [this, plot, name] {
            const QString error = askExportPlot(this, *m_workspace, plot, name);
            if (!error.isEmpty()) reportError(tr("Cannot export the plot"), error);
        };
        connect(exportable.exportAction, &QAction::triggered, this, exportPlot);
        plot->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(plot, &QWidget::customContextMenuRequested, this, [plot, exportPlot](const QPoint& position) {
            QMenu menu(plot);
            menu.addAction(tr("Export Plot…"), plot, exportPlot);
            menu.exec(plot->mapToGlobal(position));
        });
    }
}

void MainWindow::connectPanels() {
    connect(m_panels.training, &TrainingPanel::trainRequested, m_trainingViews, &TrainingViews::start);
    connect(m_panels.training, &TrainingPanel::stopRequested, m_trainingViews, &TrainingViews::stop);
    connect(m_panels.modelInfo, &ModelInfoPanel::saveRequested, m_actions.saveModel, &QAction::trigger);
    connect(m_panels.modelInfo, &ModelInfoPanel::openRequested, m_actions.openModel, &QAction::trigger);
    connect(m_panels.modelInfo, &ModelInfoPanel::currentModelRequested, m_workspace, &Workspace::setCurrentModel);
    connect(m_panels.modelInfo, &ModelInfoPanel::closeModelRequested, m_workspace, &Workspace::closeModel);
    connect(m_panels.ranking, &RankingPanel::imageActivated, m_panels.browser, &ImageBrowser::selectPath);
    connect(m_scoreViews, &ScoreViews::modelsShown, this, &MainWindow::modelChanged);
    connect(m_scoreViews, &ScoreViews::scoresShown, this, &MainWindow::updateActions);
    connect(m_trainingViews, &TrainingViews::aboutToStart, this, &MainWindow::saveSettings);
    connect(m_trainingViews, &TrainingViews::runningChanged, this, &MainWindow::updateActions);
    connect(m_trainingViews, &TrainingViews::errorReported, this, &MainWindow::reportError);
    connect(m_trainingViews, &TrainingViews::statusMessage, this, &MainWindow::showStatus);
    connect(m_imageViews, &ImageViews::statusMessage, this, &MainWindow::showStatus);
    connect(m_scoreViews, &ScoreViews::statusMessage, this, &MainWindow::showStatus);
    connect(m_folderViews, &FolderViews::errorReported, this, &MainWindow::reportError);
    connect(m_folderViews, &FolderViews::statusMessage, this, &MainWindow::showStatus);
    connect(m_folderViews, &FolderViews::folderShown, this, [this](const QString& folder, int imageCount) {
        setWindowTitle(tr("%1 — Twinsight").arg(QFileInfo(folder).fileName()));
        updateActions();
        emit folderReady(folder, imageCount);
    });
    connect(m_imageViews, &ImageViews::sweepShown, this, &MainWindow::sweepUpdated);
    connect(m_imageViews, &ImageViews::studyShown, this, &MainWindow::studyUpdated);
}

void MainWindow::connectWorkspace() {
    Workspace* workspace = m_workspace;
    connect(workspace, &Workspace::errorOccurred, this, &MainWindow::reportError);
    connect(workspace, &Workspace::statusMessage, this, &MainWindow::showStatus);
    connect(workspace, &Workspace::written, this,
            [this](const QString&, const QString& message) { showStatus(message); });
    connect(workspace, &Workspace::modelsChanged, m_scoreViews, &ScoreViews::showModels);
    connect(workspace, &Workspace::modelSourcesChanged, m_scoreViews, &ScoreViews::showModelInfo);
    connect(workspace, &Workspace::currentModelChosen, m_trainingViews, &TrainingViews::followCurrentModel);
    connect(workspace, &Workspace::scoringProgress, this, [this](int done, int total) {
        m_panels.scoreProgress->setRange(0, total);
        m_panels.scoreProgress->setValue(done);
        m_panels.scoreProgress->setVisible(true);
    });
    connect(workspace, &Workspace::scoringStopped, m_panels.scoreProgress, &QWidget::hide);
    connect(workspace, &Workspace::scoresChanged, this, [this] {
        m_scoreViews->showScores();
        if (m_workspace->scores()) emit scoresUpdated();
    });
}

void MainWindow::reportError(const QString& title, const QString& rawMessage) {
    // A file name's control characters escaped: one error, one line, in the status bar as in the dialog.
    const QString message = QString::fromStdString(core::printableForMessage(rawMessage.toStdString()));
    statusBar()->showMessage(message, kStatusTimeout);
    emit errorReported(message);
    if (!m_options.errorDialogs) return;
    // open(), not exec(): the event loop, and with it training progress, goes on while the message is shown.
    auto* box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::showStatus(const QString& message) { statusBar()->showMessage(message, kStatusTimeout); }

void MainWindow::start(const QString& argument) { m_folderViews->start(argument); }

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
    for (QAction* action : {m_actions.exportFlagged, m_actions.reviewFlagged})
        action->setEnabled(!m_workspace->flagged().empty());
}

void MainWindow::openModelFile(const QString& path) {
    m_workspace->openModelFile(path, m_panels.training->config().device);
}

bool MainWindow::exportFlagged(const QString& path) {
    return m_workspace->exportFlagged(path, m_workspace->flaggedPaths());
}

XmpDialog* MainWindow::openSidecarDialog() {
    if (!m_workspace->scores()) return nullptr;
    auto* dialog =
        new XmpDialog(m_workspace->scores(), m_workspace->flaggedPaths(), m_workspace->bursts().places(), this);
    connect(dialog, &XmpDialog::writeFinished, this, [this](int written, const QStringList& failures) {
        showStatus(failures.isEmpty() ? tr("Wrote %1 XMP sidecars").arg(written)
                                      : tr("Wrote %1 XMP sidecars; %2 failed").arg(written).arg(failures.size()));
    });
    dialog->open();  // window-modal, and the event loop goes on
    return dialog;
}

void MainWindow::closeEvent(QCloseEvent* event) {
    const auto quitAnyway = [this] { m_quitConfirmed = true; close(); };
    if (!m_quitConfirmed && askBeforeQuitting(this, *m_workspace, quitAnyway)) return event->ignore();
    saveSettings();
    m_workspace->stopTraining();
    event->accept();
}

void MainWindow::saveSettings() {
    QSettings settings;
    settings.setValue("window/geometry", saveGeometry());
    settings.setValue("window/state", saveState());
    m_panels.training->saveSettings(settings);
}

void MainWindow::restoreSettings() {
    const QSettings settings;
    if (!restoreGeometry(settings.value("window/geometry").toByteArray())) resize(1400, 880);
    fitOnScreen(this);
    restoreState(settings.value("window/state").toByteArray());
    m_panels.training->restoreSettings(settings);
}

}  // namespace twinsight::ui
