#include "cli/cli_support.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "core/atomic_file.h"
#include "core/file_errors.h"

namespace twinsight::cli {
namespace fs = std::filesystem;

core::Range parseRange(const std::string& text) {
    const auto colon = text.find(':', text.empty() ? 0 : 1);  // a leading '-' is a sign, not the separator
    try {
        if (colon == std::string::npos) throw std::invalid_argument(text);
        std::size_t usedMin = 0, usedMax = 0;
        const std::string minText = text.substr(0, colon), maxText = text.substr(colon + 1);
        const double min = std::stod(minText, &usedMin);
        const double max = std::stod(maxText, &usedMax);
        if (usedMin != minText.size() || usedMax != maxText.size()) throw std::invalid_argument(text);
        return {min, max};
    } catch (const std::exception&) {
        throw UsageError("--range '" + text + "': expected MIN:MAX, for example 0:5 or -30:30");
    }
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
