#include "ui/window/window_layout.h"

#include <qcustomplot.h>

#include <QAction>
#include <QActionGroup>
#include <QDockWidget>
#include <QGroupBox>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QProgressBar>
#include <QScreen>
#include <QScrollArea>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>
#include <algorithm>

#include "ui/browser/image_browser.h"
#include "ui/browser/image_view.h"
#include "ui/panels/model_info_panel.h"
#include "ui/panels/pairs_gallery.h"
#include "ui/panels/pairs_strip.h"
#include "ui/panels/preview_panel.h"
#include "ui/panels/ranking_panel.h"
#include "ui/panels/training_panel.h"
#include "ui/plots/correlation_plot.h"
#include "ui/plots/profile_chart.h"
#include "ui/plots/sweep_plot.h"
#include "ui/plots/training_curves.h"

namespace twinsight::ui {
namespace {

QDockWidget* addDock(QMainWindow* window, const QString& title, const QString& name, QWidget* content,
                     Qt::DockWidgetArea area) {
    auto* dock = new QDockWidget(title, window);
    dock->setObjectName(name);
    dock->setWidget(content);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    window->addDockWidget(area, dock);
    return dock;
}

void buildTabs(QMainWindow* window, WindowPanels& panels) {
    panels.imageView->setObjectName("imageView");
    panels.imageView->clear(QObject::tr("Select an image in the grid."));
    panels.tabs->setObjectName("tabs");
    panels.tabs->setDocumentMode(true);
    panels.tabs->addTab(panels.imageView, QObject::tr("Image"));
    panels.tabs->addTab(panels.preview, QObject::tr("Preview"));
    panels.trainingTab = new QWidget(window);
    auto* trainingLayout = new QVBoxLayout(panels.trainingTab);
    trainingLayout->setContentsMargins(0, 0, 0, 0);
    trainingLayout->addWidget(panels.curves, 1);
    auto* pairsTitle = new QLabel(QObject::tr("Current training pairs (wrong verdicts first)"), panels.trainingTab);
    pairsTitle->setContentsMargins(8, 4, 8, 0);
    trainingLayout->addWidget(pairsTitle);
    trainingLayout->addWidget(panels.pairs);
    panels.tabs->addTab(panels.trainingTab, QObject::tr("Training"));
    panels.tabs->addTab(panels.gallery, QObject::tr("Pairs"));
    panels.tabs->addTab(panels.sweep, QObject::tr("Sweep"));
    panels.tabs->addTab(panels.correlation, QObject::tr("Correlation"));
    panels.tabs->addTab(panels.ranking, QObject::tr("Ranking"));
    window->setCentralWidget(panels.tabs);
}

void buildDocks(QMainWindow* window, WindowPanels& panels) {
    // The selected image's profile under the grid: always in sight, next to the selection it describes.
    auto* images = new QWidget(window);
    auto* imagesLayout = new QVBoxLayout(images);
    imagesLayout->setContentsMargins(0, 0, 0, 6);
    imagesLayout->setSpacing(0);
    imagesLayout->addWidget(panels.browser, 1);
    panels.profile->setContentsMargins(6, 0, 6, 0);
    imagesLayout->addWidget(panels.profile);
    QDockWidget* imagesDock = addDock(window, QObject::tr("Images"), "imagesDock", images, Qt::LeftDockWidgetArea);

    auto* controls = new QWidget(window);
    auto* controlsLayout = new QVBoxLayout(controls);
    controlsLayout->addWidget(panels.training);
    auto* modelGroup = new QGroupBox(QObject::tr("Model"), controls);
    auto* modelLayout = new QVBoxLayout(modelGroup);
    modelLayout->addWidget(panels.modelInfo);
    controlsLayout->addWidget(modelGroup);
    controlsLayout->addStretch(1);
    auto* scroll = new QScrollArea(window);
    scroll->setWidget(controls);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(320);          // the model's figures fit without eliding
    panels.browser->setMinimumWidth(300);  // two columns of thumbnails
    QDockWidget* controlsDock =
        addDock(window, QObject::tr("Training and model"), "controlsDock", scroll, Qt::RightDockWidgetArea);
    window->resizeDocks({imagesDock, controlsDock}, {330, 350}, Qt::Horizontal);
}

}  // namespace

WindowPanels buildPanels(QMainWindow* window) {
    WindowPanels panels;
    panels.browser = new ImageBrowser(window);
    panels.training = new TrainingPanel(window);
    panels.playback = panels.training->playback();
    panels.modelInfo = new ModelInfoPanel(window);
    panels.profile = new ProfileChart(window);
    panels.tabs = new QTabWidget(window);
    panels.imageView = new ImageView(window);
    panels.preview = new PreviewPanel(window);
    panels.curves = new TrainingCurves(window);
    panels.pairs = new PairsStrip(window);
    panels.gallery = new PairsGallery(window);
    panels.sweep = new SweepPlot(window);
    panels.correlation = new CorrelationPlot(window);
    panels.ranking = new RankingPanel(window);
    buildTabs(window, panels);
    buildDocks(window, panels);
    panels.scoreProgress = new QProgressBar(window);
    panels.scoreProgress->setObjectName("scoringProgress");
    panels.scoreProgress->setMaximumWidth(220);
    panels.scoreProgress->setFormat(QObject::tr("Scoring %v / %m"));
    panels.scoreProgress->setVisible(false);
    window->statusBar()->addPermanentWidget(panels.scoreProgress);
    return panels;
}

WindowActions buildMenus(QMainWindow* window, const WindowPanels& panels) {
    WindowActions actions;
    QStyle* look = window->style();
    QMenu* file = window->menuBar()->addMenu(QObject::tr("&File"));
    actions.openFolder = file->addAction(look->standardIcon(QStyle::SP_DirOpenIcon), QObject::tr("Open &Folder…"));
    actions.openFolder->setShortcut(QKeySequence::Open);
    actions.openSampleScenes = file->addAction(QObject::tr("Open Sample &Scenes"));
    actions.openSampleScenes->setObjectName("openSampleScenesAction");
    actions.openModel = file->addAction(look->standardIcon(QStyle::SP_DialogOpenButton), QObject::tr("Open &Model…"));
    actions.openModel->setShortcut(QKeySequence(QObject::tr("Ctrl+Shift+O")));
    actions.saveModel = file->addAction(look->standardIcon(QStyle::SP_DialogSaveButton), QObject::tr("&Save Model…"));
    actions.saveModel->setShortcut(QKeySequence::Save);
    file->addSeparator();
    actions.exportScores = file->addAction(QObject::tr("Export Scores as &CSV…"));
    actions.exportFlagged = file->addAction(QObject::tr("Export F&lagged List…"));
    actions.writeSidecars = file->addAction(QObject::tr("Write &XMP Sidecars…"));
    actions.exportReport = file->addAction(QObject::tr("Export &Report…"));
    actions.exportReport->setObjectName("exportReportAction");
    actions.exportReport->setToolTip(QObject::tr("One HTML file to hand over: the models, the score distributions, the "
                                                 "series worst first and the flagged images with their focus maps"));
    actions.exportLessonSheet = file->addAction(QObject::tr("Export Lesson S&heet…"));
    actions.exportLessonSheet->setObjectName("exportLessonSheetAction");
    actions.exportLessonSheet->setToolTip(QObject::tr("One PDF page for a class: the settings, the curves, a sweep, the "
                                                      "correlation and eight pairs with the network's verdicts"));
    QMenu* plots = file->addMenu(QObject::tr("Export &Plot"));
    actions.plots = {{panels.curves->plot(), "training-curves", plots->addAction(QObject::tr("Training Curves…"))},
                     {panels.sweep->plot(), "sweep", plots->addAction(QObject::tr("Sweep…"))},
                     {panels.correlation->plot(), "correlation", plots->addAction(QObject::tr("Correlation…"))},
                     {panels.ranking->plot(), "ranking", plots->addAction(QObject::tr("Ranking…"))}};
    file->addSeparator();
    actions.quit = file->addAction(QObject::tr("&Quit"));
    actions.quit->setShortcut(QKeySequence::Quit);

    QMenu* training = window->menuBar()->addMenu(QObject::tr("&Training"));
    actions.train = training->addAction(look->standardIcon(QStyle::SP_MediaPlay), QObject::tr("&Train"));
    actions.train->setShortcut(QKeySequence(QObject::tr("Ctrl+T")));
    actions.stop = training->addAction(look->standardIcon(QStyle::SP_MediaStop), QObject::tr("&Stop"));
    actions.stop->setShortcut(QKeySequence(QObject::tr("Ctrl+.")));

    QMenu* view = window->menuBar()->addMenu(QObject::tr("&View"));
    actions.focusMap = view->addAction(QObject::tr("&Focus Map"));
    actions.focusMap->setObjectName("focusMapAction");
    actions.focusMap->setCheckable(true);
    actions.focusMap->setShortcut(QKeySequence(QObject::tr("Ctrl+M")));
    actions.focusMap->setToolTip(QObject::tr("The Image tab shows where in the frame the current model finds the "
                                             "degradation (blur, noise and jpeg models)"));
    actions.reviewFlagged = view->addAction(QObject::tr("&Review Flagged Images…"));
    actions.reviewFlagged->setObjectName("reviewFlaggedAction");
    actions.reviewFlagged->setShortcut(QKeySequence(QObject::tr("Ctrl+R")));
    actions.reviewFlagged->setToolTip(QObject::tr("The flagged images one at a time, large: keep (P) or reject (X), "
                                                  "then write the decisions to the XMP sidecars"));
    actions.groupSeries = view->addAction(QObject::tr("Group by &Series"));
    actions.groupSeries->setObjectName("groupSeriesAction");
    actions.groupSeries->setCheckable(true);
    actions.groupSeries->setShortcut(QKeySequence(QObject::tr("Ctrl+G")));
    actions.groupSeries->setToolTip(QObject::tr("Each series (a volume, a multi-frame file, a folder) shown by its most "
                                                "degraded image, worst series first; double-click one to open it"));
    actions.collapseBursts = view->addAction(QObject::tr("Collapse &Bursts"));
    actions.collapseBursts->setObjectName("collapseBurstsAction");
    actions.collapseBursts->setCheckable(true);
    actions.collapseBursts->setShortcut(QKeySequence(QObject::tr("Ctrl+B")));
    actions.collapseBursts->setToolTip(QObject::tr("Shots of one scene taken within 2 s that look alike are grouped; "
                                                   "the grid shows the best of each, by the current model"));
    actions.nextFlagged = view->addAction(QObject::tr("&Next Flagged Image"));
    actions.nextFlagged->setObjectName("nextFlaggedAction");
    actions.nextFlagged->setShortcut(QKeySequence(QObject::tr("N")));
    actions.previousFlagged = view->addAction(QObject::tr("&Previous Flagged Image"));
    actions.previousFlagged->setObjectName("previousFlaggedAction");
    actions.previousFlagged->setShortcut(QKeySequence(QObject::tr("Shift+N")));
    view->addSeparator();
    actions.presentation = view->addAction(QObject::tr("Pr&esentation"));
    actions.presentation->setObjectName("presentationAction");
    actions.presentation->setCheckable(true);
    actions.presentation->setShortcut(QKeySequence(Qt::Key_F11));
    QMenu* scales = view->addMenu(QObject::tr("Presentation &Scale"));
    auto* exclusive = new QActionGroup(scales);
    for (double scale : {1.25, 1.5, 1.75, 2.0}) {
        QAction* choice = scales->addAction(QStringLiteral("%1×").arg(scale));
        choice->setCheckable(true);
        choice->setData(scale);
        exclusive->addAction(choice);
        actions.presentationScales.push_back(choice);
    }
    // The docks cannot be closed, so their show/hide actions (always greyed out) are not listed.
    QMenu* help = window->menuBar()->addMenu(QObject::tr("&Help"));
    actions.gettingStarted = help->addAction(QObject::tr("&Getting Started"));
    actions.gettingStarted->setObjectName("gettingStartedAction");
    actions.gettingStarted->setShortcut(QKeySequence::HelpContents);
    actions.about = help->addAction(QObject::tr("&About Twinsight"));

    QToolBar* toolbar = window->addToolBar(QObject::tr("Main"));
    toolbar->setObjectName("mainToolbar");
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(actions.openFolder);
    toolbar->addAction(actions.openModel);
    toolbar->addAction(actions.saveModel);
    toolbar->addSeparator();
    toolbar->addAction(actions.train);
    toolbar->addAction(actions.stop);
    return actions;
}

void fitOnScreen(QWidget* window) {
    const QScreen* screen = window->screen();
    if (!screen) return;
    const QRect available = screen->availableGeometry();
    // The frame (title bar, borders) is not known before the window is shown: leave room for it.
    const QSize room = available.size() - QSize(16, 48);
    const QSize size = window->size().boundedTo(room);
    if (size != window->size()) window->resize(size);
    QPoint topLeft = window->pos();
    topLeft.setX(std::clamp(topLeft.x(), available.left(), std::max(available.left(), available.right() - size.width())));
    topLeft.setY(std::clamp(topLeft.y(), available.top(), std::max(available.top(), available.bottom() - size.height())));
    if (topLeft != window->pos()) window->move(topLeft);
}

}  // namespace twinsight::ui
