#pragma once
// Runs the real twinsight-cli binary and captures what it printed.

#include <string>
#include <vector>

namespace twinsight::testing {

struct CliResult {
    int exitCode = -1;
    std::string out;
    std::string err;
};

// Runs twinsight-cli with `arguments` (each shell-quoted), in `workingFolder` when given.
CliResult runCli(const std::vector<std::string>& arguments, const std::string& workingFolder = {});

// Runs twinsight-cli as above under `timeout SECONDS` (exit code 124 when it ran past them, so that a hang fails the
// test instead of stopping the suite), with standard output sent to `stdoutTarget` when one is given (/dev/full).
CliResult runCliTimed(const std::vector<std::string>& arguments, int seconds, const std::string& stdoutTarget = {});

// Runs twinsight-cli as runCli does, with `variable` set to `value` in its environment.
CliResult runCliWithVariable(const std::string& variable, const std::string& value,
                             const std::vector<std::string>& arguments);

// Runs any program (found on PATH) the same way, for tools that check what twinsight-cli wrote.
CliResult runProgram(const std::string& program, const std::vector<std::string>& arguments,
                     const std::string& workingFolder = {});

std::string readText(const std::string& path);
int countLines(const std::string& text);

}  // namespace twinsight::testing
