#include "ui/window/main_window.h"

#include <qcustomplot.h>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QThreadPool>
#include <QToolBar>
#include <QVBoxLayout>
#include <utility>

#include "core/base/file_errors.h"
#include "core/imageio/image_source.h"
#include "core/model/device.h"
#include "twinsight_version.h"
#include "ui/browser/image_browser.h"
#include "ui/browser/image_grid_model.h"
#include "ui/browser/image_view.h"
#include "ui/jobs/analysis_jobs.h"
#include "ui/jobs/background.h"
#include "ui/jobs/file_writer.h"
#include "ui/jobs/folder_scorer.h"
#include "ui/jobs/training_controller.h"
#include "ui/panels/model_info_panel.h"
#include "ui/panels/pairs_strip.h"
#include "ui/panels/preview_panel.h"
#include "ui/panels/ranking_panel.h"
#include "ui/panels/training_panel.h"
#include "ui/plots/correlation_plot.h"
#include "ui/plots/profile_chart.h"
#include "ui/plots/sweep_plot.h"
#include "ui/plots/training_curves.h"
#include "ui/window/start_folder.h"

namespace twinsight::ui {
namespace {
// Shorter side of the large view's image, px: sharp on a large screen, still quick to decode.
constexpr int kDisplaySide = 1440;
}  // namespace

MainWindow::MainWindow(MainWindowOptions options, QWidget* parent)
    : QMainWindow(parent),
      m_options(options),
      m_browser(new ImageBrowser(this)),
      m_trainingPanel(new TrainingPanel(this)),
      m_modelInfo(new ModelInfoPanel(this)),
      m_profile(new ProfileChart(this)),
      m_tabs(new QTabWidget(this)),
      m_imageView(new ImageView(this)),
      m_preview(new PreviewPanel(this)),
      m_curves(new TrainingCurves(this)),
      m_pairs(new PairsStrip(this)),
      m_sweep(new SweepPlot(this)),
      m_correlation(new CorrelationPlot(this)),
      m_ranking(new RankingPanel(this)),
      m_controller(new TrainingController(this)),
      m_scorer(new FolderScorer(this)),
      m_scoreProgress(new QProgressBar(this)) {
    setWindowTitle(tr("Twinsight"));
    setObjectName("mainWindow");
    m_fileWriter = new FileWriter(this);
    connect(m_fileWriter, &FileWriter::failed, this,
            [this](const QString&, const QString& message) { reportError(tr("Cannot write the file"), message); });
    m_trainingPanel->setDeviceSupport(core::probeDevices());
    buildLayout();
    buildMenus();
    connectPanels();
    connectTraining();
    restoreSettings();
    m_preview->setTransform(m_trainingPanel->transformName(), m_trainingPanel->range());
    updateActions();
}

// The writes asked for finish first (their completions, which touch the window, are not delivered).
MainWindow::~MainWindow() { delete m_fileWriter; }

void MainWindow::buildLayout() {
    m_imageView->setObjectName("imageView");
    m_imageView->clear(tr("Select an image in the grid."));
    m_tabs->setObjectName("tabs");
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_imageView, tr("Image"));
    m_tabs->addTab(m_preview, tr("Preview"));
    m_trainingTab = new QWidget(this);
    auto* trainingLayout = new QVBoxLayout(m_trainingTab);
    trainingLayout->setContentsMargins(0, 0, 0, 0);
    trainingLayout->addWidget(m_curves, 1);
    auto* pairsTitle = new QLabel(tr("Current training pairs (wrong verdicts first)"), m_trainingTab);
    pairsTitle->setContentsMargins(8, 4, 8, 0);
    trainingLayout->addWidget(pairsTitle);
    trainingLayout->addWidget(m_pairs);
    m_tabs->addTab(m_trainingTab, tr("Training"));
    m_tabs->addTab(m_sweep, tr("Sweep"));
    m_tabs->addTab(m_correlation, tr("Correlation"));
    m_tabs->addTab(m_ranking, tr("Ranking"));
    setCentralWidget(m_tabs);

