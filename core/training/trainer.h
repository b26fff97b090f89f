#pragma once
// Self-supervised training of the siamese ranker (docs/design.md): pairs from the sampler, RankNet loss on s1 - s2,
// validation on whole held-out images, calibration fitted at the end.

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/evaluation/analysis.h"
#include "core/imageio/image_loading.h"
#include "core/model/trained_model.h"

namespace twinsight::core {

// The thorough setting trains this many times the steps (README: where it pays, and its cost).
inline constexpr int kThoroughStepFactor = 3;

struct TrainerConfig {
    std::string transform = "blur";
    std::optional<Range> range;  // the transformation's default range when absent
    std::optional<int> steps;    // the transformation's defaultSteps() when absent
    // Trains kThoroughStepFactor times the steps: slower, and better where the README's table says so.
    bool thorough = false;
    int batchSize = 32;
    double learningRate = 2e-3;
    int workingSize = 256;  // shorter side, px
    int inputSize = 64;     // crop or frame side fed to the network, px
    double valFraction = 0.2;
    std::optional<double> crossImageShare;  // the transformation's defaultCrossImageShare() when absent
    // Weight of a second loss asking score differences to grow in proportion to magnitude differences (RankNet only
    // asks for the order); the transformation's defaultLinearityWeight() when absent.
    std::optional<double> linearityWeight;
    std::uint64_t seed = 1;
    std::string device = "auto";
    int threads = 0;  // 0: defaultThreadCount()
    int validationLevels = 8;
    int validationInterval = 0;  // steps between validations; 0: about five during the run
    ArchitectureSpec architecture;

    // Throws std::invalid_argument naming the first bad value.
    void validate() const;
    Range effectiveRange() const;
    // The steps this configuration trains: the chosen or default steps, times kThoroughStepFactor when thorough.
    int totalSteps() const;
    // The architecture with the transformation's context size.
    ArchitectureSpec effectiveArchitecture() const;
    double effectiveCrossImageShare() const;
    double effectiveLinearityWeight() const;
};

// One training pair as the network saw it, with its verdict: for showing how the model learns.
struct PairPreview {
    cv::Mat first, second;  // CV_8UC3, input size
    double firstMagnitude = 0.0;
    double secondMagnitude = 0.0;
    bool firstMoreDegraded = false;  // the label
    double firstScore = 0.0;
    double secondScore = 0.0;
    bool correct() const { return (firstScore > secondScore) == firstMoreDegraded; }
};

// Settings a training can take while it runs (the desktop program changes them while paused); each applies from
// the next step on.
struct TrainingAdjustment {
    std::optional<double> learningRate;  // the base of the schedule, as TrainerConfig::learningRate
    std::optional<int> batchSize;
    std::optional<double> crossImageShare;
    bool empty() const { return !learningRate && !batchSize && !crossImageShare; }
};

// Pauses, steps and adjusts a running training from another thread; every method is thread-safe.
class TrainingControl {
public:
    void pause();
    // Running, nothing pending: for a control used again by the next training.
    void reset();
    // Runs on, dropping what remains of a step().
    void resume();
    // Lets `steps` more steps run (from paused or running), then pauses.
    void step(int steps);
    // True while paused, and while running the steps of step(), after which it pauses by itself.
    bool isPaused() const;
    // Throws std::invalid_argument naming a value TrainerConfig::validate would refuse (learning rate above 0 and at
    // most 1, batch size 1 to 4096, cross-image share 0 to 1).
    void adjust(const TrainingAdjustment& adjustment);

    // An image (CV_8UC3 at the working size) whose sweep each validation reports, so that a class watches the
    // curve straighten; an empty image stops it.
    void watch(const cv::Mat& image);
    cv::Mat watched() const;

    // For the trainer, before each step: waits while paused (ending the wait when `cancel` is set), then hands over
    // the adjustments asked for since the last call.
    TrainingAdjustment beforeStep(const std::atomic_bool& cancel);

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_paused = false;
    int m_stepsLeft = -1;  // steps before pausing again; -1: no limit
    TrainingAdjustment m_pending;
    cv::Mat m_watched;
};

struct TrainingProgress {
    int step = 0;
    int totalSteps = 0;
    double loss = 0.0;
    double pairsPerSecond = 0.0;  // optimisation only, smoothed
    double etaSeconds = 0.0;      // the steps left at the recent pace, waiting for batches included
    double elapsedSeconds = 0.0;  // optimisation time so far, validations left out
    bool validated = false;       // the two figures below are fresh at this step
    double valPairAccuracy = 0.0;
    double valSpearman = 0.0;
    CorrelationStudy validation;     // the whole study behind the two figures above, with its intervals
    std::vector<PairPreview> pairs;  // a few pairs of the current batch, filled when validated
    // The settings this step trained with, and whether an adjustment took effect at it.
    double learningRate = 0.0;
    int batchSize = 0;
    double crossImageShare = 0.0;
    bool adjusted = false;
    // With TrainingControl::watch, at each validation: the watched image degraded across the range, scored by the
    // network as it is at this step (raw scores: no calibration yet), and the image's own score.
    std::vector<SweepRow> watchedSweep;
    double watchedScore = 0.0;
};
using ProgressCallback = std::function<void(const TrainingProgress&)>;

// Thrown when the cancel flag stops a training; nothing of that training is kept.
class TrainingCancelled : public std::runtime_error {
public:
    TrainingCancelled() : std::runtime_error("training cancelled") {}
};

struct TrainingOutcome {
    TrainedModel model;
    CorrelationStudy validation;  // on the held-out images (the training images when none are held out)
    std::vector<std::string> trainPaths;
    std::vector<std::string> validationPaths;
};

class Trainer {
public:
    explicit Trainer(TrainerConfig config);

    // Trains on `images` (at the config's working size). Throws std::invalid_argument for unusable data,
    // std::runtime_error for a numerical or device failure, TrainingCancelled when `cancel` becomes true.
    // `control`, when given, pauses, steps and adjusts it from another thread.
    TrainingOutcome run(const ImageSet& images, const ProgressCallback& progress, const std::atomic_bool& cancel,
                        TrainingControl* control = nullptr);

    const TrainerConfig& config() const { return m_config; }

private:
    TrainerConfig m_config;
};

}  // namespace twinsight::core
