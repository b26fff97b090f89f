#pragma once
// Writes that never leave a partial file: the bytes go to a temporary file beside the target, then a rename.

#include <string>

namespace twinsight::core {

// Writes `bytes` to `path` atomically. Throws std::runtime_error naming the path when it cannot be written.
void writeFileAtomically(const std::string& path, const std::string& bytes);

// Reads a whole file; throws std::runtime_error naming the path when it cannot be read.
std::string readWholeFile(const std::string& path);

}  // namespace twinsight::core