    auto* imagesDock = new QDockWidget(tr("Images"), this);
    imagesDock->setObjectName("imagesDock");
    // The selected image's profile under the grid: always in sight, next to the selection it describes.
    auto* images = new QWidget(this);
    auto* imagesLayout = new QVBoxLayout(images);
    imagesLayout->setContentsMargins(0, 0, 0, 6);
    imagesLayout->setSpacing(0);
    imagesLayout->addWidget(m_browser, 1);
    m_profile->setContentsMargins(6, 0, 6, 0);
    imagesLayout->addWidget(m_profile);
    imagesDock->setWidget(images);
    imagesDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::LeftDockWidgetArea, imagesDock);

    auto* controls = new QWidget(this);
    auto* controlsLayout = new QVBoxLayout(controls);
    controlsLayout->addWidget(m_trainingPanel);
    auto* modelGroup = new QGroupBox(tr("Model"), controls);
    auto* modelLayout = new QVBoxLayout(modelGroup);
    modelLayout->addWidget(m_modelInfo);
    controlsLayout->addWidget(modelGroup);
    controlsLayout->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(controls);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(320);     // the model's figures fit without eliding
    m_browser->setMinimumWidth(300);  // two columns of thumbnails
    auto* controlsDock = new QDockWidget(tr("Training and model"), this);
    controlsDock->setObjectName("controlsDock");
    controlsDock->setWidget(scroll);
    controlsDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::RightDockWidgetArea, controlsDock);
    resizeDocks({imagesDock, controlsDock}, {330, 350}, Qt::Horizontal);

    m_scoreProgress->setObjectName("scoringProgress");
    m_scoreProgress->setMaximumWidth(220);
    m_scoreProgress->setFormat(tr("Scoring %v / %m"));
    m_scoreProgress->setVisible(false);
    statusBar()->addPermanentWidget(m_scoreProgress);
}

void MainWindow::buildMenus() {
    QStyle* look = style();
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* openFolder = file->addAction(look->standardIcon(QStyle::SP_DirOpenIcon), tr("Open &Folder…"), this,
                                          &MainWindow::askOpenFolder);
    openFolder->setShortcut(QKeySequence::Open);
    m_openModelAction = file->addAction(look->standardIcon(QStyle::SP_DialogOpenButton), tr("Open &Model…"), this,
                                        &MainWindow::askOpenModel);
    m_openModelAction->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));
    m_saveModelAction = file->addAction(look->standardIcon(QStyle::SP_DialogSaveButton), tr("&Save Model…"), this,
                                        &MainWindow::askSaveModel);
    m_saveModelAction->setShortcut(QKeySequence::Save);
    file->addSeparator();
    m_exportScoresAction = file->addAction(tr("Export Scores as &CSV…"), this, &MainWindow::askExportScores);
    m_exportFlaggedAction = file->addAction(tr("Export F&lagged List…"), this, &MainWindow::askExportFlagged);
    m_writeSidecarsAction = file->addAction(tr("Write &XMP Sidecars…"), this, &MainWindow::askWriteSidecars);
    QMenu* plots = file->addMenu(tr("Export &Plot"));
    plots->addAction(tr("Training Curves…"), this, [this] { exportPlot(m_curves->plot(), "training-curves"); });
    plots->addAction(tr("Sweep…"), this, [this] { exportPlot(m_sweep->plot(), "sweep"); });
    plots->addAction(tr("Correlation…"), this, [this] { exportPlot(m_correlation->plot(), "correlation"); });
    plots->addAction(tr("Ranking…"), this, [this] { exportPlot(m_ranking->plot(), "ranking"); });
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* training = menuBar()->addMenu(tr("&Training"));
    m_trainAction =
        training->addAction(look->standardIcon(QStyle::SP_MediaPlay), tr("&Train"), this, &MainWindow::startTraining);
    m_trainAction->setShortcut(QKeySequence(tr("Ctrl+T")));
    m_stopAction =
        training->addAction(look->standardIcon(QStyle::SP_MediaStop), tr("&Stop"), this, &MainWindow::stopTraining);
    m_stopAction->setShortcut(QKeySequence(tr("Ctrl+.")));

    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (QDockWidget* dock : findChildren<QDockWidget*>()) view->addAction(dock->toggleViewAction());
    menuBar()->addMenu(tr("&Help"))->addAction(tr("&About Twinsight"), this, &MainWindow::showAbout);

    QToolBar* toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName("mainToolbar");
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(openFolder);
    toolbar->addAction(m_openModelAction);
    toolbar->addAction(m_saveModelAction);
    toolbar->addSeparator();
    toolbar->addAction(m_trainAction);
    toolbar->addAction(m_stopAction);
    addPlotMenu(m_curves->plot(), "training-curves");
    addPlotMenu(m_sweep->plot(), "sweep");
    addPlotMenu(m_correlation->plot(), "correlation");
    addPlotMenu(m_ranking->plot(), "ranking");
}

