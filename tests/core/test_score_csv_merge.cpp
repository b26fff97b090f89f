#include <gtest/gtest.h>

#include "core/scoring/reports.h"
#include "core/scoring/score_csv_merge.h"
#include "core/scoring/sharding.h"

namespace twinsight::core {
namespace {

MultiModelScores exampleScores() {
    MultiModelScores scores;
    const std::vector<std::string> names = {"b.png", "a, \"quoted\".png", "c.dcm#10", "c.dcm#2", "line\nbreak.jpg"};
    for (std::size_t i = 0; i < names.size(); ++i) {
        scores.paths.push_back(names[i]);
        scores.estimates.push_back({{0.5 * double(i), 1.25 * double(i), i % 2 == 0}, {-double(i), 2.0, true}});
    }
    return scores;
}

MultiModelScores pick(const MultiModelScores& all, const std::vector<std::string>& names) {
    MultiModelScores part;
    for (std::size_t i = 0; i < all.paths.size(); ++i) {
        if (std::find(names.begin(), names.end(), all.paths[i]) == names.end()) continue;
        part.paths.push_back(all.paths[i]);
        part.estimates.push_back(all.estimates[i]);
    }
    return part;
}

TEST(MultiModelCsv, OneColumnSetPerModelAndFramesInNumberOrder) {
    const std::string csv = multiModelScoresCsv(exampleScores(), {"blur", "noise"});
    EXPECT_EQ(csv.rfind("path,score_blur,estimate_blur,in_range_blur,score_noise,estimate_noise,in_range_noise\n", 0),
              0U);
    EXPECT_LT(csv.find("c.dcm#2,"), csv.find("c.dcm#10,"));
    EXPECT_NE(csv.find("\"a, \"\"quoted\"\".png\",0.5,1.25,false,-1,2,true\n"), std::string::npos) << csv;
}

TEST(MultiModelCsv, OneModelKeepsTheSingleModelHeader) {
    MultiModelScores scores;
    scores.paths = {"x.png"};
    scores.estimates = {{{0.25, 1.5, true}}};
    EXPECT_EQ(multiModelScoresCsv(scores, {"blur"}), "path,score,estimate,in_range\nx.png,0.25,1.5,true\n");
    EXPECT_EQ(scoresCsv({{"x.png", {0.25, 1.5, true}, {}}}), multiModelScoresCsv(scores, {"blur"}));
}

TEST(ParseCsv, HandlesQuotesCommasAndLineBreaks) {
    const auto rows = parseCsv("a,\"b,\"\"c\"\"\nd\",e\r\n\"\",f\n", "t.csv");
    ASSERT_EQ(rows.size(), 2U);
    EXPECT_EQ(rows[0], (std::vector<std::string>{"a", "b,\"c\"\nd", "e"}));
    EXPECT_EQ(rows[1], (std::vector<std::string>{"", "f"}));
    EXPECT_THROW(parseCsv("a,\"open\n", "t.csv"), std::runtime_error);
    EXPECT_THROW(parseCsv("a,\"x\"y\n", "t.csv"), std::runtime_error);
}

TEST(MergeScoreCsvs, ShardsMergeIntoExactlyTheSingleRunCsv) {
    const MultiModelScores all = exampleScores();
    const std::vector<std::string> transforms = {"blur", "noise"};
    for (int count : {1, 2, 3, 7}) {
        std::vector<CsvDocument> documents;
        for (int index = 0; index < count; ++index) {
            const auto names = selectShard(all.paths, {index, count});
            documents.push_back({"shard" + std::to_string(index), multiModelScoresCsv(pick(all, names), transforms)});
        }
        const MergedScores merged = mergeScoreCsvs(documents, &all.paths);
        EXPECT_EQ(merged.csv, multiModelScoresCsv(all, transforms)) << count << " shards";
        EXPECT_EQ(merged.rows, all.paths.size());
        EXPECT_TRUE(merged.missing.empty());
    }
}

TEST(MergeScoreCsvs, AnImageInTwoShardsIsAnErrorNamingBoth) {
    const std::string csv = multiModelScoresCsv(exampleScores(), {"blur", "noise"});
    try {
        mergeScoreCsvs({{"one.csv", csv}, {"two.csv", csv}}, nullptr);
        FAIL();
    } catch (const std::runtime_error& error) {
        const std::string message = error.what();
        EXPECT_NE(message.find("scored twice"), std::string::npos) << message;
        EXPECT_NE(message.find("one.csv"), std::string::npos);
        EXPECT_NE(message.find("two.csv"), std::string::npos);
    }
}

TEST(MergeScoreCsvs, MissingImagesAreListedAndForeignOnesRefused) {
    const MultiModelScores all = exampleScores();
    const std::string part = multiModelScoresCsv(pick(all, {"b.png"}), {"blur", "noise"});
    const MergedScores merged = mergeScoreCsvs({{"part.csv", part}}, &all.paths);
    EXPECT_EQ(merged.rows, 1U);
    EXPECT_EQ(merged.missing.size(), all.paths.size() - 1);
    const std::vector<std::string> other = {"z.png"};
    EXPECT_THROW(mergeScoreCsvs({{"part.csv", part}}, &other), std::runtime_error);
}

TEST(MergeScoreCsvs, DifferentHeadersOrRowWidthsAreRefused) {
    const std::string a = "path,score,estimate,in_range\nx.png,1,2,true\n";
    const std::string b = "path,score_blur,estimate_blur,in_range_blur\ny.png,1,2,true\n";
    EXPECT_THROW(mergeScoreCsvs({{"a.csv", a}, {"b.csv", b}}, nullptr), std::runtime_error);
    EXPECT_THROW(mergeScoreCsvs({{"c.csv", "path,score,estimate,in_range\nx.png,1\n"}}, nullptr), std::runtime_error);
    EXPECT_THROW(mergeScoreCsvs({{"d.csv", "name,score\n"}}, nullptr), std::runtime_error);
    EXPECT_THROW(mergeScoreCsvs({}, nullptr), std::invalid_argument);
}

}  // namespace
}  // namespace twinsight::core
