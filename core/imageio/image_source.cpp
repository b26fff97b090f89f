#include "core/imageio/image_source.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <tuple>

#include "core/base/file_errors.h"

namespace twinsight::core {
namespace fs = std::filesystem;
namespace {

// Numbers beyond this many digits are not frame or slice numbers (they would overflow an int).
constexpr std::size_t kMaxNumberDigits = 9;

// The number made of text[begin, end): 1-9 digits, nothing else.
std::optional<int> numberIn(const std::string& text, std::size_t begin, std::size_t end) {
    if (end <= begin || end - begin > kMaxNumberDigits) return std::nullopt;
    for (std::size_t i = begin; i < end; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
    }
    return std::stoi(text.substr(begin, end - begin));
}

struct Suffix {
    std::size_t start = std::string::npos;  // the position of '#'
    ImageSource parts;                       // file left empty
};

// "#K", "#A:K" or "#t:T,A:K" (A one of x, y, z) at the end of `name`; start npos when there is none.
Suffix parseSuffix(const std::string& name) {
    Suffix suffix;
    const std::size_t hash = name.rfind('#');
    if (hash == std::string::npos || hash == 0) return suffix;
    if (const std::optional<int> frame = numberIn(name, hash + 1, name.size())) {
        suffix.start = hash;
        suffix.parts.frame = *frame;
        return suffix;
    }
    std::size_t slice = hash + 1;
    if (name.compare(slice, 2, "t:") == 0) {
        const std::size_t comma = name.find(',', slice);
        const std::optional<int> volume = comma == std::string::npos ? std::nullopt : numberIn(name, slice + 2, comma);
        if (!volume || *volume < 1) return suffix;
        suffix.parts.volume = *volume;
        slice = comma + 1;
    }
    if (slice + 2 > name.size() || name[slice + 1] != ':') return suffix;
    const char axis = name[slice];
    if (axis != 'x' && axis != 'y' && axis != 'z') return suffix;
    const std::optional<int> number = numberIn(name, slice + 2, name.size());
    if (!number) return suffix;
    suffix.start = hash;
    suffix.parts.axis = axis;
    suffix.parts.frame = *number;
    return suffix;
}

// (file, time point, axis, number, name): the name last so that "a#01" and "a#1" still have an order.
std::tuple<std::string, int, char, int, const std::string&> splitForOrder(const std::string& name) {
    const Suffix suffix = parseSuffix(name);
    if (suffix.start == std::string::npos) return {name, 0, 0, 0, name};
    return {name.substr(0, suffix.start), suffix.parts.volume, suffix.parts.axis, suffix.parts.frame, name};
}

}  // namespace

std::string ImageSource::suffix() const {
    if (frame < 1) return {};
    if (axis == 0) return "#" + std::to_string(frame);
    return volumeSliceName({}, axis, frame, volume);
}

ImageSource parseImageSource(const std::string& name) {
    const Suffix suffix = parseSuffix(name);
    if (suffix.start == std::string::npos || suffix.parts.frame < 1) return {name};
    std::error_code error;
    if (fs::exists(name, error)) return {name};
    ImageSource source = suffix.parts;
    source.file = name.substr(0, suffix.start);
    if (!fs::is_regular_file(source.file, error)) return {name};
    return source;
}

std::string imageSourceName(const std::string& file, int frame) {
    return frame >= 1 ? file + "#" + std::to_string(frame) : file;
}

std::string volumeSliceName(const std::string& file, char axis, int slice, int volume) {
    std::string name = file + "#";
    if (volume >= 1) name += "t:" + std::to_string(volume) + ",";
    return name + axis + ":" + std::to_string(slice);
}

SliceAxes parseSliceAxes(const std::string& text) {
    if (text == "acquisition") return SliceAxes::Acquisition;
    if (text == "all") return SliceAxes::All;
    SliceAxes axes = SliceAxes::Acquisition;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        const std::string axis = text.substr(start, comma - start);
        if (axis == "x") {
            axes = axes | SliceAxes::X;
        } else if (axis == "y") {
            axes = axes | SliceAxes::Y;
        } else if (axis == "z") {
            axes = axes | SliceAxes::Z;
        } else {
            throw std::invalid_argument("'" + printableForMessage(text) +
                                        "': expected x, y, z (or several: x,y), all or acquisition");
        }
        start = comma + 1;
    }
    return axes;
}

bool imageNameLess(const std::string& a, const std::string& b) { return splitForOrder(a) < splitForOrder(b); }

}  // namespace twinsight::core
