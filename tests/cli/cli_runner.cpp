#include "cli_runner.h"

#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "support/temp_folder.h"

namespace twinsight::testing {
namespace {

std::string shellQuote(const std::string& text) {
    std::string quoted = "'";
    for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

}  // namespace

std::string readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

int countLines(const std::string& text) {
    int lines = 0;
    for (char c : text) lines += c == '\n';
    return lines;
}

namespace {

CliResult run(const std::string& prefix, const std::string& program, const std::vector<std::string>& arguments,
              const std::string& workingFolder, const std::string& stdoutTarget) {
    TempFolder capture;
    std::string command = workingFolder.empty() ? "" : "cd " + shellQuote(workingFolder) + " && ";
    command += prefix + shellQuote(program);
    for (const std::string& argument : arguments) command += " " + shellQuote(argument);
    const std::string out = stdoutTarget.empty() ? capture.file("out") : stdoutTarget;
    command += " >" + shellQuote(out) + " 2>" + shellQuote(capture.file("err")) + " </dev/null";
    const int status = std::system(command.c_str());
    CliResult result;
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.out = readText(capture.file("out"));
    result.err = readText(capture.file("err"));
    return result;
}

}  // namespace

CliResult runCli(const std::vector<std::string>& arguments, const std::string& workingFolder) {
    return runProgram(TWINSIGHT_CLI_PATH, arguments, workingFolder);
}

CliResult runCliTimed(const std::vector<std::string>& arguments, int seconds, const std::string& stdoutTarget) {
    return run("timeout " + std::to_string(seconds) + " ", TWINSIGHT_CLI_PATH, arguments, {}, stdoutTarget);
}

CliResult runCliWithVariable(const std::string& variable, const std::string& value,
                             const std::vector<std::string>& arguments) {
    return run(variable + "=" + shellQuote(value) + " ", TWINSIGHT_CLI_PATH, arguments, {}, {});
}

CliResult runProgram(const std::string& program, const std::vector<std::string>& arguments,
                     const std::string& workingFolder) {
    return run({}, program, arguments, workingFolder, {});
}

}  // namespace twinsight::testing
