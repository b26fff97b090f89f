// `eval`: a model's correlation with known magnitudes over a folder of images.

#include <iostream>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "core/scoring/reports.h"

namespace twinsight::cli {

void addEvalCommand(CLI::App& app) {
    struct Options {
        std::string model, images, out, slices = "acquisition";
        int levels = 8;
    };
    auto options = std::make_shared<Options>();
    CLI::App* command = app.add_subcommand("eval", "Correlation of score and magnitude over held-out images, as JSON");
    command->add_option("--model", options->model, "Model file (.twinsight)")->required();
    command->add_option("--images", options->images, "Folder of held-out images")->required();
    command->add_option("--levels", options->levels, "Evenly spaced magnitudes per image (2 to 1000)")
        ->capture_default_str();
    command->add_option("--out", options->out, "JSON file to write (default: standard output)");
    addSlicesOption(command, options->slices);
    command->callback([options] {
        const core::SliceAxes slices = sliceAxesOption(options->slices);
        requireInRange("--levels", options->levels, 2, kMaxLevels);
        if (!options->out.empty()) requireWritableFile(options->out, {options->model, options->images});
        const core::TrainedModel model = loadModel(options->model);
        const core::ImageSet images = whileDoing("loading the images of " + options->images, [&] {
            return core::loadImagesFrom({options->images}, model.metadata().workingSize, 0, slices);
        });
        reportSkipped(images.skipped);
        if (images.images.empty()) throw std::runtime_error(options->images + ": no readable image");
        const core::CorrelationStudy study = whileDoing(
            "evaluating " + std::to_string(images.images.size()) + " images at " + std::to_string(options->levels) +
                " levels",
            [&] {
                return core::studyCorrelation(model.scorer(), images.images, model.metadata().range, options->levels);
            });
        nlohmann::json report = core::studyJson(study);
        report["median_abs_error"] = core::medianEstimateError(study, model.metadata().calibration);
        report["unit"] = model.metadata().unit;
        writeOutput(options->out, report.dump(2) + "\n");
    });
}

}  // namespace twinsight::cli
