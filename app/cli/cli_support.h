#pragma once
// Shared pieces of the command-line tool: its error kinds and the checks every command makes of its arguments.

#include <stdexcept>
#include <string>
#include <vector>

#include "core/trained_model.h"
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
// writable, and it is not a folder) or it is a stream written in place (a FIFO, /dev/null, /dev/stdout); throws
// UsageError when it is one of the command's `inputs`. Checked before long work so that a typo does not cost a
// training run.
void requireWritableFile(const std::string& path, const std::vector<std::string>& inputs = {});

// Writes `text` to `path` atomically when a path is given, else to standard output.
void writeOutput(const std::string& path, const std::string& text);

// Flushes standard output; throws std::runtime_error when anything written to it was lost (a full disk,
// /dev/full, a closed descriptor).
void checkStandardOutput();

// core::TrainedModel::load, after refusing by name a model path that is there but no regular file (a FIFO would
// block the load, a dangling link or a loop would read as "not found").
core::TrainedModel loadModel(const std::string& path, const std::string& device = "auto");

}  // namespace twinsight::cli
