#pragma once
// Everything the window shows, without a widget: the open folder, the open models and the current one, the folder's
// scores, the selected image, training and every background job, and the writer of models, CSVs and plots. The
// window lays out panels and wires them to these signals; a test can drive a whole session through it alone.
//
// Every method returns at once: the work runs on the training thread, the scoring pool, the global pool or the
// writer's thread, and its outcome comes back as a signal on the thread that owns the workspace.

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>
#include <vector>

#include "core/evaluation/analysis.h"
#include "core/imageio/image_loading.h"
#include "core/model/trained_model.h"
#include "core/training/trainer.h"
#include "ui/jobs/analysis_jobs.h"
#include "ui/jobs/burst_finder.h"
#include "ui/jobs/folder_scorer.h"
#include "ui/jobs/training_types.h"
#include "ui/workspace/model_set.h"

class QTimer;

namespace twinsight::ui {

class FileWriter;
class TrainingController;

class Workspace : public QObject {
    Q_OBJECT
public:
    explicit Workspace(QObject* parent = nullptr);
    // Waits for the writes already asked for (their completions are not delivered) and stops a running training.
    ~Workspace() override;

    // Scans `folder` (recursively) in the background; folderOpened or folderFailed follows, then the folder is
    // scored with the open models.
    void openFolder(const QString& folder);
    const QString& folder() const { return m_folder; }
    const QStringList& paths() const { return m_paths; }

    // Loads a model on `device` in the background; modelOpened, then it joins the open models as the current one
    // (replacing an open model of the same transformation). The open models stay as they are when it fails.
    void openModelFile(const QString& path, const std::string& device);
    void setCurrentModel(int index);
    void closeModel(int index);
    const ModelSet& models() const { return m_models; }
    std::shared_ptr<const core::TrainedModel> currentModel() const { return m_models.current(); }
    // The transformations of the open models trained in this session and not saved yet.
    QStringList unsavedModels() const;

    // The folder's scores with every open model; nullptr while it is being scored or no model is open.
    std::shared_ptr<const FolderScores> scores() const { return m_scores; }
    // The open models' estimates of `path` (one per column of scores()), nullptr when the scores do not hold it.
    const std::vector<core::ImageEstimate>* estimatesOf(const QString& path) const;
    int currentColumn() const;

    // The images any open model flags for review (its thresholds hold), most severe first; flagsChanged follows
    // every change of the scores or the thresholds.
    const std::vector<FlaggedImage>& flagged() const { return m_flagged; }
    QStringList flaggedPaths() const;
    // Sets the thresholds of the model at `index` and remembers them for that model (once they rest for half a
    // second, or when the model is closed or replaced, or the workspace goes).
    void setFlagThresholds(int index, const FlagThresholds& thresholds);

    // While shown, the scored images are grouped into bursts, ranked by the current model (again whenever the scores
    // or the current model change); burstsChanged follows each grouping, and hiding them.
    void setBurstsShown(bool shown);
    bool burstsShown() const { return m_burstsShown; }
    const BurstFinder& bursts() const { return *m_bursts; }

    // The images of the study last sent with studyReady, by StudyRow::image.
    const QStringList& studyPaths() const { return m_studyPaths; }

    // Trains on the folder's images; false (with errorOccurred) when there is nothing to train on or `config` is
    // invalid. Scoring stops for the training. The new model scores the images the training decoded, and the other
    // open models' columns are kept when the folder's scores hold them: the folder is not decoded again.
    bool startTraining(const core::TrainerConfig& config);
    void stopTraining();
    bool isTraining() const;
    // The running training held between two steps, run on, stepped (`steps` more, then held), or adjusted
    // (errorOccurred names a bad value); trainingPausedChanged follows a change of state.
    void pauseTraining();
    void resumeTraining();
    void stepTraining(int steps);
    void adjustTraining(const core::TrainingAdjustment& adjustment);
    bool isTrainingPaused() const;

    // Decodes `path` once for the image, the preview and the sweep; selectionLoaded or selectionFailed follows,
    // then the current model's sweep. An empty path clears the selection.
    void select(const QString& path);
    const QString& selectedPath() const { return m_selectedPath; }
    std::shared_ptr<const SelectedImage> selectedImage() const { return m_selected; }

