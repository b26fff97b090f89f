#include "core/imageio/image_source.h"

#include <cctype>
#include <filesystem>
#include <tuple>

namespace twinsight::core {
namespace fs = std::filesystem;
namespace {

// Frame numbers beyond this many digits are not frame numbers (they would overflow an int).
constexpr std::size_t kMaxFrameDigits = 9;

// The position of '#' that starts a frame suffix ("#" then 1-9 digits), or npos.
std::size_t frameSuffixStart(const std::string& name) {
    const std::size_t hash = name.rfind('#');
    if (hash == std::string::npos || hash == 0) return std::string::npos;
    const std::size_t digits = name.size() - hash - 1;
    if (digits == 0 || digits > kMaxFrameDigits) return std::string::npos;
    for (std::size_t i = hash + 1; i < name.size(); ++i) {
        if (!std::isdigit(static_cast<unsigned char>(name[i]))) return std::string::npos;
    }
    return hash;
}

// (file, frame, name): the name last so that "a#01" and "a#1" still have an order.
std::tuple<std::string, int, const std::string&> splitForOrder(const std::string& name) {
    const std::size_t hash = frameSuffixStart(name);
    if (hash == std::string::npos) return {name, 0, name};
    return {name.substr(0, hash), std::stoi(name.substr(hash + 1)), name};
}

}  // namespace

ImageSource parseImageSource(const std::string& name) {
    const std::size_t hash = frameSuffixStart(name);
    if (hash == std::string::npos) return {name, 0};
    std::error_code error;
    if (fs::exists(name, error)) return {name, 0};
    const std::string file = name.substr(0, hash);
    if (!fs::is_regular_file(file, error)) return {name, 0};
    const int frame = std::stoi(name.substr(hash + 1));
    return frame >= 1 ? ImageSource{file, frame} : ImageSource{name, 0};
}

std::string imageSourceName(const std::string& file, int frame) {
    return frame >= 1 ? file + "#" + std::to_string(frame) : file;
}

bool imageNameLess(const std::string& a, const std::string& b) { return splitForOrder(a) < splitForOrder(b); }

}  // namespace twinsight::core
