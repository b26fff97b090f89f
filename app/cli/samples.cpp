// `samples`: the built-in sample scenes written as PNG files.

#include <iostream>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "core/samples/sample_scenes.h"

namespace twinsight::cli {

void addSamplesCommand(CLI::App& app) {
    struct Options {
        std::string out;
        int count = 60;
        std::uint64_t seed = 1;
    };
    auto options = std::make_shared<Options>();
    CLI::App* command = app.add_subcommand("samples", "Write the built-in sample scenes as PNG files");
    command->add_option("--out", options->out, "Folder to write into (created if missing; its parent must exist)")
        ->required();
    command->add_option("--count", options->count, "Number of scenes (at most 10000)")->capture_default_str();
    command->add_option("--seed", options->seed, "Scene family (0 or more)")
        ->check(notNegative())
        ->capture_default_str();
    command->callback([options] {
        requireInRange("--count", options->count, 1, kMaxSampleCount);
        requireOutputFolder(options->out);
        const auto paths = whileDoing("painting " + std::to_string(options->count) + " sample scenes", [&] {
            return core::writeSampleScenes(options->out, options->count, options->seed);
        });
        std::cout << "wrote " << paths.size() << " scenes to " << options->out << "\n";
    });
}

}  // namespace twinsight::cli