void MainWindow::addPlotMenu(QCustomPlot* plot, const QString& name) {
    plot->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(plot, &QWidget::customContextMenuRequested, this, [this, plot, name](const QPoint& position) {
        QMenu menu(plot);
        menu.addAction(tr("Export Plot…"), this, [this, plot, name] { exportPlot(plot, name); });
        menu.exec(plot->mapToGlobal(position));
    });
}

void MainWindow::connectPanels() {
    connect(m_browser, &ImageBrowser::folderOpened, this, &MainWindow::onFolderOpened);
    connect(m_browser, &ImageBrowser::folderFailed, this,
            [this](const QString&, const QString& message) { reportError(tr("Cannot open the folder"), message); });
    connect(m_browser, &ImageBrowser::selectionChanged, this, &MainWindow::onSelectionChanged);
    auto followPanel = [this] { m_preview->setTransform(m_trainingPanel->transformName(), m_trainingPanel->range()); };
    connect(m_trainingPanel, &TrainingPanel::transformChanged, this, followPanel);
    connect(m_trainingPanel, &TrainingPanel::rangeChanged, this, followPanel);
    // The preview shows the image at the working size, where magnitudes are defined.
    // The preview follows the working size from the image already held; the sweep uses the model's working size.
    connect(m_trainingPanel, &TrainingPanel::workingSizeChanged, this, &MainWindow::showPreviewCopy);
    connect(m_trainingPanel, &TrainingPanel::trainRequested, this, &MainWindow::startTraining);
    connect(m_trainingPanel, &TrainingPanel::stopRequested, this, &MainWindow::stopTraining);
    connect(m_modelInfo, &ModelInfoPanel::saveRequested, this, &MainWindow::askSaveModel);
    connect(m_modelInfo, &ModelInfoPanel::openRequested, this, &MainWindow::askOpenModel);
    connect(m_modelInfo, &ModelInfoPanel::currentModelRequested, this, &MainWindow::setCurrentModel);
    connect(m_modelInfo, &ModelInfoPanel::closeModelRequested, this, &MainWindow::closeModel);
    connect(m_ranking, &RankingPanel::flaggedChanged, this, [this](const QStringList& paths) {
        m_browser->setFlagged(QSet<QString>(paths.begin(), paths.end()));
        updateActions();
    });
    connect(m_ranking, &RankingPanel::imageActivated, m_browser, &ImageBrowser::selectPath);
    connect(m_scorer, &FolderScorer::progress, this, [this](int done, int total) {
        m_scoreProgress->setRange(0, total);
        m_scoreProgress->setValue(done);
    });
    connect(m_scorer, &FolderScorer::finished, this, &MainWindow::onScoresFinished);
    connect(m_scorer, &FolderScorer::failed, this, [this](const QString& message) {
        m_scoreProgress->setVisible(false);
        reportError(tr("Scoring failed"), message);
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

void MainWindow::start(const QString& argument) {
    const StartFolder start = chooseStartFolder(argument, QSettings().value("folder/last").toString());
    if (!start.problem.isEmpty()) reportError(tr("Cannot open the folder"), start.problem);
    m_startImage = start.image;
    if (!start.sampleScenes) return openFolder(start.path);
    statusBar()->showMessage(tr("Preparing the sample scenes…"));
    runInBackground(
        this, QThreadPool::globalInstance(), [] { return ensureSampleScenes(); },
        [this](const QString& folder) { openFolder(folder); },
        [this](const QString& message) { reportError(tr("Cannot write the sample scenes"), message); });
}

void MainWindow::openFolder(const QString& folder) {
    statusBar()->showMessage(tr("Reading %1…").arg(QDir::toNativeSeparators(folder)));
    m_browser->openFolder(folder);
}

void MainWindow::onFolderOpened(const QString& folder, int imageCount) {
    setWindowTitle(tr("%1 — Twinsight").arg(QFileInfo(folder).fileName()));
    QSettings().setValue("folder/last", folder);
    m_scorer->cancel();
    m_scores.reset();
    m_ranking->clear(model() ? tr("Scoring the folder…") : tr("Train or open a model to rank the folder's images."));
    if (imageCount == 0) {
        statusBar()->showMessage(tr("%1 holds no image Twinsight can read").arg(QDir::toNativeSeparators(folder)),
                                 kStatusTimeout);
    } else {
        statusBar()->showMessage(tr("Opened %1: %2 images").arg(QDir::toNativeSeparators(folder)).arg(imageCount),
                                 kStatusTimeout);
    }
    m_trainingPanel->setTrainEnabled(imageCount > 0);
    const QString startImage = std::exchange(m_startImage, {});
    if (!startImage.isEmpty() && QFileInfo(startImage).absolutePath() == folder) selectStartImage(startImage);
    scoreFolder();
    updateActions();
    emit folderReady(folder, imageCount);
}

// The file given at start: a multi-frame file is selected at its first frame; a file that is no image Twinsight
// reads is reported, its folder staying open.
void MainWindow::selectStartImage(const QString& image) {
    if (m_browser->selectPath(image)) return;
    if (m_browser->selectPath(QString::fromStdString(core::imageSourceName(image.toStdString(), 1)))) return;
    reportError(tr("Cannot open the image"),
                tr("%1 is not an image Twinsight can read").arg(QDir::toNativeSeparators(image)));
}

void MainWindow::onSelectionChanged(const QString& path) {
    const int generation = ++m_selectionGeneration;
    m_selected.reset();
    updateSweep();  // cleared until the image arrives
    updateProfile();
    if (path.isEmpty()) {
        m_imageView->clear(tr("Select an image in the grid."));
        m_preview->clear(tr("Select an image to preview the transformation."));
        return;
    }
    runInBackground(
        this, QThreadPool::globalInstance(), [path] { return loadSelectedImage(path, kDisplaySide); },
        [this, generation](const SelectedImage& image) {
            if (generation != m_selectionGeneration) return;
            m_selected = std::make_shared<const SelectedImage>(image);
            m_imageView->setImage(image.display, imageCaption(image.path));
            showPreviewCopy();
            updateSweep();
        },
        [this, generation](const QString& message) {
            if (generation != m_selectionGeneration) return;
            m_imageView->clear(message);
            m_preview->clear(message);
            m_sweep->clear(message);
            statusBar()->showMessage(message, kStatusTimeout);
        });
}

void MainWindow::showPreviewCopy() {
    if (!m_selected) return;
    try {
        m_preview->setImage(workingCopy(*m_selected, m_trainingPanel->config().workingSize),
                            QFileInfo(m_selected->path).fileName());
    } catch (const std::exception& error) {
        m_preview->clear(QString::fromStdString(error.what()));
    }
}

QString MainWindow::imageCaption(const QString& path) const {
    QString caption = QDir::toNativeSeparators(path);
    const int row = m_browser->model()->rowOf(path);
    if (row < 0 || !m_browser->model()->hasEstimate(row) || !m_scores) return caption;
    const QModelIndex index = m_browser->model()->index(row);
    if (m_scores->models.size() == 1) {
        return caption + tr("   ·   score %1, estimate %2 %3")
                             .arg(index.data(ImageGridModel::ScoreRole).toDouble(), 0, 'f', 3)
                             .arg(index.data(ImageGridModel::EstimateRole).toDouble(), 0, 'f', 2)
                             .arg(unitOf(*m_scores->models.front()));
    }
    const std::vector<core::ImageEstimate>& estimates = m_browser->model()->estimatesAt(row);
    for (std::size_t m = 0; m < estimates.size() && m < m_scores->models.size(); ++m) {
        caption += QStringLiteral("   ·   %1 %2 %3")
                       .arg(transformOf(*m_scores->models[m]))
                       .arg(estimates[m].estimate, 0, 'f', 2)
                       .arg(unitOf(*m_scores->models[m]));
    }
    return caption;
}

void MainWindow::refreshImageCaption() {
    const QString path = m_browser->selectedPath();
    if (!path.isEmpty() && !m_imageView->image().isNull())
        m_imageView->setImage(m_imageView->image(), imageCaption(path));
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveSettings();
    m_controller->stop();
    event->accept();
}

void MainWindow::saveSettings() {
    QSettings settings;
    settings.setValue("window/geometry", saveGeometry());
    settings.setValue("window/state", saveState());
    m_trainingPanel->saveSettings(settings);
}

void MainWindow::restoreSettings() {
    const QSettings settings;
    if (!restoreGeometry(settings.value("window/geometry").toByteArray())) resize(1400, 880);
    restoreState(settings.value("window/state").toByteArray());
    m_trainingPanel->restoreSettings(settings);
}

void MainWindow::askOpenFolder() {
    const QString start = m_browser->folder().isEmpty() ? QDir::homePath() : m_browser->folder();
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open a folder of images"), start);
    if (!folder.isEmpty()) openFolder(folder);
}

void MainWindow::showAbout() {
    QMessageBox::about(this, tr("About Twinsight"),
                       tr("<h3>Twinsight %1</h3><p>Annotation-free image quality inspector: it degrades your own "
                          "images, learns which copy is more degraded with a siamese network, and scores every "
                          "image of a folder for that degradation.</p>")
                           .arg(kVersion));
}

}  // namespace twinsight::ui
