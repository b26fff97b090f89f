// `merge`: the score CSVs of shards joined into the CSV a single run writes, checked for images scored twice or
// missing.

#include <iostream>
#include <memory>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "core/base/atomic_file.h"
#include "core/base/file_errors.h"
#include "core/imageio/image_loading.h"
#include "core/scoring/score_csv_merge.h"
#include "core/scoring/sharding.h"

namespace twinsight::cli {
namespace {

// Shown in full up to this many; beyond, the count and the first ones.
constexpr std::size_t kMissingShown = 10;

struct MergeOptions {
    std::vector<std::string> inputs;
    std::string out, filesFrom, slices = "acquisition";
    bool allowMissing = false;
};

void reportMissing(const std::vector<std::string>& missing, bool allowed) {
    if (missing.empty()) return;
    for (std::size_t i = 0; i < std::min(missing.size(), kMissingShown); ++i) {
        std::cerr << core::printableForMessage(missing[i]) << ": in the list but in no shard CSV\n";
    }
    if (missing.size() > kMissingShown) std::cerr << "... and " << missing.size() - kMissingShown << " more\n";
    if (!allowed) {
        throw std::runtime_error(std::to_string(missing.size()) +
                                 " listed images are in no shard CSV (unreadable, or a shard missing); "
                                 "--allow-missing accepts that");
    }
}

void runMerge(const MergeOptions& options) {
    if (!options.out.empty()) {
        std::vector<std::string> inputs = options.inputs;
        if (!options.filesFrom.empty()) inputs.push_back(options.filesFrom);
        requireWritableFile(options.out, inputs);
    }
    std::vector<core::CsvDocument> documents;
    for (const std::string& input : options.inputs) documents.push_back({input, core::readWholeFile(input)});
    std::vector<std::string> expected;
    if (!options.filesFrom.empty()) {
        expected = core::expandImagePaths(core::readPathListFile(options.filesFrom), /*keepMissing=*/true,
                                          /*expandFrames=*/true, sliceAxesOption(options.slices));
    }
    const core::MergedScores merged = whileDoing("merging " + std::to_string(documents.size()) + " CSV files", [&] {
        return core::mergeScoreCsvs(documents, options.filesFrom.empty() ? nullptr : &expected);
    });
    reportMissing(merged.missing, options.allowMissing);
    writeOutput(options.out, merged.csv);
    std::cerr << "merged " << merged.rows << " images from " << documents.size() << " CSV files\n";
}

}  // namespace

void addMergeCommand(CLI::App& app) {
    auto options = std::make_shared<MergeOptions>();
    CLI::App* command = app.add_subcommand("merge", "Join the score CSVs of shards into one, each image exactly once");
    command->add_option("--out", options->out, "CSV file to write (default: standard output)");
    command->add_option("--files-from", options->filesFrom,
                        "The list the shards were made from: every image in it must be in one CSV");
    command->add_flag("--allow-missing", options->allowMissing,
                      "With --files-from: report listed images in no CSV (unreadable ones) instead of failing");
    addSlicesOption(command, options->slices);
    command->add_option("CSV", options->inputs, "Shard CSV files written by score --shard")->required();
    command->callback([options] { runMerge(*options); });
}

}  // namespace twinsight::cli
