#pragma once
// The window's widgets and where they sit (tabs in the middle, the images and the training controls in docks, a
// progress bar in the status bar), and its menus and toolbar. Built once by MainWindow, which wires them.

#include <QString>
#include <vector>

class QAction;
class QCustomPlot;
class QMainWindow;
class QProgressBar;
class QTabWidget;
class QWidget;

namespace twinsight::ui {

class CorrelationPlot;
class ImageBrowser;
class ImageView;
class ModelInfoPanel;
class PairsGallery;
class PairsStrip;
class PreviewPanel;
class ProfileChart;
class RankingPanel;
class SweepPlot;
class TrainingCurves;
class TrainingPanel;
class TrainingPlayback;

struct WindowPanels {
    ImageBrowser* browser = nullptr;
    TrainingPanel* training = nullptr;
    ModelInfoPanel* modelInfo = nullptr;
    ProfileChart* profile = nullptr;
    QTabWidget* tabs = nullptr;
    ImageView* imageView = nullptr;
    PreviewPanel* preview = nullptr;
    QWidget* trainingTab = nullptr;  // the curves and the pairs strip
    TrainingCurves* curves = nullptr;
    TrainingPlayback* playback = nullptr;  // above the curves: pause, step, settings while paused
    PairsStrip* pairs = nullptr;
    PairsGallery* gallery = nullptr;  // the Pairs tab: every validation's pairs, the wrong ones first
    SweepPlot* sweep = nullptr;
    CorrelationPlot* correlation = nullptr;
    RankingPanel* ranking = nullptr;
    QProgressBar* scoreProgress = nullptr;
};

// A plot that can be exported, with the file name its export dialog suggests (without the extension).
struct ExportablePlot {
    QCustomPlot* plot = nullptr;
    QString name;
    QAction* exportAction = nullptr;  // in File > Export Plot
};

struct WindowActions {
    QAction* openFolder = nullptr;
    QAction* openSampleScenes = nullptr;
    QAction* openModel = nullptr;
    QAction* saveModel = nullptr;
    QAction* exportScores = nullptr;
    QAction* exportFlagged = nullptr;
    QAction* writeSidecars = nullptr;
    QAction* exportLessonSheet = nullptr;
    QAction* exportReport = nullptr;
    QAction* quit = nullptr;
    QAction* train = nullptr;
    QAction* stop = nullptr;
    QAction* gettingStarted = nullptr;
    QAction* about = nullptr;
    QAction* focusMap = nullptr;  // checkable: the Image tab shows the current model's focus map
    QAction* reviewFlagged = nullptr;
    QAction* collapseBursts = nullptr;  // checkable: the grid shows the best shot of each burst only
    QAction* groupSeries = nullptr;     // checkable: the grid shows the worst image of each series, worst first
    QAction* nextFlagged = nullptr;
    QAction* previousFlagged = nullptr;
    QAction* presentation = nullptr;           // checkable: presentation mode
    std::vector<QAction*> presentationScales;  // one per scale, its value as data
    std::vector<ExportablePlot> plots;
};

// Creates the panels as children of `window` and lays them out.
WindowPanels buildPanels(QMainWindow* window);
// Shrinks and moves `window` so that it lies inside the available area of its screen: a size saved or chosen at
// another scale factor or on a larger screen would otherwise run off it.
void fitOnScreen(QWidget* window);

// Creates the menus and the toolbar; the actions are not connected yet.
WindowActions buildMenus(QMainWindow* window, const WindowPanels& panels);

}  // namespace twinsight::ui
