#pragma once
// The Twinsight window: the folder's images on the left, training controls, the open models and the selected image's
// profile on the right, and the image, preview, training, sweep, correlation and ranking tabs in the middle. It wires
// the panels to the training controller and to the background jobs; the UI thread never waits on either.

#include <QMainWindow>
#include <memory>
#include <optional>

#include "core/evaluation/analysis.h"
#include "core/model/trained_model.h"
#include "core/scoring/file_scoring.h"
#include "ui/jobs/folder_scorer.h"
#include "ui/jobs/training_types.h"
#include "ui/workspace/model_set.h"

class QAction;
class QCustomPlot;
class QProgressBar;
class QTabWidget;

namespace twinsight::ui {
class FileWriter;
struct SelectedImage;

class CorrelationPlot;
class FolderScorer;
class ImageBrowser;
class ImageView;
class ModelInfoPanel;
class PairsStrip;
class PreviewPanel;
class ProfileChart;
class RankingPanel;
class SweepPlot;
class TrainingController;
class TrainingCurves;
class TrainingPanel;
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
    void openFolder(const QString& folder);
    // Loads a model in the background and adds it to the open models as the current one (replacing an open model
    // of the same transformation); the open models stay as they were when the file cannot be used.
    void openModelFile(const QString& path);
    void setCurrentModel(int index);
    void closeModel(int index);
    // Writers behind the save dialogs: no dialog of their own. They hand the file to fileWriter() and return at
    // once (false when there is nothing to write); the status bar says when it is written, and a failure goes to
    // reportError.
    bool saveModelFile(const QString& path);
    bool exportScores(const QString& path);
    bool exportFlagged(const QString& path);
    // Opens (non-blocking) the "Write XMP sidecars" dialog on the folder's scores; nullptr while there are none.
    XmpDialog* openSidecarDialog();
    void startTraining();
    void stopTraining();

    // The current model.
    std::shared_ptr<const core::TrainedModel> model() const { return m_models.current(); }
    const ModelSet& openModels() const { return m_models; }
    std::shared_ptr<const FolderScores> scores() const { return m_scores; }
    ImageBrowser* browser() const { return m_browser; }
    TrainingPanel* trainingPanel() const { return m_trainingPanel; }
    TrainingController* trainingController() const { return m_controller; }
    TrainingCurves* trainingCurves() const { return m_curves; }
    PairsStrip* pairsStrip() const { return m_pairs; }
    PreviewPanel* previewPanel() const { return m_preview; }
    SweepPlot* sweepPlot() const { return m_sweep; }
    CorrelationPlot* correlationPlot() const { return m_correlation; }
    RankingPanel* rankingPanel() const { return m_ranking; }
    ModelInfoPanel* modelInfo() const { return m_modelInfo; }
    ProfileChart* profileChart() const { return m_profile; }
    QTabWidget* tabs() const { return m_tabs; }
    FileWriter* fileWriter() const { return m_fileWriter; }

signals:
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

    void buildLayout();
    void buildMenus();
    void connectPanels();
    void connectTraining();
    void addPlotMenu(QCustomPlot* plot, const QString& name);
    void reportError(const QString& title, const QString& message);
    void saveSettings();
    void restoreSettings();

    void onFolderOpened(const QString& folder, int imageCount);
    void selectStartImage(const QString& image);
    void onSelectionChanged(const QString& path);
    // The Preview's copy of the selected image at the training panel's working size.
    void showPreviewCopy();
    // `model`'s estimate of `path` from the folder's scores, when they hold it.
    std::optional<core::ImageEstimate> folderEstimate(const QString& path, const core::TrainedModel& model) const;
    QString imageCaption(const QString& path) const;
    void refreshImageCaption();

    void onTrainingFinished(std::shared_ptr<const TrainingResult> result);
    void onTrainingEnded();
    void setModel(std::shared_ptr<const core::TrainedModel> model, const QString& source,
                  const std::optional<core::CorrelationStudy>& study);
    void showCurrentModel();
    void scoreFolder();
    void onScoresFinished(std::shared_ptr<const FolderScores> scores);
    void showScores();
    int currentColumn() const;
    void updateProfile();
    void updateSweep();
    void studyFolder();
    void updateActions();

    void askOpenFolder();
    void askOpenModel();
    void askSaveModel();
    void askExportScores();
    void askExportFlagged();
    void askWriteSidecars();
    void exportPlot(QCustomPlot* plot, const QString& name);
    void showAbout();

    MainWindowOptions m_options;
    ImageBrowser* m_browser;
    TrainingPanel* m_trainingPanel;
    ModelInfoPanel* m_modelInfo;
    ProfileChart* m_profile;
    QTabWidget* m_tabs;
    ImageView* m_imageView;
    PreviewPanel* m_preview;
    TrainingCurves* m_curves;
    PairsStrip* m_pairs;
    SweepPlot* m_sweep;
    CorrelationPlot* m_correlation;
    RankingPanel* m_ranking;
    TrainingController* m_controller;
    FolderScorer* m_scorer;
    QProgressBar* m_scoreProgress;
    QWidget* m_trainingTab = nullptr;

    QAction* m_trainAction = nullptr;
    QAction* m_stopAction = nullptr;
    QAction* m_openModelAction = nullptr;
    QAction* m_saveModelAction = nullptr;
    QAction* m_exportScoresAction = nullptr;
    QAction* m_exportFlaggedAction = nullptr;
    QAction* m_writeSidecarsAction = nullptr;

    ModelSet m_models;
    FileWriter* m_fileWriter = nullptr;
    std::shared_ptr<const FolderScores> m_scores;
    std::weak_ptr<const FolderScores> m_scoresInGrid;  // the scores the grid holds now
    QString m_trainingUnit;
    QString m_scoringNote;  // added to the next "Scored" message
    QString m_startImage;   // the file given at start, selected once its folder is open
    int m_selectionGeneration = 0;
    std::shared_ptr<const SelectedImage> m_selected;  // decoded once per selection, shared by the tabs
    int m_sweepGeneration = 0;
    int m_studyGeneration = 0;
};

}  // namespace twinsight::ui
