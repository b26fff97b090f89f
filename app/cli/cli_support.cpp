#include "cli/cli_support.h"

#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <new>
#include <opencv2/core.hpp>
#include <sstream>
#include <thread>

#include "core/base/atomic_file.h"
#include "core/base/file_errors.h"

namespace twinsight::cli {
namespace fs = std::filesystem;

namespace {

// The shortest text that reads back as `value` (1e+309 would not): for messages.
std::string numberText(double value) {
    std::ostringstream text;
    text << value;
    return text.str();
}

}  // namespace

int maxThreads() { return static_cast<int>(std::max(1U, std::thread::hardware_concurrency())); }

void requireInRange(const std::string& option, int value, int min, int max, const std::string& note) {
    if (value >= min && value <= max) return;
    throw UsageError(option + " must be " + std::to_string(min) + " to " + std::to_string(max) +
                     (note.empty() ? "" : " (" + note + ")") + ", got " + std::to_string(value));
}

void requireInRange(const std::string& option, double value, double min, double max) {
    if (std::isfinite(value) && value >= min && value <= max) return;
    throw UsageError(option + " must be " + numberText(min) + " to " + numberText(max) + ", got " + numberText(value));
}

CLI::Validator notNegative() {
    return CLI::Validator(
        [](std::string& text) {
            const std::size_t first = text.find_first_not_of(" \t");
            if (first != std::string::npos && text[first] == '-') {
                return "must not be negative, got " + core::printableForMessage(text);
            }
            return std::string();
        },
        "", "not negative");
}

std::string numberProblem(const std::string& text, double& value) {
    errno = 0;
    char* end = nullptr;
    value = std::strtod(text.c_str(), &end);
    const std::string shown = core::printableForMessage(text);
    if (text.empty() || end == text.c_str() || *end != '\0') return "'" + shown + "' is not a number";
    if (std::isnan(value)) return shown + " is not a number (NaN)";
    if (std::isinf(value) && errno == ERANGE) return shown + " is out of range (beyond 1.8e308, not finite)";
    if (std::isinf(value)) return shown + " is not finite";
    return {};  // an underflow (1e-400) reads as 0 or the nearest subnormal, as strtod gives it
}

core::Range parseRange(const std::string& text) {
    const auto colon = text.find(':', text.empty() ? 0 : 1);  // a leading '-' is a sign, not the separator
    const std::string expected = "expected MIN:MAX, two finite numbers, for example 0:5 or -30:30";
    const std::string named = "--range '" + core::printableForMessage(text) + "': ";
    if (colon == std::string::npos) throw UsageError(named + expected);
    core::Range range;
    for (const auto& [part, value] :
         {std::pair{text.substr(0, colon), &range.min}, std::pair{text.substr(colon + 1), &range.max}}) {
        const std::string problem = numberProblem(part, *value);
        if (!problem.empty()) throw UsageError(named + problem + "; " + expected);
    }
    return range;
}

void reportSkipped(const std::vector<core::SkippedFile>& skipped) {
    for (const core::SkippedFile& file : core::joinSkippedParts(skipped)) {
        std::cerr << core::printableForMessage(file.path) << ": " << core::printableForMessage(file.reason) << "\n";
    }
}

bool isOutOfMemory(const std::exception_ptr& error) {
    try {
        std::rethrow_exception(error);
    } catch (const std::bad_alloc&) {
        return true;
    } catch (const cv::Exception& exception) {
        return exception.code == cv::Error::StsNoMem;
    } catch (const std::runtime_error&) {
        return false;  // ours, and the decoders' "PATH: reason", which name the file themselves
    } catch (const std::logic_error&) {
        return false;
    } catch (const std::exception& exception) {  // c10::Error: LibTorch's CPU allocator and CUDA
        const std::string message = exception.what();
        return message.find("can't allocate memory") != std::string::npos ||
               message.find("out of memory") != std::string::npos;
    } catch (...) {
        return false;
    }
}

void rethrowNamingOutOfMemory(const std::string& what) {
    const std::exception_ptr error = std::current_exception();
    if (isOutOfMemory(error)) throw OutOfMemoryError("out of memory while " + what);
    std::rethrow_exception(error);
}

void requireWritableFile(const std::string& path, const std::vector<std::string>& inputs) {
    std::error_code error;
    for (const std::string& input : inputs) {
        if (fs::equivalent(path, input, error)) {
            throw UsageError("--out " + path + ": is also an input (" + input + "); write the output elsewhere");
        }
    }
    if (core::writesInPlace(path)) return;
    const fs::path target(path);
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    if (!fs::is_directory(folder, error)) {
        throw std::runtime_error(path + ": folder " + folder.string() + " does not exist");
    }
    if (access(folder.c_str(), W_OK) != 0) throw std::runtime_error(path + ": folder is not writable");
}

void addSlicesOption(CLI::App* command, std::string& slices) {
    command
        ->add_option("--slices", slices,
                     "NIfTI volumes: slices along x, y or z (several: x,y), all, or the acquisition's slice axis")
        ->capture_default_str();
}

core::SliceAxes sliceAxesOption(const std::string& slices) {
    try {
        return core::parseSliceAxes(slices);
    } catch (const std::invalid_argument& error) {
        throw UsageError(std::string("--slices ") + error.what());
    }
}

void requireOutputFolder(const std::string& path) {
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (fs::is_directory(status)) {
        if (access(path.c_str(), W_OK) != 0) throw std::runtime_error(path + ": folder is not writable");
        return;
    }
    if (fs::exists(status)) throw std::runtime_error(path + ": is not a folder");
    const std::string reason = core::notRegularFileReason(path);  // a dangling link or a loop, named as such
    if (reason != "file does not exist") throw std::runtime_error(path + ": " + reason);
    const fs::path target = fs::path(path).lexically_normal();
    const fs::path parent = target.has_parent_path() && target.has_filename() ? target.parent_path()
                            : target.has_parent_path()                        ? target.parent_path().parent_path()
                                                                              : fs::path(".");
    const fs::path folder = parent.empty() ? fs::path(".") : parent;
    if (!fs::is_directory(folder, error)) {
        throw std::runtime_error(path + ": folder " + folder.string() +
                                 " does not exist (only the last folder of --out is created)");
    }
    if (access(folder.c_str(), W_OK) != 0)
        throw std::runtime_error(path + ": folder " + folder.string() + " is not writable");
}

void writeOutput(const std::string& path, const std::string& text) {
    if (path.empty()) {
        std::cout << text;
        checkStandardOutput();
        return;
    }
    core::writeFileAtomically(path, text);
}

void checkStandardOutput() {
    errno = 0;
    std::cout.flush();
    const bool lost = !std::cout || std::fflush(stdout) != 0 || std::ferror(stdout) != 0;
    if (!lost) return;
    const std::string reason =
        errno != 0 ? std::string(" (") + std::strerror(errno) + ")" : "";  // gone if flushed before
    throw std::runtime_error("standard output: writing failed" + reason);
}

core::TrainedModel loadModel(const std::string& path, const std::string& device) {
    return core::TrainedModel::load(path, device);  // which names a FIFO, a dangling link or a loop as such
}

}  // namespace twinsight::cli
