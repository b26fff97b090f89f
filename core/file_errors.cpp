#include "core/file_errors.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <stdexcept>

namespace twinsight::core {

void failForFile(const std::string& path, const std::string& reason) { throw std::runtime_error(path + ": " + reason); }

void checkMegapixels(const std::string& path, double width, double height, double maxMegapixels) {
    const double megapixels = width * height / 1e6;
    if (megapixels <= maxMegapixels) return;
    char reason[128];
    std::snprintf(reason, sizeof reason, "%.1f megapixels is over the %g megapixel limit", megapixels, maxMegapixels);
    failForFile(path, reason);
}

std::string lowerCaseExtension(const std::string& path) {
    std::string extension = std::filesystem::path(path).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extension;
}

}  // namespace twinsight::core
