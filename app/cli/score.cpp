// `score`: one or several models over files, folders or a list, optionally one shard of it, with XMP sidecars on
// request.

#include <filesystem>
#include <iostream>
#include <cmath>
#include <memory>
#include <optional>
#include <set>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "cli/score_inputs.h"
#include "cli/score_maps.h"
#include "cli/score_sidecars.h"
#include "core/imageio/image_source.h"
#include "core/scoring/bursts.h"
#include "core/scoring/file_scoring.h"
#include "core/scoring/reports.h"
#include "core/scoring/series.h"
#include "core/scoring/sharding.h"
#include "core/sidecars/sidecar_plan.h"

namespace twinsight::cli {
namespace {

struct ScoreOptions {
    std::vector<std::string> models, paths, flagAbove, flagBelow;
    std::string out, device = "auto", filesFrom, shard, slices = "acquisition", xmpNaming = "full", flagLabel = "Red", mapOut, bestLabel;
    std::string seriesOut;
    bool writeXmp = false, dryRun = false, reject = false, acceptDamaged = false, groups = false, bySeries = false;
    double burstGap = core::BurstOptions().maxGapSeconds;
};

// Every file the paths and the list name (`all`, frames not expanded) and the images of this shard (`selected`):
// a shard takes whole files, round robin, then expands its own multi-frame files, so no shard reads the headers of
// another's DICOM files.
struct ImageSelection {
    std::vector<std::string> all, selected;
};

ImageSelection imagesToScore(const ScoreOptions& options) {
    requirePathArguments(options.paths);
    std::vector<std::string> inputs = options.paths;
    if (!options.filesFrom.empty()) {
        const std::vector<std::string> listed = core::readPathListFile(options.filesFrom);
        inputs.insert(inputs.end(), listed.begin(), listed.end());
    }
    ImageSelection images;
    const core::SliceAxes slices = sliceAxesOption(options.slices);
    if (options.shard.empty()) {
        images.all = images.selected = core::expandImagePaths(inputs, /*keepMissing=*/true, true, slices);
        return images;
    }
    images.all = core::expandImagePaths(inputs, /*keepMissing=*/true, /*expandFrames=*/false);
    const std::vector<std::string> files = core::selectShard(images.all, core::parseShardSpec(options.shard));
    images.selected = core::expandImagePaths(files, /*keepMissing=*/true, true, slices);
    return images;
}

void checkScoreOptions(const ScoreOptions& options) {
    if (options.paths.empty() && options.filesFrom.empty()) throw UsageError("score: give PATH... or --files-from");
    if (options.dryRun && !options.writeXmp) throw UsageError("--dry-run only applies to --write-xmp");
    if (!options.writeXmp && !options.bySeries && (!options.flagAbove.empty() || !options.flagBelow.empty())) {
        throw UsageError("--flag-above and --flag-below only apply to --write-xmp and --by-series");
    }
    if (!options.writeXmp && options.reject) throw UsageError("--reject only applies to --write-xmp");
    if (options.bySeries != !options.seriesOut.empty())
        throw UsageError("--by-series and --series-out FILE go together: the series table is a second CSV");
    if (!options.shard.empty()) core::parseShardSpec(options.shard);
    sliceAxesOption(options.slices);  // a typo fails before the models load
    if (!options.groups && (!options.bestLabel.empty() || options.burstGap != core::BurstOptions().maxGapSeconds))
        throw UsageError("--burst-gap and --best-label only apply to --groups");
    if (!options.bestLabel.empty() && !options.writeXmp) throw UsageError("--best-label only applies to --write-xmp");
    if (options.bySeries && !options.shard.empty())
        throw UsageError("--by-series needs the whole list: a series can cross two shards; leave out --shard");
    if (options.groups && !options.shard.empty())
        throw UsageError("--groups needs the whole list: a burst can cross two shards; leave out --shard");
    if (!std::isfinite(options.burstGap) || options.burstGap < 0.0)
        throw UsageError("--burst-gap " + std::to_string(options.burstGap) + ": expected seconds, 0 or more");
    if (!options.out.empty()) {
        std::vector<std::string> inputs = options.models;
        inputs.insert(inputs.end(), options.paths.begin(), options.paths.end());
        if (!options.filesFrom.empty()) inputs.push_back(options.filesFrom);
        requireWritableFile(options.out, inputs);
    }
    if (options.bySeries) {
        std::vector<std::string> inputs = options.models;
        inputs.insert(inputs.end(), options.paths.begin(), options.paths.end());
        if (!options.out.empty()) inputs.push_back(options.out);
        if (!options.filesFrom.empty()) inputs.push_back(options.filesFrom);
        requireWritableFile(options.seriesOut, inputs);
    }
}

// The series table: ranked by the first model, flagged by the user's rules or else by each model's noticeable
// magnitude.
void writeSeriesTable(const std::string& path, const core::MultiModelScores& scores,
                      const std::vector<core::TrainedModel>& models, const std::vector<core::FlagRule>& rules) {
    std::vector<core::ModelMetadata> metadata;
    for (const core::TrainedModel& model : models) metadata.push_back(model.metadata());
    const std::set<std::string> flagged = core::flaggedByRules(metadata, scores, rulesOrNoticeable(rules, models));
    writeOutput(path, core::seriesCsv(core::summariseSeries(scores, 0, metadata.front().range, flagged)));
}

void runScore(const ScoreOptions& options) {
    checkScoreOptions(options);
    const std::vector<core::TrainedModel> models = loadModelsOnePerTransform(options.models, options.device);
    std::vector<const core::TrainedModel*> modelPointers;
    std::vector<std::string> transforms;
    for (const core::TrainedModel& model : models) {
        modelPointers.push_back(&model);
        transforms.push_back(model.metadata().transform);
    }
    if (!options.mapOut.empty()) prepareFocusMaps(options.mapOut, models);
    SidecarRequest sidecars = makeSidecarRequest(options.xmpNaming, options.flagAbove, options.flagBelow,
                                                       options.reject, options.flagLabel, models);
    const ImageSelection images = imagesToScore(options);
    requireNotAnImage("--out", options.out, images.all);
    requireNotAnImage("--series-out", options.seriesOut, images.all);
    const core::MultiModelScores scores =
        core::scoreFilesWithModels(modelPointers, images.selected, 0, {}, nullptr, options.acceptDamaged);
    reportSkipped(scores.skipped);
    for (std::size_t i = 0; i < scores.damage.size(); ++i) {
        if (!scores.damage[i].empty())
            std::cerr << scores.paths[i] << ": " << scores.damage[i] << " (scored, damaged)\n";
    }
    if (scores.paths.empty() && options.shard.empty()) {
        throw std::runtime_error("no readable image among the paths given");
    }
    std::optional<core::BurstGroups> bursts;
    if (options.groups) {
        // The first model ranks the shots of a burst.
        core::BurstOptions burstOptions;
        burstOptions.maxGapSeconds = options.burstGap;
        bursts = core::groupScoredImages(scores, 0, models.front().metadata().range, burstOptions);
        sidecars.options.bursts = &*bursts;
        sidecars.options.bestLabel = options.bestLabel;
    }
    if (!options.dryRun || !options.out.empty()) {
        writeOutput(options.out, core::multiModelScoresCsv(scores, transforms, options.acceptDamaged,
                                                           bursts ? &*bursts : nullptr));
    }
    if (options.writeXmp) writeSidecars(scores, images.all, models, sidecars, options.dryRun);
    if (options.bySeries) writeSeriesTable(options.seriesOut, scores, models, sidecars.flagRules);
    if (!options.mapOut.empty()) writeFocusMaps(options.mapOut, scores, models);
}

}  // namespace

void addScoreCommand(CLI::App& app) {
    auto options = std::make_shared<ScoreOptions>();
    CLI::App* command = app.add_subcommand("score", "Score images (folders recursive) as CSV");
    command->add_option("--model", options->models, "Model file (.twinsight); repeat for one column set per model")
        ->required()
        ->allow_extra_args(false);  // each --model takes one file; PATHs follow
    command->add_option("--out", options->out, "CSV file to write (default: standard output)");
    command->add_option("--device", options->device, "auto, cpu or cuda")->capture_default_str();
    command->add_option("--files-from", options->filesFrom, "File listing images or folders, one per line (- = stdin)");
    command->add_option("--shard", options->shard, "Score only shard K of N (K/N, K from 0): a fixed 1/N of the list");
    command->add_flag("--write-xmp", options->writeXmp, "Write rating, label and scores into XMP sidecars");
    command
        ->add_option("--xmp-naming", options->xmpNaming,
                     "full: IMG_1.CR2.xmp (darktable, digiKam); base: IMG_1.xmp (Lightroom)")
        ->capture_default_str();
    command->add_flag("--dry-run", options->dryRun, "With --write-xmp: list what would be written, write nothing");
    command->add_option("--flag-above", options->flagAbove, "[TRANSFORM=]VALUE: flag images whose estimate is above")
        ->allow_extra_args(false);
    command->add_option("--flag-below", options->flagBelow, "[TRANSFORM=]VALUE: flag images whose estimate is below")
        ->allow_extra_args(false);
    command->add_flag("--reject", options->reject, "Flagged images get rating -1 (rejected) instead of 1 star");
    command->add_option("--flag-label", options->flagLabel, "xmp:Label of flagged images")->capture_default_str();
    command->add_flag("--accept-damaged", options->acceptDamaged,
                      "Score damaged images (a truncated JPEG) too, marked in a last CSV column `damaged`");
    command->add_option("--map-out", options->mapOut,
                        "Folder to write a focus map per image into (PNG, the image's tiles tinted by their "
                        "estimates; blur, noise and jpeg models), with an index maps.csv");
    command->add_flag("--groups", options->groups,
                      "Group bursts (shots of one scene within --burst-gap seconds that look alike) and mark the best "
                      "of each by the first model: last CSV columns `group` and `best_in_group`");
    command->add_option("--burst-gap", options->burstGap, "With --groups: seconds between shots of one burst (EXIF)")
        ->capture_default_str();
    command->add_option("--best-label", options->bestLabel,
                        "With --groups and --write-xmp: xmp:Label of the best shot of each burst, e.g. Green");
    addSlicesOption(command, options->slices);
    command->add_flag("--by-series", options->bySeries,
                      "Also write a table per series (a volume, a multi-frame file or a folder), worst first by the "
                      "first model, to --series-out");
    command->add_option("--series-out", options->seriesOut,
                        "With --by-series: CSV series,n_images,median_estimate,worst_estimate,worst_image,n_flagged");
    command->add_option("PATH", options->paths, "Images, volumes, FILE#FRAME or FILE#z:K names, or folders");
    command->callback([options] { runScore(*options); });
}

}  // namespace twinsight::cli
