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

// Runs any program (found on PATH) the same way, for tools that check what twinsight-cli wrote.
CliResult runProgram(const std::string& program, const std::vector<std::string>& arguments,
                     const std::string& workingFolder = {});

std::string readText(const std::string& path);
int countLines(const std::string& text);

}  // namespace twinsight::testing
