#pragma once
// Writes that never leave a partial file: the bytes go to a temporary file beside the target, then a rename.
// Streams are written in place instead: a FIFO, a character device (/dev/null, a terminal) and a standard stream
// (/dev/stdout, /dev/fd/N) are never replaced by a regular file.

#include <string>

namespace twinsight::core {

// True when `path` is one of the streams above, written in place (a FIFO's write waits for its reader); false for a
// regular file or a new name. Throws std::runtime_error naming the path for a folder, a link that cannot be followed
// and anything else that is not a regular file (a block device, a socket): those are never written.
bool writesInPlace(const std::string& path);

// The descriptor a standard stream's name stands for (/dev/stdout: 1, /dev/stderr: 2, /dev/fd/3 and
// /proc/self/fd/3: 3), or -1 for any other name.
int standardStreamDescriptor(const std::string& path);

// Writes `bytes` to `path` atomically (a stream in place). Throws std::runtime_error naming the path when it cannot
// be written.
void writeFileAtomically(const std::string& path, const std::string& bytes);

// Reads a whole regular file (a FIFO is refused, never opened); throws std::runtime_error naming the path when it
// cannot be read.
std::string readWholeFile(const std::string& path);

}  // namespace twinsight::core
