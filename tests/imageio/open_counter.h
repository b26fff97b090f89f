#pragma once
// Counts how often each file under one folder is opened by this process: open, openat, fopen and their 64-bit and
// fortified forms are defined in the test executable (exported, so that the shared libraries behind the decoders,
// LibRaw, DCMTK, libjpeg, OpenCV and libstdc++ bind to them too) and forward to the C library's.

#include <map>
#include <string>

namespace twinsight::testing {

// Starts counting opens of paths that begin with `folder` (an absolute path ending in '/'); clears earlier counts.
void startCountingOpens(const std::string& folder);
// Stops counting and returns the opens since startCountingOpens, by path.
std::map<std::string, int> stopCountingOpens();

}  // namespace twinsight::testing