    // Hand the file to fileWriter() and return at once (false when there is nothing to write); `written` or
    // FileWriter's failure (as errorOccurred) follows.
    bool saveModel(const QString& path);
    bool exportScores(const QString& path);
    // `flagged`, worst first: one path per line, or with every model's scores when `path` ends in .csv.
    bool exportFlagged(const QString& path, const QStringList& flagged);
    FileWriter* fileWriter() const { return m_fileWriter; }

signals:
    void folderOpened(const QString& folder, const QStringList& paths);
    void folderFailed(const QString& folder, const QString& message);

    // A model was added or closed, or another made current.
    void modelsChanged();
    // A model's source changed (it was saved).
    void modelSourcesChanged();
    // The user chose the current model (opened a file or picked one): the training settings may follow it.
    void currentModelChosen();

    void scoringProgress(int done, int total);
    // Scoring has stopped, finished or not.
    void scoringStopped();
    // The folder's scores were set, narrowed or cleared.
    void scoresChanged();
    // Which images are flagged changed (after scoresChanged when both change).
    void flagsChanged();
    void burstsChanged();
    // Files that could not be read, for the training or the scoring.
    void filesSkipped(const std::vector<core::SkippedFile>& files);

    void trainingProgress(const TrainingUpdate& update);
    void trainingFinished(std::shared_ptr<const TrainingResult> result);
    void trainingFailed(const QString& message);
    void trainingCancelled();
    void trainingPausedChanged(bool paused);

    void selectionLoaded(std::shared_ptr<const SelectedImage> image);
    void selectionFailed(const QString& message);

    // The current model's sweep of the selected image, or why there is none yet.
    void sweepReady(const SweepResult& sweep, std::shared_ptr<const core::TrainedModel> model);
    void sweepUnavailable(const QString& reason);
    // The current model's correlation study (`images` says which images it ran on), or why there is none yet.
    void studyReady(const core::CorrelationStudy& study, std::shared_ptr<const core::TrainedModel> model,
                    const QString& images);
    void studyUnavailable(const QString& reason);

    // A file asked for was written; `message` says so in a sentence.
    void written(const QString& path, const QString& message);
    void statusMessage(const QString& message);
    void errorOccurred(const QString& title, const QString& message);

private:
    void onFolderScanned(const QString& folder, const QStringList& paths);
    void onTrainingFinished(std::shared_ptr<const TrainingResult> result);
    void onTrainingEnded();
    // Adds `model` as the current one. `ownScores`: its scores of the folder, when the training already made them.
    void addModel(std::shared_ptr<const core::TrainedModel> model, const QString& source,
                  std::shared_ptr<const core::CorrelationStudy> study, std::shared_ptr<const FolderScores> ownScores,
                  bool saved);
    void afterCurrentModelChanged();
    void setScores(std::shared_ptr<const FolderScores> scores);
    void updateFlagged();
    void updateBursts();
    // Writes every open model's thresholds to the settings.
    void rememberAllFlags();
    void scoreFolder();
    void onScoresFinished(std::shared_ptr<const FolderScores> scores);
    // "Scored N images for blur and noise" in the status bar.
    void announceScores(const FolderScores& scores);
    void updateSweep();
    // During a training, its validations sweep the selected image (a live Sweep).
    void watchSelectedImage();
    void updateStudy();

    TrainingController* m_controller;
    FolderScorer* m_scorer;
    FileWriter* m_fileWriter;
    BurstFinder* m_bursts;
    bool m_burstsShown = false;
    QTimer* m_rememberFlags;  // runs while thresholds changed and were not written to the settings yet

    QString m_folder;
    QStringList m_paths;
    QStringList m_trainingPaths;  // the images the running or last training was given
    int m_trainingWorkingSize = 0;
    QHash<const core::TrainedModel*, QStringList> m_heldOutPaths;  // of the models trained in this session
    QStringList m_studyPaths;
    ModelSet m_models;
    std::shared_ptr<const FolderScores> m_scores;
    QHash<QString, int> m_scoreRows;  // path -> row of m_scores
    QString m_scoringNote;            // added to the next "Scored" message
    std::vector<FlaggedImage> m_flagged;

    QString m_selectedPath;
    std::shared_ptr<const SelectedImage> m_selected;  // decoded once per selection, shared by the tabs

    // Each job's result is delivered only when no newer job of its kind was started.
    int m_scanGeneration = 0;
    int m_selectionGeneration = 0;
    int m_sweepGeneration = 0;
    int m_studyGeneration = 0;
};

}  // namespace twinsight::ui
