#include "ui/window/main_window.h"

#include <qcustomplot.h>

#include <QAction>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QThreadPool>
#include <utility>

#include "core/base/file_errors.h"
#include "core/imageio/image_source.h"
#include "core/model/device.h"
#include "ui/browser/image_browser.h"
#include "ui/browser/image_view.h"
#include "ui/jobs/background.h"
#include "ui/panels/model_info_panel.h"
#include "ui/panels/preview_panel.h"
#include "ui/panels/ranking_panel.h"
#include "ui/panels/training_panel.h"
#include "ui/plots/correlation_plot.h"
#include "ui/plots/sweep_plot.h"
#include "ui/window/start_folder.h"
#include "ui/workspace/workspace.h"

namespace twinsight::ui {

MainWindow::MainWindow(MainWindowOptions options, QWidget* parent)
    : QMainWindow(parent),
      m_options(options),
      m_workspace(new Workspace(this)),
      m_panels(buildPanels(this)),
      m_actions(buildMenus(this, m_panels)) {
    setWindowTitle(tr("Twinsight"));
    setObjectName("mainWindow");
    m_panels.training->setDeviceSupport(core::probeDevices());
    connectPanels();
    connectWorkspace();
    connectTraining();
    restoreSettings();
    m_panels.preview->setTransform(m_panels.training->transformName(), m_panels.training->range());
    updateActions();
}

// The workspace goes first: the writes asked for finish, and no job's result reaches a panel being destroyed.
MainWindow::~MainWindow() { delete m_workspace; }

void MainWindow::connectPanels() {
    connect(m_actions.openFolder, &QAction::triggered, this, &MainWindow::askOpenFolder);
    connect(m_actions.openModel, &QAction::triggered, this, &MainWindow::askOpenModel);
    connect(m_actions.saveModel, &QAction::triggered, this, &MainWindow::askSaveModel);
    connect(m_actions.exportScores, &QAction::triggered, this, &MainWindow::askExportScores);
    connect(m_actions.exportFlagged, &QAction::triggered, this, &MainWindow::askExportFlagged);
    connect(m_actions.writeSidecars, &QAction::triggered, this, &MainWindow::openSidecarDialog);
    connect(m_actions.quit, &QAction::triggered, this, &QWidget::close);
    connect(m_actions.train, &QAction::triggered, this, &MainWindow::startTraining);
    connect(m_actions.stop, &QAction::triggered, this, &MainWindow::stopTraining);
    connect(m_actions.about, &QAction::triggered, this, &MainWindow::showAbout);
    for (const ExportablePlot& exportable : m_actions.plots) {
        QCustomPlot* plot = exportable.plot;
        const QString name = exportable.name;
        connect(exportable.exportAction, &QAction::triggered, this, [this, plot, name] { exportPlot(plot, name); });
        plot->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(plot, &QWidget::customContextMenuRequested, this, [this, plot, name](const QPoint& position) {
            QMenu menu(plot);
            menu.addAction(tr("Export Plot…"), this, [this, plot, name] { exportPlot(plot, name); });
            menu.exec(plot->mapToGlobal(position));
        });
    }
    connect(m_panels.browser, &ImageBrowser::selectionChanged, this, &MainWindow::onSelectionChanged);
    TrainingPanel* training = m_panels.training;
    auto followPanel = [this, training] {
        m_panels.preview->setTransform(training->transformName(), training->range());
    };
    connect(training, &TrainingPanel::transformChanged, this, followPanel);
    connect(training, &TrainingPanel::rangeChanged, this, followPanel);
    // The preview follows the working size from the image already held; the sweep uses the model's working size.
    connect(training, &TrainingPanel::workingSizeChanged, this, &MainWindow::showPreviewCopy);
    connect(training, &TrainingPanel::trainRequested, this, &MainWindow::startTraining);
    connect(training, &TrainingPanel::stopRequested, this, &MainWindow::stopTraining);
    connect(m_panels.modelInfo, &ModelInfoPanel::saveRequested, this, &MainWindow::askSaveModel);
    connect(m_panels.modelInfo, &ModelInfoPanel::openRequested, this, &MainWindow::askOpenModel);
    connect(m_panels.modelInfo, &ModelInfoPanel::currentModelRequested, m_workspace, &Workspace::setCurrentModel);
    connect(m_panels.modelInfo, &ModelInfoPanel::closeModelRequested, m_workspace, &Workspace::closeModel);
    connect(m_panels.ranking, &RankingPanel::flaggedChanged, this, [this](const QStringList& paths) {
        m_panels.browser->setFlagged(QSet<QString>(paths.begin(), paths.end()));
        updateActions();
    });
    connect(m_panels.ranking, &RankingPanel::imageActivated, m_panels.browser, &ImageBrowser::selectPath);
}

void MainWindow::connectWorkspace() {
    Workspace* workspace = m_workspace;
    connect(workspace, &Workspace::errorOccurred, this, &MainWindow::reportError);
    connect(workspace, &Workspace::statusMessage, this, &MainWindow::showStatus);
    connect(workspace, &Workspace::written, this,
            [this](const QString&, const QString& message) { showStatus(message); });
    connect(workspace, &Workspace::folderOpened, this, &MainWindow::onFolderOpened);
    connect(workspace, &Workspace::folderFailed, this,
            [this](const QString&, const QString& message) { reportError(tr("Cannot open the folder"), message); });
    connect(workspace, &Workspace::filesSkipped, m_panels.browser, &ImageBrowser::addSkipped);
    connect(workspace, &Workspace::selectionLoaded, this, &MainWindow::onSelectionLoaded);
    connect(workspace, &Workspace::selectionFailed, this, [this](const QString& message) {
        m_panels.imageView->clear(message);
        m_panels.preview->clear(message);
        showStatus(message);
    });
    connect(workspace, &Workspace::sweepReady, this, [this](const SweepResult& sweep, const auto& model) {
        m_panels.sweep->setSweep(sweep, transformOf(*model), unitOf(*model));
        emit sweepUpdated();
    });
    connect(workspace, &Workspace::sweepUnavailable, m_panels.sweep, &SweepPlot::clear);
    connect(workspace, &Workspace::studyReady, this,
            [this](const core::CorrelationStudy& study, const auto& model, const QString& images) {
                m_panels.correlation->setStudy(study, transformOf(*model), unitOf(*model),
                                               model->metadata().calibration, images);
                emit studyUpdated();
            });
    connect(workspace, &Workspace::studyUnavailable, m_panels.correlation, &CorrelationPlot::clear);
    connect(workspace, &Workspace::modelsChanged, this, &MainWindow::showModels);
    connect(workspace, &Workspace::modelSourcesChanged, this, &MainWindow::showModelInfo);
    connect(workspace, &Workspace::currentModelChosen, this, &MainWindow::followCurrentModel);
    connect(workspace, &Workspace::scoringProgress, this, [this](int done, int total) {
        m_panels.scoreProgress->setRange(0, total);
        m_panels.scoreProgress->setValue(done);
        m_panels.scoreProgress->setVisible(true);
    });
    connect(workspace, &Workspace::scoringStopped, m_panels.scoreProgress, &QWidget::hide);
    connect(workspace, &Workspace::scoresChanged, this, [this] {
        showScores();
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

void MainWindow::start(const QString& argument) {
    const StartFolder start = chooseStartFolder(argument, QSettings().value("folder/last").toString());
    if (!start.problem.isEmpty()) reportError(tr("Cannot open the folder"), start.problem);
    m_startImage = start.image;
    if (!start.sampleScenes) return m_workspace->openFolder(start.path);
    statusBar()->showMessage(tr("Preparing the sample scenes…"));
    runInBackground(
        this, QThreadPool::globalInstance(), [] { return ensureSampleScenes(); },
        [this](const QString& folder) { m_workspace->openFolder(folder); },
        [this](const QString& message) { reportError(tr("Cannot write the sample scenes"), message); });
}

void MainWindow::onFolderOpened(const QString& folder, const QStringList& paths) {
    setWindowTitle(tr("%1 — Twinsight").arg(QFileInfo(folder).fileName()));
    QSettings().setValue("folder/last", folder);
    m_panels.browser->showFolder(folder, paths);
    m_panels.ranking->clear(m_workspace->currentModel() ? tr("Scoring the folder…")
                                                        : tr("Train or open a model to rank the folder's images."));
    const QString shown = QDir::toNativeSeparators(folder);
    showStatus(paths.isEmpty() ? tr("%1 holds no image Twinsight can read").arg(shown)
                               : tr("Opened %1: %2 images").arg(shown).arg(paths.size()));
    m_panels.training->setTrainEnabled(!paths.isEmpty());
    const QString startImage = std::exchange(m_startImage, {});
    if (!startImage.isEmpty() && QFileInfo(startImage).absolutePath() == folder) selectStartImage(startImage);
    updateActions();
    emit folderReady(folder, static_cast<int>(paths.size()));
}

// The file given at start: a multi-frame file is selected at its first frame; a file that is no image Twinsight
// reads is reported, its folder staying open.
void MainWindow::selectStartImage(const QString& image) {
    if (m_panels.browser->selectPath(image)) return;
    if (m_panels.browser->selectPath(QString::fromStdString(core::imageSourceName(image.toStdString(), 1)))) return;
    reportError(tr("Cannot open the image"),
                tr("%1 is not an image Twinsight can read").arg(QDir::toNativeSeparators(image)));
}

void MainWindow::closeEvent(QCloseEvent* event) {
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
    restoreState(settings.value("window/state").toByteArray());
    m_panels.training->restoreSettings(settings);
}

}  // namespace twinsight::ui
