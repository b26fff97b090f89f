#pragma once
// What every decoder says about one file, in the same words: "PATH: reason" messages, the megapixel limit, and the
// extension test they all start from.

#include <string>

namespace twinsight::core {

// Throws std::runtime_error("PATH: reason"): a list of skipped files then reads like a log.
[[noreturn]] void failForFile(const std::string& path, const std::string& reason);

// Throws "PATH: 120.0 megapixels is over the 100 megapixel limit" when width x height is over `maxMegapixels`.
void checkMegapixels(const std::string& path, double width, double height, double maxMegapixels);

// The file name's extension with its dot, in lower case (".cr2"); empty when there is none.
std::string lowerCaseExtension(const std::string& path);

}  // namespace twinsight::core
