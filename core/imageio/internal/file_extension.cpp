#include "core/imageio/internal/file_extension.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace twinsight::core {

std::string lowerCaseExtension(const std::string& path) {
    std::string extension = std::filesystem::path(path).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extension;
}

}  // namespace twinsight::core
