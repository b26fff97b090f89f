// Mutated score CSVs through merge's parser and mutated XMP sidecars through the sidecar merge: each ends in a result
// that is itself readable, or in a one-line refusal naming the document.
#include <gtest/gtest.h>

#include <array>
#include <random>
#include <string_view>

#include "core/scoring/file_scoring.h"
#include "core/scoring/reports.h"
#include "core/scoring/score_csv_merge.h"
#include "core/sidecars/xmp_sidecar.h"
#include "fuzz/byte_mutator.h"
#include "fuzz/fuzz_outcome.h"
#include "support/xmp_samples.h"

namespace twinsight::testing {
namespace {

constexpr int kCsvMutants = 1500;
constexpr int kXmpMutants = 600;

// The pieces of text that matter to a CSV or XML parser, inserted where the byte mutations rarely put them.
constexpr std::array<std::string_view, 14> kCsvTokens = {
    ",", "\"", "\"\"", "\n", "\r\n", "\r", "nan", "abc", "1e999", "-", "true", std::string_view("\0", 1), "path", "#"};
constexpr std::array<std::string_view, 10> kXmlTokens = {
    "<", ">", "/>", "\"", "&", "&amp;", "<![CDATA[", "xmlns:a=\"\"", "<rdf:li>", "</rdf:Description>"};

template <std::size_t N>
std::string withToken(std::string text, const std::array<std::string_view, N>& tokens, std::mt19937_64& random) {
    const std::size_t at = std::uniform_int_distribution<std::size_t>(0, text.size())(random);
    const std::size_t pick = std::uniform_int_distribution<std::size_t>(0, N - 1)(random);
    text.insert(at, tokens[pick]);
    return text;
}

core::MultiModelScores shardScores(int first, int count) {
    core::MultiModelScores scores;
    for (int i = first; i < first + count; ++i) {
        scores.paths.push_back("photo, \"" + std::to_string(i) + "\".jpg");
        scores.estimates.push_back({{0.25 * i, 1.5 * i, i % 3 != 0}, {-0.5 * i, 2.0, true}});
    }
    return scores;
}

TEST(Fuzz, MutatedScoreCsvsMergeIntoReadableCsvOrAreRefusedNamingTheShard) {
    const std::vector<std::string> transforms = {"blur", "noise"};
    const std::string first = core::multiModelScoresCsv(shardScores(0, 6), transforms);
    const std::string second = core::multiModelScoresCsv(shardScores(6, 6), transforms);
    std::vector<std::string> expected = shardScores(0, 12).paths;
    ByteMutator mutator(51);
    std::mt19937_64 random(52);
    FuzzTally tally;
    for (int i = 0; i < kCsvMutants; ++i) {
        const std::string mutant = i % 2 == 0 ? mutator.mutate(first) : withToken(first, kCsvTokens, random);
        const std::string name = "CSV mutant " + std::to_string(i);
        fuzzOne(
            tally, "shard_a.csv", name,
            [&] {
                const core::MergedScores merged = core::mergeScoreCsvs(
                    {{"shard_a.csv", mutant}, {"shard_b.csv", second}}, i % 3 == 0 ? nullptr : &expected);
                const auto rows = core::parseCsv(merged.csv, "merged");
                ASSERT_FALSE(rows.empty()) << name;
                EXPECT_EQ(rows.size(), merged.rows + 1) << name;
                for (const auto& row : rows) EXPECT_EQ(row.size(), rows.front().size()) << name;
            },
            Quoting::InputValues);
    }
    EXPECT_GT(tally.results, 0);
    EXPECT_GT(tally.refusals, kCsvMutants / 4);
}

TEST(Fuzz, MutatedSidecarsMergeIntoReadableXmpOrAreRefusedNamingTheSidecar) {
    core::XmpUpdate update;
    update.rating = 2;
    update.flagged = true;
    update.scores = {{"blur", 0.75, 3.0, "px"}};
    core::XmpUpdate later;
    later.rating = 4;
    later.scores = {{"noise", 0.125, 5.0, "sigma"}};
    const std::vector<std::string> originals = {kDarktableSidecar, core::mergeXmpPacket("", update, "fresh.xmp")};
    ByteMutator mutator(61);
    std::mt19937_64 random(62);
    FuzzTally tally;
    for (int i = 0; i < kXmpMutants; ++i) {
        const std::string& original = originals[std::size_t(i) % originals.size()];
        const std::string mutant = i % 4 < 2 ? mutator.mutate(original) : withToken(original, kXmlTokens, random);
        const std::string name = "XMP mutant " + std::to_string(i);
        fuzzOne(tally, "fuzz.xmp", name, [&] {
            const std::string merged = core::mergeXmpPacket(mutant, update, "fuzz.xmp");
            EXPECT_NE(merged.find("twinsight:BlurScore"), std::string::npos) << name;
            // What Twinsight wrote is itself a sidecar it can merge into again.
            const std::string again = core::mergeXmpPacket(merged, later, "again.xmp");
            EXPECT_NE(again.find("twinsight:NoiseScore"), std::string::npos) << name;
        });
    }
    EXPECT_GT(tally.results, 0);
    EXPECT_GT(tally.refusals, 0);
}

}  // namespace
}  // namespace twinsight::testing
