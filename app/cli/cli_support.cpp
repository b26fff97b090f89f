#include "cli/cli_support.h"

#include <unistd.h>

#include <filesystem>
#include <iostream>

#include "core/atomic_file.h"

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

void requireWritableFile(const std::string& path) {
    const fs::path target(path);
    if (fs::is_directory(target)) throw std::runtime_error(path + ": is a folder, expected a file name");
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    if (!fs::is_directory(folder)) throw std::runtime_error(path + ": folder " + folder.string() + " does not exist");
    if (access(folder.c_str(), W_OK) != 0) throw std::runtime_error(path + ": folder is not writable");
}

void writeOutput(const std::string& path, const std::string& text) {
    if (path.empty()) {
        std::cout << text << std::flush;
        return;
    }
    core::writeFileAtomically(path, text);
}

}  // namespace twinsight::cli
