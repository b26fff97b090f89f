#pragma once
// Deterministic mutations of real files for the fuzz tests: each seed gives the same mutants on every machine, so a
// failure reproduces. Mutations are the damage files suffer in the wild and the edits a hostile user makes: cut
// short, bits flipped, bytes overwritten, length and size fields set to extremes, chunks deleted, repeated or
// inserted.

#include <cstdint>
#include <random>
#include <string>

namespace twinsight::testing {

enum class Mutation { Truncate, FlipBits, OverwriteBytes, ExtremeField, DeleteChunk, RepeatChunk, InsertBytes };
inline constexpr int kMutationKinds = 7;

class ByteMutator {
public:
    explicit ByteMutator(std::uint64_t seed) : m_random(seed) {}

    // One to three stacked mutations of `bytes`; offsets favour the first kilobyte, where headers live.
    std::string mutate(const std::string& bytes);
    // `bytes` with the single mutation `kind`.
    std::string apply(std::string bytes, Mutation kind);
    // The last mutation applied was a cut: the result is a prefix of the original.
    bool lastWasTruncation() const { return m_onlyTruncated; }

private:
    std::size_t offset(std::size_t size);
    int uniform(int low, int high);

    std::mt19937_64 m_random;
    bool m_onlyTruncated = false;
};

}  // namespace twinsight::testing
