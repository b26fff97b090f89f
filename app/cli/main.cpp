// twinsight-cli: train, score and evaluate Twinsight models from the command line.

#include <CLI/CLI.hpp>
#include <cctype>
#include <iostream>
#include <string>
#include <vector>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "cli/help_formatter.h"
#include "core/base/atomic_file.h"
#include "core/base/file_errors.h"
#include "core/base/process_setup.h"
#include "twinsight_version.h"

namespace {

// One line on standard error, whatever the message holds: a trailing line break (OpenCV's) is dropped and control
// characters from file names or values are escaped.
int fail(const std::string& message, int code, const char* suffix = "") {
    std::string text = message;
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.pop_back();
    std::cerr << "twinsight-cli: " << twinsight::core::printableForMessage(text) << suffix << "\n";
    return code;
}

// The command that was running, for an allocation failure no command named more closely.
std::string runningCommand(const CLI::App& app) {
    const auto commands = app.get_subcommands();
    return commands.empty() ? "starting" : "running " + commands.front()->get_name();
}

}  // namespace

int main(int argc, char** argv) {
    twinsight::core::preferPassiveOpenMpWaiting();  // before LibTorch loads with the first network
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
    addReportCommand(app);
    addSweepCommand(app);
    addEvalCommand(app);
    addDemoCommand(app);
    try {
        app.parse(argc, argv);
        checkStandardOutput();               // a command's output lost on a full disk is a failure, not a success
    } catch (const CLI::Success& request) {  // --help, --help-all, --version
        return app.exit(request);
    } catch (const CLI::ParseError& error) {
        return fail(error.what(), 2, " (see --help)");
    } catch (const UsageError& error) {
        return fail(error.what(), 2);
    } catch (const std::invalid_argument& error) {
        return fail(error.what(), 2);
    } catch (const OutOfMemoryError& error) {
        return fail(error.what(), 1);
    } catch (const std::exception& error) {
        if (isOutOfMemory(std::current_exception())) return fail("out of memory while " + runningCommand(app), 1);
        return fail(error.what(), 1);
    } catch (...) {
        return fail("unexpected error while " + runningCommand(app), 1);
    }
    return 0;
}
