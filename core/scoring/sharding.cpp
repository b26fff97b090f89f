#include "core/scoring/sharding.h"

#include <fstream>
#include <iostream>
#include <stdexcept>

#include "core/base/atomic_file.h"
#include "core/base/file_errors.h"

namespace twinsight::core {
namespace {

// Strictly a non-negative decimal integer that fits an int: "K/N" parts must not be "+1", " 2" or "1e3".
bool parseCount(const std::string& text, int& value) {
    if (text.empty() || text.size() > 9) return false;
    for (char c : text) {
        if (c < '0' || c > '9') return false;
    }
    value = std::stoi(text);
    return true;
}

}  // namespace

ShardSpec parseShardSpec(const std::string& text) {
    const std::size_t slash = text.find('/');
    ShardSpec shard;
    if (slash == std::string::npos || !parseCount(text.substr(0, slash), shard.index) ||
        !parseCount(text.substr(slash + 1), shard.count)) {
        throw std::invalid_argument("--shard '" + text + "': expected K/N, for example 0/4 (shards are 0 .. N-1)");
    }
    if (shard.count < 1) throw std::invalid_argument("--shard '" + text + "': N must be at least 1");
    if (shard.index >= shard.count) {
        throw std::invalid_argument("--shard '" + text + "': K must be 0 .. " + std::to_string(shard.count - 1) +
                                    " (shards are numbered from 0)");
    }
    return shard;
}

std::vector<std::string> selectShard(const std::vector<std::string>& items, const ShardSpec& shard) {
    if (shard.count < 1 || shard.index < 0 || shard.index >= shard.count) {
        throw std::invalid_argument("shard " + std::to_string(shard.index) + "/" + std::to_string(shard.count) +
                                    " is not a valid shard");
    }
    std::vector<std::string> selected;
    for (std::size_t i = static_cast<std::size_t>(shard.index); i < items.size();
         i += static_cast<std::size_t>(shard.count)) {
        selected.push_back(items[i]);
    }
    return selected;
}

std::vector<std::string> readPathList(std::istream& in, const std::string& source) {
    std::vector<std::string> paths;
    std::string line;
    for (int lineNumber = 1; std::getline(in, line); ++lineNumber) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find('\0') != std::string::npos) {
            throw std::runtime_error(source + ": line " + std::to_string(lineNumber) +
                                     " holds a NUL byte; expected one path per line");
        }
        if (!line.empty()) paths.push_back(line);
    }
    if (in.bad()) throw std::runtime_error(source + ": cannot be read");
    return paths;
}

std::vector<std::string> readPathListFile(const std::string& path) {
    if (path == "-") return readPathList(std::cin, "standard input");
    // A process substitution (--files-from <(find ...)) hands over a pipe already open as /dev/fd/N, its writer
    // running: read it. A named FIFO on disk may have no writer, and opening it would block.
    if (standardStreamDescriptor(path) < 0) requireRegularFile(path, "a list of files");
    std::ifstream in(path);
    if (!in) throw std::runtime_error(path + ": cannot open the list of files");
    return readPathList(in, path);
}

}  // namespace twinsight::core
