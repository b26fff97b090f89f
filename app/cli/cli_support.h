#pragma once
// Shared pieces of the command-line tool: its error kinds and the checks every command makes of its arguments.

#include <stdexcept>
#include <string>

#include "core/transform.h"

namespace twinsight::cli {

// A mistake in how the tool was called: exit code 2. Every other failure exits with 1.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// "MIN:MAX" -> Range; throws UsageError naming the text.
core::Range parseRange(const std::string& text);

// Throws std::runtime_error naming the path unless a file can be created there (its folder exists and is
// writable, and it is not a folder). Checked before long work so that a typo does not cost a training run.
void requireWritableFile(const std::string& path);

// Writes `text` to `path` atomically when a path is given, else to standard output.
void writeOutput(const std::string& path, const std::string& text);

}  // namespace twinsight::cli
