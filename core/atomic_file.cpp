#include "core/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace twinsight::core {
namespace fs = std::filesystem;

namespace {

// A link is followed, so that the rename replaces the file it points to and the link itself stays.
fs::path resolvedTarget(const std::string& path) {
    std::error_code error;
    if (!fs::is_symlink(fs::symlink_status(path, error))) return path;
    const fs::path resolved = fs::weakly_canonical(path, error);
    if (error) throw std::runtime_error(path + ": cannot follow the link (" + error.message() + ")");
    return resolved;
}

// Writes and fsyncs `bytes` to `temporary`, so that after the rename a crash leaves the old file or the new one,
// never an empty one. Removes `temporary` and throws, naming `path`, when that fails.
void writeDurably(const fs::path& temporary, const std::string& bytes, const std::string& path) {
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0) throw std::runtime_error(path + ": cannot write (" + std::strerror(errno) + ")");
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t count = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (count < 0 && errno == EINTR) continue;
        if (count == 0) errno = EIO;  // write() made no progress and set no error
        if (count <= 0) break;
        written += static_cast<std::size_t>(count);
    }
    const bool complete = written == bytes.size() && ::fsync(fd) == 0;
    const int savedErrno = errno;
    ::close(fd);
    if (!complete) {
        std::error_code ignored;
        fs::remove(temporary, ignored);
        throw std::runtime_error(path + ": writing failed (" + std::strerror(savedErrno) + ")");
    }
}

}  // namespace

void writeFileAtomically(const std::string& path, const std::string& bytes) {
    const fs::path target = resolvedTarget(path);
    if (fs::is_directory(target)) throw std::runtime_error(path + ": is a folder, expected a file name");
    std::random_device entropy;
    const fs::path temporary =
        target.parent_path() / ("." + target.filename().string() + ".tmp" + std::to_string(entropy()));
    writeDurably(temporary, bytes, path);
    std::error_code error;
    const fs::file_status existing = fs::status(target, error);
    if (!error && fs::exists(existing)) fs::permissions(temporary, existing.permissions(), error);  // keep its mode
    error.clear();
    fs::rename(temporary, target, error);
    if (error) {
        fs::remove(temporary);
        throw std::runtime_error(path + ": cannot write (" + error.message() + ")");
    }
}

std::string readWholeFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path + ": cannot read (" + std::strerror(errno) + ")");
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

}  // namespace twinsight::core
