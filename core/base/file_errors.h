#pragma once
// What every decoder says about one file, in the same words: "PATH: reason" messages, the readability checks they
// all start from, and the megapixel limit.

#include <string>

namespace twinsight::core {

// Throws std::runtime_error("PATH: reason"): a list of skipped files then reads like a log.
[[noreturn]] void failForFile(const std::string& path, const std::string& reason);

// Why `path` cannot be read as a file, from its metadata alone (a FIFO or a device is never opened, so nothing
// hangs): empty for a regular file or a link to one; else "file does not exist", "dangling link", "link loop",
// "is a folder, not KIND", "not a regular file (a FIFO)" (socket, device, ...) or "cannot be read (reason)".
std::string notRegularFileReason(const std::string& path, const std::string& kind = "a file");

// failForFile(path, notRegularFileReason(path, kind)) unless `path` is a regular file or a link to one.
void requireRegularFile(const std::string& path, const std::string& kind = "a file");

// requireRegularFile, then "PATH: empty file", or "PATH: cannot be read (permission denied)" (or the system's
// reason) when this process may not read it: the checks every decoder starts with, made without opening the file,
// so that the decoder's own open is the only one.
void requireReadableFile(const std::string& path, const std::string& kind = "an image file");

// Throws "PATH: 120.0 megapixels is over the 100 megapixel limit" when width x height is over `maxMegapixels`.
void checkMegapixels(const std::string& path, double width, double height, double maxMegapixels);

// `text` with its control characters escaped: \n, \r and \t as such, other bytes below 0x20 and 0x7f as \xNN, so
// that a message naming a hostile file name ("a\nb.png") stays one line. Every other byte, a backslash included, is
// kept: escaping twice changes nothing.
std::string printableForMessage(const std::string& text);

}  // namespace twinsight::core
