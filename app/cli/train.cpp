// `train`: a model from a folder of unlabelled images.

#include <iostream>
#include <sstream>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "cli/training_run.h"
#include "core/degrade/transform.h"
#include "core/scoring/reports.h"
#include "core/training/trainer.h"

namespace twinsight::cli {
namespace {

// The upper bounds (and the checks the trainer does not make) of train's numeric options, before any work.
// "blur 20000, brightness 3000, ...": each transformation's default steps, from the registry.
std::string defaultStepsList() {
    std::string list;
    for (const core::Transform* transform : core::allTransforms()) {
        list += (list.empty() ? "" : ", ") + transform->name() + " " + std::to_string(transform->defaultSteps());
    }
    return list;
}

void checkTrainingLimits(const core::TrainerConfig& config) {
    if (config.steps) requireInRange("--steps", *config.steps, 1, kMaxSteps);
    requireInRange("--batch", config.batchSize, 1, kMaxBatch);
    requireInRange("--threads", config.threads, 0, maxThreads(), "0: the measured default; at most the cores");
    requireInRange("--working-size", config.workingSize, 16, kMaxCliWorkingSize);
    requireInRange("--input-size", config.inputSize, core::kMinInputSize, core::kMaxInputSize);
    if (config.linearityWeight) requireInRange("--linearity", *config.linearityWeight, 0.0, kMaxLinearity);
    if (config.crossImageShare) requireInRange("--cross-share", *config.crossImageShare, 0.0, 1.0);
    // 0 held nothing out, and the val_* figures were measured on the training images as if held out (issue 14).
    if (!(config.valFraction > 0.0 && config.valFraction <= 0.9)) {
        std::ostringstream message;
        message << "--val-fraction must be above 0 and at most 0.9, got " << config.valFraction;
        if (config.valFraction == 0.0) message << " (the val_* figures are measured on held-out images)";
        throw UsageError(message.str());
    }
    if (!(config.learningRate > 0.0 && config.learningRate <= kMaxLearningRate)) {
        std::ostringstream message;
        message << "--learning-rate must be above 0 and at most " << kMaxLearningRate << ", got "
                << config.learningRate;
        throw UsageError(message.str());
    }
}

}  // namespace

void addTrainCommand(CLI::App& app) {
    struct Options {
        core::TrainerConfig config;
        std::string images, transform, range, out, slices = "acquisition";
    };
    auto options = std::make_shared<Options>();
    core::TrainerConfig& config = options->config;
    CLI::App* command = app.add_subcommand("train", "Train a model on a folder of unlabelled images");
    command->add_option("--images", options->images, "Folder of training images (recursive)")->required();
    command->add_option("--transform", options->transform, "Transformation to learn")->required();
    command->add_option("--range", options->range, "Magnitude range MIN:MAX (default: the transformation's)");
    command->add_option("--out", options->out, "Model file to write (.twinsight)")->required();
    command->add_option("--steps", config.steps,
                        "Training steps (default: the transformation's, where more measurably paid: " +
                            defaultStepsList() + "; at most 1000000)");
    command->add_flag("--thorough", config.thorough,
                      "Train three times the steps (about 3-4 minutes on 2 cores, seconds on a GPU)");
    command->add_option("--batch", config.batchSize, "Pairs per step (at most 4096)")->capture_default_str();
    command->add_option("--device", config.device, "auto, cpu or cuda")->capture_default_str();
    command->add_option("--threads", config.threads,
                        "CPU threads for LibTorch (0: measured default; at most the number of cores)");
    command->add_option("--seed", config.seed, "Seed for every random choice (0 or more)")
        ->check(notNegative())
        ->capture_default_str();
    command
        ->add_option("--val-fraction", config.valFraction,
                     "Share of images held out for the val_* figures (above 0, at most 0.9)")
        ->capture_default_str();
    command->add_option("--learning-rate", config.learningRate, "Adam learning rate (above 0, at most 1)")
        ->capture_default_str();
    command->add_option("--working-size", config.workingSize, "Shorter side at load, px (at most 4096)")
        ->capture_default_str();
    command->add_option("--input-size", config.inputSize, "Network input side, px (16 to 1024)")->capture_default_str();
    command->add_option("--linearity", config.linearityWeight,
                        "Weight of the loss asking scores to grow in proportion to the magnitude (default: the "
                        "transformation's, 0.05; jpeg and contrast 0; at most 100)");
    command->add_option("--cross-share", config.crossImageShare,
                        "Share of cross-image pairs (default: the transformation's, 0.5)");
    addSlicesOption(command, options->slices);
    command->callback([options] {
        const core::SliceAxes slices = sliceAxesOption(options->slices);
        core::TrainerConfig config = options->config;
        config.transform = options->transform;
        if (!options->range.empty()) config.range = parseRange(options->range);
        checkTrainingLimits(config);
        try {
            config.validate();
        } catch (const std::invalid_argument& error) {
            throw UsageError(error.what());
        }
        requireWritableFile(options->out, {options->images});
        const core::ImageSet images = loadTrainingImages(options->images, config.workingSize, slices);
        const core::TrainingOutcome outcome = trainWithProgress(config, images);
        whileDoing("writing " + options->out, [&] { outcome.model.save(options->out); });
        std::cout << core::trainingSummaryJson(outcome.model.metadata()).dump(2) << std::endl;
    });
}

}  // namespace twinsight::cli
