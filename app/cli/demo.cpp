// `demo`: a first look on the built-in sample scenes, trained and evaluated in under a minute.

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "cli/training_run.h"
#include "core/degrade/transform.h"
#include "core/samples/sample_scenes.h"
#include "core/scoring/reports.h"
#include "core/training/trainer.h"

namespace twinsight::cli {
namespace {
namespace fs = std::filesystem;

// Removes the demo's temporary scenes however the demo ends.
struct TemporaryFolder {
    fs::path path;
    ~TemporaryFolder() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
};

}  // namespace

// A first look in under a minute on two cores: blur 12 s, held-out Spearman 0.985 (2026-12-04; 49 s for 0.972 while
// blur models read crops).
constexpr int kDemoSteps = 300;

void addDemoCommand(CLI::App& app) {
    auto transform = std::make_shared<std::string>("blur");
    CLI::App* command = app.add_subcommand("demo", "Train and evaluate on the built-in sample scenes");
    command->add_option("--transform", *transform, "Transformation to learn")->capture_default_str();
    command->callback([transform] {
        const auto start = std::chrono::steady_clock::now();
        core::TrainerConfig config;
        config.transform = *transform;
        config.validate();
        config.steps = std::min(kDemoSteps, core::findTransform(config.transform).defaultSteps());
        const TemporaryFolder folder{fs::temp_directory_path() / ("twinsight-demo-" + std::to_string(::getpid()))};
        // Two scene families: the held-out scenes share no image with the training ones.
        core::writeSampleScenes((folder.path / "train").string(), 60, /*seed=*/1);
        core::writeSampleScenes((folder.path / "held-out").string(), 24, /*seed=*/2);
        std::cerr << "training " << config.transform << " on 60 sample scenes\n";
        const core::ImageSet train = loadTrainingImages((folder.path / "train").string(), config.workingSize);
        const core::TrainingOutcome outcome = trainWithProgress(config, train);
        const core::ImageSet heldOut = loadTrainingImages((folder.path / "held-out").string(), config.workingSize);
        const core::CorrelationStudy study =
            core::studyCorrelation(outcome.model.scorer(), heldOut.images, config.effectiveRange(), 8);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        nlohmann::json summary = {{"training", core::trainingSummaryJson(outcome.model.metadata())},
                                  {"held_out", core::studyJson(study)},
                                  {"total_seconds", seconds}};
        std::cout << summary.dump(2) << std::endl;
    });
}

}  // namespace twinsight::cli
