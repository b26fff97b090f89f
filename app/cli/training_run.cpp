#include "cli/training_run.h"

#include <atomic>
#include <csignal>

#include "cli/cli_support.h"
#include "cli/progress_printer.h"

namespace twinsight::cli {
namespace {

// Set by Ctrl-C: the trainer stops at its next step and nothing is written.
std::atomic_bool g_interrupted{false};

void onInterrupt(int /*signal*/) { g_interrupted = true; }

}  // namespace

core::ImageSet loadTrainingImages(const std::string& folder, int workingSize, core::SliceAxes slices) {
    core::ImageSet images = whileDoing("loading the images of " + folder,
                                       [&] { return core::loadImagesFrom({folder}, workingSize, 0, slices); });
    reportSkipped(images.skipped);
    if (images.images.empty()) throw std::runtime_error(folder + ": no readable image");
    return images;
}

core::TrainingOutcome trainWithProgress(const core::TrainerConfig& config, const core::ImageSet& images) {
    core::Trainer trainer(config);
    ProgressPrinter printer;
    const auto previous = std::signal(SIGINT, onInterrupt);  // restored after: it removes temporary files
    try {
        core::TrainingOutcome outcome =
            whileDoing("training (" + std::to_string(config.batchSize) + " pairs of " +
                           std::to_string(config.inputSize) + " px per step)",
                       [&] { return trainer.run(images, std::ref(printer), g_interrupted); });
        printer.finish();
        std::signal(SIGINT, previous);
        return outcome;
    } catch (...) {
        printer.finish();
        std::signal(SIGINT, previous);
        throw;
    }
}

}  // namespace twinsight::cli
