#pragma once
// The Twinsight window: the folder's images on the left, training controls, the open models and the selected image's
// profile on the right, and the image, preview, training, sweep, correlation and ranking tabs in the middle. It lays
// out the panels and wires them to the Workspace, which holds the state and runs the jobs; the UI thread never
// waits on either.

#include <QMainWindow>

#include "ui/window/window_layout.h"

namespace twinsight::ui {

class FolderViews;
class ImageViews;
class ScoreViews;
class TrainingViews;
class Workspace;
class XmpDialog;

struct MainWindowOptions {
    // Errors open a (non-blocking) dialog besides the status bar message and errorReported. Tests turn it off.
    bool errorDialogs = true;
};

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(MainWindowOptions options = {}, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens the folder given (or the folder of the file given, with that image selected), else the last one used,
    // else the sample scenes (written once into the cache).
    void start(const QString& argument);
    // Opens a model on the training panel's device (Workspace::openModelFile).
    void openModelFile(const QString& path);
    // The ranking's flagged images (Workspace::exportFlagged).
    bool exportFlagged(const QString& path);
    // Opens (non-blocking) the "Write XMP sidecars" dialog on the folder's scores; nullptr while there are none.
    XmpDialog* openSidecarDialog();

    Workspace* workspace() const { return m_workspace; }
    ImageBrowser* browser() const { return m_panels.browser; }
    TrainingPanel* trainingPanel() const { return m_panels.training; }
    TrainingCurves* trainingCurves() const { return m_panels.curves; }
    PreviewPanel* previewPanel() const { return m_panels.preview; }
    SweepPlot* sweepPlot() const { return m_panels.sweep; }
    CorrelationPlot* correlationPlot() const { return m_panels.correlation; }
    RankingPanel* rankingPanel() const { return m_panels.ranking; }
    ModelInfoPanel* modelInfo() const { return m_panels.modelInfo; }
    QTabWidget* tabs() const { return m_panels.tabs; }

signals:
    // Each once the window shows it.
    void errorReported(const QString& message);
    void folderReady(const QString& folder, int imageCount);
    void modelChanged();
    void scoresUpdated();
    void sweepUpdated();
    void studyUpdated();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    // How long a status bar message stays, ms.
    static constexpr int kStatusTimeout = 8000;

    void connectActions();
    void connectPanels();
    void connectWorkspace();
    void reportError(const QString& title, const QString& message);
    void showStatus(const QString& message);
    void saveSettings();
    void restoreSettings();

    void updateActions();

    MainWindowOptions m_options;
    Workspace* m_workspace;
    WindowPanels m_panels;
    WindowActions m_actions;
    ScoreViews* m_scoreViews;
    TrainingViews* m_trainingViews;
    ImageViews* m_imageViews;
    FolderViews* m_folderViews;
    bool m_quitConfirmed = false;  // the user chose to quit with a training running or a model unsaved
};

}  // namespace twinsight::ui
