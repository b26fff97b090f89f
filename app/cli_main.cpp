// twinsight-cli: train, score and evaluate Twinsight models from the command line.

#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/cli_commands.h"
#include "cli/cli_support.h"
#include "cli/help_formatter.h"
#include "core/atomic_file.h"
#include "core/process_setup.h"
#include "twinsight_version.h"

int main(int argc, char** argv) {
    twinsight::core::ensurePassiveOpenMpWaiting(argv);
    twinsight::core::removeTemporaryFilesOnSignals();  // a signal during a write leaves no temporary file behind
    using namespace twinsight::cli;
    CLI::App app("Twinsight: annotation-free image quality inspector (command line)", "twinsight-cli");
    app.set_version_flag("--version", std::string("twinsight-cli ") + twinsight::kVersion);
    app.set_help_all_flag("--help-all", "Print the help of every command and exit");
    app.formatter(std::make_shared<HelpFormatter>());
    app.require_subcommand(1);
    addTransformsCommand(app);
    addSamplesCommand(app);
    addDegradeCommand(app);
    addTrainCommand(app);
    addScoreCommand(app);
    addMergeCommand(app);
    addSweepCommand(app);
    addEvalCommand(app);
    addDemoCommand(app);
    try {
        app.parse(argc, argv);
        checkStandardOutput();  // a command's output lost on a full disk is a failure, not a success
    } catch (const CLI::Success& request) {  // --help, --help-all, --version
        return app.exit(request);
    } catch (const CLI::ParseError& error) {
        std::cerr << "twinsight-cli: " << error.what() << " (see --help)\n";
        return 2;
    } catch (const UsageError& error) {
        std::cerr << "twinsight-cli: " << error.what() << "\n";
        return 2;
    } catch (const std::invalid_argument& error) {
        std::cerr << "twinsight-cli: " << error.what() << "\n";
        return 2;
    } catch (const std::exception& error) {
        std::cerr << "twinsight-cli: " << error.what() << "\n";
        return 1;
    }
    return 0;
}
