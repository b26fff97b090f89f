#pragma once
// The 64-bit FNV-1a hash that model files carry over their header and weights: fast, and enough to tell a damaged
// file from a whole one (not a defence against forgery).

#include <cstdint>
#include <string>

namespace twinsight::core {

inline std::uint64_t fnv1a(const std::string& bytes) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (unsigned char byte : bytes) hash = (hash ^ byte) * 0x100000001b3ULL;
    return hash;
}

}  // namespace twinsight::core
