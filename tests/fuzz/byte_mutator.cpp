#include "fuzz/byte_mutator.h"

#include <algorithm>
#include <array>

namespace twinsight::testing {
namespace {

// Values that break length and size arithmetic: zero, one, sign bits, all ones.
constexpr std::array<std::uint32_t, 8> kExtremes = {0u, 1u, 0x7Fu, 0xFFu, 0x7FFFu, 0xFFFFu, 0x7FFFFFFFu, 0xFFFFFFFFu};

void writeInteger(std::string& bytes, std::size_t at, std::uint32_t value, int width, bool bigEndian) {
    for (int i = 0; i < width && at + std::size_t(i) < bytes.size(); ++i) {
        const int shift = 8 * (bigEndian ? width - 1 - i : i);
        bytes[at + std::size_t(i)] = static_cast<char>((value >> shift) & 0xFF);
    }
}

}  // namespace

int ByteMutator::uniform(int low, int high) { return std::uniform_int_distribution<int>(low, high)(m_random); }

std::size_t ByteMutator::offset(std::size_t size) {
    if (size == 0) return 0;
    const std::size_t limit = uniform(0, 1) == 0 ? std::min<std::size_t>(size, 1024) : size;
    return std::uniform_int_distribution<std::size_t>(0, limit - 1)(m_random);
}

std::string ByteMutator::apply(std::string bytes, Mutation kind) {
    m_onlyTruncated = kind == Mutation::Truncate;
    if (bytes.empty()) return bytes;
    switch (kind) {
        case Mutation::Truncate:
            bytes.resize(std::uniform_int_distribution<std::size_t>(0, bytes.size() - 1)(m_random));
            break;
        case Mutation::FlipBits:
            for (int i = uniform(1, 4); i > 0; --i)
                bytes[offset(bytes.size())] ^= static_cast<char>(1 << uniform(0, 7));
            break;
        case Mutation::OverwriteBytes:
            for (int i = uniform(1, 16); i > 0; --i) bytes[offset(bytes.size())] = static_cast<char>(uniform(0, 255));
            break;
        case Mutation::ExtremeField:
            writeInteger(bytes, offset(bytes.size()), kExtremes[std::size_t(uniform(0, kExtremes.size() - 1))],
                         uniform(0, 1) == 0 ? 2 : 4, uniform(0, 1) == 0);
            break;
        case Mutation::DeleteChunk: {
            const std::size_t at = offset(bytes.size());
            bytes.erase(at, std::size_t(uniform(1, 256)));
            break;
        }
        case Mutation::RepeatChunk: {
            const std::size_t at = offset(bytes.size());
            bytes.insert(at, bytes.substr(at, std::size_t(uniform(1, 256))));
            break;
        }
        case Mutation::InsertBytes: {
            std::string noise(std::size_t(uniform(1, 64)), '\0');
            for (char& c : noise) c = static_cast<char>(uniform(0, 255));
            bytes.insert(offset(bytes.size()), noise);
            break;
        }
    }
    return bytes;
}

std::string ByteMutator::mutate(const std::string& bytes) {
    std::string mutant = bytes;
    bool truncatedOnly = true;
    for (int i = uniform(1, 3); i > 0; --i) {
        mutant = apply(std::move(mutant), static_cast<Mutation>(uniform(0, kMutationKinds - 1)));
        truncatedOnly = truncatedOnly && m_onlyTruncated;
    }
    m_onlyTruncated = truncatedOnly;
    return mutant;
}

}  // namespace twinsight::testing
