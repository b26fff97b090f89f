#pragma once
// A file's extension as the decoders compare it: the first test of what kind of file a path names.

#include <string>

namespace twinsight::core {

// The file name's extension with its dot, in lower case (".cr2"); empty when there is none.
std::string lowerCaseExtension(const std::string& path);

}  // namespace twinsight::core
