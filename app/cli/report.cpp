// `report`: a self-contained HTML QC report of one or several models over files, folders, volumes or series.

#include <iostream>
#include <memory>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "cli/score_inputs.h"
#include "cli/score_sidecars.h"
#include "core/base/atomic_file.h"
#include "core/base/file_errors.h"
#include "core/scoring/file_scoring.h"
#include "core/scoring/qc_report.h"
#include "core/scoring/sharding.h"

namespace twinsight::cli {
namespace {

struct ReportOptions {
    std::vector<std::string> models, paths, flagAbove, flagBelow;
    std::string out, device = "auto", filesFrom, slices = "acquisition";
};

void runReport(const ReportOptions& options) {
    if (options.paths.empty() && options.filesFrom.empty()) throw UsageError("report: give PATH... or --files-from");
    const core::SliceAxes slices = sliceAxesOption(options.slices);
    std::vector<std::string> inputs = options.models;
    inputs.insert(inputs.end(), options.paths.begin(), options.paths.end());
    if (!options.filesFrom.empty()) inputs.push_back(options.filesFrom);
    requireWritableFile(options.out, inputs);
    requirePathArguments(options.paths);
    const std::vector<core::TrainedModel> models = loadModelsOnePerTransform(options.models, options.device);
    const std::vector<core::FlagRule> rules = rulesOrNoticeable(
        makeSidecarRequest("full", options.flagAbove, options.flagBelow, false, "Red", models).flagRules, models);
    std::vector<std::string> listed = options.paths;
    if (!options.filesFrom.empty()) {
        const std::vector<std::string> fromFile = core::readPathListFile(options.filesFrom);
        listed.insert(listed.end(), fromFile.begin(), fromFile.end());
    }
    const std::vector<std::string> images = core::expandImagePaths(listed, /*keepMissing=*/true, true, slices);
    requireNotAnImage("--out", options.out, images);
    std::vector<const core::TrainedModel*> pointers;
    for (const core::TrainedModel& model : models) pointers.push_back(&model);
    core::MultiModelScores scores = whileDoing("scoring " + std::to_string(images.size()) + " images",
                                               [&] { return core::scoreFilesWithModels(pointers, images); });
    reportSkipped(scores.skipped);
    if (scores.paths.empty()) throw std::runtime_error("no readable image among the paths given");
    const core::QcReport report = whileDoing("making the report", [&] {
        return core::assembleQcReport(pointers, options.models, std::move(scores), rules);
    });
    core::writeFileAtomically(options.out, core::qcReportHtml(report));
    std::cerr << "report: " << report.scores.paths.size() << " images, " << report.flagged.size() << " flagged, "
              << report.series.size() << " series -> " << core::printableForMessage(options.out) << "\n";
}

}  // namespace

void addReportCommand(CLI::App& app) {
    auto options = std::make_shared<ReportOptions>();
    CLI::App* command = app.add_subcommand(
        "report", "A QC report as one self-contained HTML file: models, distributions, series, flagged images");
    command->add_option("--model", options->models, "Model file (.twinsight); repeat for several")
        ->required()
        ->allow_extra_args(false);
    command->add_option("--out", options->out, "HTML file to write")->required();
    command->add_option("--device", options->device, "auto, cpu or cuda")->capture_default_str();
    command->add_option("--files-from", options->filesFrom, "File listing images or folders, one per line (- = stdin)");
    command
        ->add_option("--flag-above", options->flagAbove,
                     "[TRANSFORM=]VALUE: flag images whose estimate is above (default: the noticeable magnitude)")
        ->allow_extra_args(false);
    command->add_option("--flag-below", options->flagBelow, "[TRANSFORM=]VALUE: flag images whose estimate is below")
        ->allow_extra_args(false);
    addSlicesOption(command, options->slices);
    command->add_option("PATH", options->paths, "Images, volumes, FILE#FRAME or FILE#z:K names, or folders");
    command->callback([options] { runReport(*options); });
}

}  // namespace twinsight::cli
