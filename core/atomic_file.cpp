#include "core/atomic_file.h"

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

}  // namespace

void writeFileAtomically(const std::string& path, const std::string& bytes) {
    const fs::path target = resolvedTarget(path);
    if (fs::is_directory(target)) throw std::runtime_error(path + ": is a folder, expected a file name");
    std::random_device entropy;
    const fs::path temporary =
        target.parent_path() / ("." + target.filename().string() + ".tmp" + std::to_string(entropy()));
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) throw std::runtime_error(path + ": cannot write (" + std::strerror(errno) + ")");
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.flush();
        if (!out) {
            out.close();
            fs::remove(temporary);
            throw std::runtime_error(path + ": writing failed (disk full?)");
        }
    }
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
