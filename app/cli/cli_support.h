#pragma once
// Shared pieces of the command-line tool: its error kinds and the checks every command makes of its arguments.

#include <CLI/CLI.hpp>
#include <exception>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/degrade/transform.h"
#include "core/imageio/image_loading.h"
#include "core/model/trained_model.h"

namespace twinsight::cli {

// A mistake in how the tool was called: exit code 2. Every other failure exits with 1.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// An allocation failure, reported as "out of memory while WHAT": exit code 1.
class OutOfMemoryError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The largest value each numeric option takes, far beyond any real use; checked before any work, so that a typo
// (--levels 1000000000) is a one-line usage error instead of gigabytes and minutes. README lists them.
inline constexpr int kMaxLevels = 1000;          // sweep, eval --levels
inline constexpr int kMaxBatch = 4096;           // train --batch
inline constexpr int kMaxSteps = 1000000;        // train --steps (--thorough trains three times as many)
inline constexpr int kMaxCliWorkingSize = 4096;  // train, degrade --working-size, px (model files allow more)
// train --input-size: core::kMinInputSize to core::kMaxInputSize, the bounds a model file is loaded with
inline constexpr int kMaxSampleCount = 10000;    // samples --count
inline constexpr double kMaxLearningRate = 1.0;  // train --learning-rate
inline constexpr double kMaxLinearity = 100.0;   // train --linearity

// train --threads: at most the cores (std::thread::hardware_concurrency, 1 when it cannot tell).
int maxThreads();

// Throws UsageError("OPTION must be MIN to MAX, got VALUE") unless MIN <= value <= MAX; `note` follows MAX
// ("0 to 2 (the cores)").
void requireInRange(const std::string& option, int value, int min, int max, const std::string& note = {});

// The same for a real number, which must also be finite ("--linearity must be 0 to 100, got nan").
void requireInRange(const std::string& option, double value, double min, double max);

// A CLI11 check for unsigned options (seeds): refuses a negative number, which the conversion would wrap to
// 18446744073709551615.
CLI::Validator notNegative();

// Reads `text` as a whole finite number into `value`: empty then, else what is wrong, naming the text ("'abc' is not
// a number", "inf is not finite", "1e309 is out of range (beyond 1.8e308, not finite)", "nan is not a number (NaN)").
std::string numberProblem(const std::string& text, double& value);

// "MIN:MAX" -> Range; throws UsageError naming the text (both finite numbers, MIN < MAX is checked later by the
// transformation against its valid range).
core::Range parseRange(const std::string& text);

// One "path: reason" line per skipped file on standard error (one for a volume's or multi-frame file's parts
// that fail alike), control characters escaped.
void reportSkipped(const std::vector<core::SkippedFile>& skipped);

// True when `error` is an allocation failure: std::bad_alloc, OpenCV's insufficient memory, LibTorch's or CUDA's
// "can't allocate memory" / "out of memory".
bool isOutOfMemory(const std::exception_ptr& error);

// Inside a catch block: throws OutOfMemoryError("out of memory while WHAT") when the exception being handled is an
// allocation failure, else rethrows it unchanged.
[[noreturn]] void rethrowNamingOutOfMemory(const std::string& what);

// Runs `work()`, naming `what` it was doing should it run out of memory ("scoring 120 images").
template <typename Work>
decltype(auto) whileDoing(const std::string& what, Work&& work) {
    try {
        return work();
    } catch (const OutOfMemoryError&) {
        throw;  // already names what failed, further in
    } catch (...) {
        rethrowNamingOutOfMemory(what);
    }
}

// Throws std::runtime_error naming the path unless a file can be created there (its folder exists and is
// writable, and it is not a folder) or it is a stream written in place (a FIFO, /dev/null, /dev/stdout); throws
// UsageError when it is one of the command's `inputs`. Checked before long work so that a typo does not cost a
// training run.
void requireWritableFile(const std::string& path, const std::vector<std::string>& inputs = {});

// Adds --slices to a command that reads images: which slices of NIfTI volumes become images.
void addSlicesOption(CLI::App* command, std::string& slices);

// The --slices text as axes; throws UsageError naming it.
core::SliceAxes sliceAxesOption(const std::string& slices);

// A folder to write files into (samples --out): one that exists, or a new one whose parent folder exists (created
// then, that one level only: a typo never creates a whole path). Throws std::runtime_error naming the path.
void requireOutputFolder(const std::string& path);

// Writes `text` to `path` atomically when a path is given, else to standard output.
void writeOutput(const std::string& path, const std::string& text);

// Flushes standard output; throws std::runtime_error when anything written to it was lost (a full disk,
// /dev/full, a closed descriptor).
void checkStandardOutput();

// core::TrainedModel::load, after refusing by name a model path that is there but no regular file (a FIFO would
// block the load, a dangling link or a loop would read as "not found").
core::TrainedModel loadModel(const std::string& path, const std::string& device = "auto");

}  // namespace twinsight::cli
