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
// be written. The temporary file is `.NAME.tmpDIGITS` beside the target; one left there for over a minute by a run
// that was killed (SIGKILL, a power cut) is removed first, while a fresh one (another run writing now) is kept.
// Test hook: with TWINSIGHT_TEST_PAUSE_BEFORE_RENAME=SECONDS in the environment, the writer sleeps that long between
// writing the temporary file and renaming it, so that a test can signal it in the middle of a write.
void writeFileAtomically(const std::string& path, const std::string& bytes);

// Removes `.NAME.tmpDIGITS` files beside `target` (NAME its file name) older than `maximumAgeSeconds`; others,
// and files of other names, stay. Errors are ignored: a stale file only costs disk space.
void removeStaleTemporaryFiles(const std::string& target, int maximumAgeSeconds = 60);

// Installs handlers for SIGINT, SIGTERM and SIGHUP (those not ignored, as nohup ignores SIGHUP) that remove the
// temporary files being written at that moment, then end the program by the same signal (its default action), so
// that the exit status still tells the signal. Async-signal-safe: the handler only unlinks registered names.
// A command that handles SIGINT itself (train's cancel) restores these handlers when it is done.
void removeTemporaryFilesOnSignals();

// Reads a whole regular file (a FIFO is refused, never opened); throws std::runtime_error naming the path when it
// cannot be read.
std::string readWholeFile(const std::string& path);

}  // namespace twinsight::core
