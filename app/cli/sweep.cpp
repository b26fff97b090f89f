// `sweep`: one image degraded across the model's range, with its scores and estimates.

#include <iostream>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "core/scoring/reports.h"

namespace twinsight::cli {

void addSweepCommand(CLI::App& app) {
    struct Options {
        std::string model, out, image;
        int levels = 11;
    };
    auto options = std::make_shared<Options>();
    CLI::App* command = app.add_subcommand("sweep", "Score one image degraded across the model's range, as CSV");
    command->add_option("--model", options->model, "Model file (.twinsight)")->required();
    command->add_option("--levels", options->levels, "Evenly spaced magnitudes (2 to 1000)")->capture_default_str();
    command->add_option("--out", options->out, "CSV file to write (default: standard output)");
    command->add_option("IMAGE", options->image, "Image")->required();
    command->callback([options] {
        requireInRange("--levels", options->levels, 2, kMaxLevels);
        if (!options->out.empty()) requireWritableFile(options->out, {options->model, options->image});
        const core::TrainedModel model = loadModel(options->model);
        const core::ModelMetadata& metadata = model.metadata();
        const cv::Mat image = whileDoing("loading " + options->image,
                                         [&] { return core::loadImage(options->image, metadata.workingSize); });
        const auto rows =
            whileDoing("sweeping " + options->image + " over " + std::to_string(options->levels) + " levels", [&] {
                return core::sweepImage(model.scorer(), image, metadata.range, options->levels, metadata.calibration);
            });
        writeOutput(options->out, core::sweepCsv(rows));
    });
}

}  // namespace twinsight::cli
