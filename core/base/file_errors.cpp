#include "core/base/file_errors.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <system_error>

namespace twinsight::core {
namespace fs = std::filesystem;
namespace {

std::string specialFileKind(fs::file_type type) {
    switch (type) {
        case fs::file_type::fifo: return "a FIFO";
        case fs::file_type::socket: return "a socket";
        case fs::file_type::character: return "a character device";
        case fs::file_type::block: return "a block device";
        default: return "not a file";
    }
}

}  // namespace

std::string notRegularFileReason(const std::string& path, const std::string& kind) {
    std::error_code error;
    const fs::file_status link = fs::symlink_status(path, error);
    if (link.type() == fs::file_type::not_found) return "file does not exist";
    const fs::file_status target = fs::status(path, error);
    if (fs::is_regular_file(target)) return {};
    if (error == std::errc::too_many_symbolic_link_levels) return "link loop";
    if (target.type() == fs::file_type::not_found) return fs::is_symlink(link) ? "dangling link" : "file does not exist";
    if (error == std::errc::permission_denied) return "cannot be read (permission denied)";
    if (error) return "cannot be read (" + error.message() + ")";
    if (fs::is_directory(target)) return "is a folder, not " + kind;
    return "not a regular file (" + specialFileKind(target.type()) + ")";
}

void requireRegularFile(const std::string& path, const std::string& kind) {
    const std::string reason = notRegularFileReason(path, kind);
    if (!reason.empty()) failForFile(path, reason);
}

void requireReadableFile(const std::string& path, const std::string& kind) {
    requireRegularFile(path, kind);
    std::error_code error;
    if (fs::file_size(path, error) == 0 && !error) failForFile(path, "empty file");
    if (::access(path.c_str(), R_OK) != 0) {
        failForFile(path, errno == EACCES ? std::string("cannot be read (permission denied)")
                                          : std::string("cannot be read (") + std::strerror(errno) + ")");
    }
}

void failForFile(const std::string& path, const std::string& reason) { throw std::runtime_error(path + ": " + reason); }

void checkMegapixels(const std::string& path, double width, double height, double maxMegapixels) {
    const double megapixels = width * height / 1e6;
    if (megapixels <= maxMegapixels) return;
    char reason[128];
    std::snprintf(reason, sizeof reason, "%.1f megapixels is over the %g megapixel limit", megapixels, maxMegapixels);
    failForFile(path, reason);
}

std::string printableForMessage(const std::string& text) {
    std::string printable;
    printable.reserve(text.size());
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x20 && byte != 0x7f) {
            printable += c;
        } else if (c == '\n') {
            printable += "\\n";
        } else if (c == '\r') {
            printable += "\\r";
        } else if (c == '\t') {
            printable += "\\t";
        } else {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\x%02x", byte);
            printable += escaped;
        }
    }
    return printable;
}

}  // namespace twinsight::core
