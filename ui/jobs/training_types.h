#pragma once
// What the training worker sends to the UI thread: progress updates with Qt images, and the finished result.
// Registered as metatypes so that they travel through queued signals.

#include <QImage>
#include <QMetaType>
#include <QPointF>
#include <QVector>
#include <memory>
#include <string>
#include <vector>

#include "core/training/trainer.h"
#include "ui/jobs/folder_scorer.h"

namespace twinsight::ui {

// What the user asked to train on: the config and the files (not folders) to learn from.
struct TrainingRequest {
    core::TrainerConfig config;
    std::vector<std::string> paths;
};

// One training pair as the pairs strip shows it (core::PairPreview with its crops as QImages).
struct PairView {
    QImage first, second;
    double firstMagnitude = 0.0;
    double secondMagnitude = 0.0;
    bool firstMoreDegraded = false;
    double firstScore = 0.0;
    double secondScore = 0.0;
    bool correct = false;
};

struct TrainingUpdate {
    enum class Phase { LoadingImages, Training };
    Phase phase = Phase::Training;
    int done = 0;             // images loaded, or steps done
    int total = 0;            // images to load, or steps in all
    QVector<QPointF> losses;  // (step, loss) for every step since the previous update
    double pairsPerSecond = 0.0;
    double etaSeconds = 0.0;
    bool validated = false;  // the two figures below are fresh
    double valPairAccuracy = 0.0;
    double valSpearman = 0.0;
    QVector<PairView> pairs;  // filled at validation steps
    // The settings of the latest step, and the steps at which an adjustment made while paused took effect.
    double learningRate = 0.0;
    int batchSize = 0;
    double crossImageShare = 0.0;
    QVector<int> adjustedAt;
    // At validation steps: the held-out study as it stands (for a correlation that fills in), and the watched
    // image's sweep in raw scores with its own score (empty when no image is watched).
    std::shared_ptr<const core::CorrelationStudy> validation;
    std::vector<core::SweepRow> watchedSweep;
    double watchedScore = 0.0;
};

struct TrainingResult {
    std::shared_ptr<const core::TrainedModel> model;
    core::CorrelationStudy validation;  // on the held-out images
    std::vector<std::string> validationPaths;
    std::vector<core::SkippedFile> skipped;  // files that could not be read for training
    // The model's scores of every image it was given, from the images the training decoded: the folder need not be
    // decoded again to score it.
    std::shared_ptr<const FolderScores> scores;
    double seconds = 0.0;  // loading and training, wall clock
};

}  // namespace twinsight::ui

Q_DECLARE_METATYPE(twinsight::ui::TrainingRequest)
Q_DECLARE_METATYPE(twinsight::ui::TrainingUpdate)
Q_DECLARE_METATYPE(std::shared_ptr<const twinsight::ui::TrainingResult>)
