#pragma once
// The subcommands of twinsight-cli; each adds itself to the application with its options and its action.

#include <CLI/CLI.hpp>

namespace twinsight::cli {

void addTransformsCommand(CLI::App& app);
void addSamplesCommand(CLI::App& app);
void addDegradeCommand(CLI::App& app);
void addTrainCommand(CLI::App& app);
void addScoreCommand(CLI::App& app);
void addMergeCommand(CLI::App& app);
void addReportCommand(CLI::App& app);
void addSweepCommand(CLI::App& app);
void addEvalCommand(CLI::App& app);
void addDemoCommand(CLI::App& app);

}  // namespace twinsight::cli
