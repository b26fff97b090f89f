#include <gtest/gtest.h>

#include "core/sidecars/sidecar_ratings.h"

namespace twinsight::core {
namespace {

ModelMetadata modelOf(const std::string& transform, Range range, const std::string& unit) {
    ModelMetadata metadata;
    metadata.transform = transform;
    metadata.range = range;
    metadata.unit = unit;
    return metadata;
}

TEST(StarRating, FiveStarsUnchangedDownToTwoAtTheFarEnd) {
    const Range blur{0.0, 5.0};
    EXPECT_EQ(starRating(0.0, blur), 5);
    EXPECT_EQ(starRating(-1.0, blur), 5);
    EXPECT_EQ(starRating(2.5, blur), 3);
    EXPECT_EQ(starRating(5.0, blur), 2);
    EXPECT_EQ(starRating(9.0, blur), 2);
    EXPECT_GE(starRating(1.0, blur), starRating(2.0, blur));
}

TEST(StarRating, TwoSidedRangesRateByDistanceFromUnchanged) {
    const Range brightness{-80.0, 80.0};
    EXPECT_EQ(starRating(0.0, brightness), 5);
    EXPECT_EQ(starRating(-80.0, brightness), 2);
    EXPECT_EQ(starRating(80.0, brightness), 2);
    EXPECT_EQ(starRating(-40.0, brightness), starRating(40.0, brightness));
    EXPECT_EQ(starRating(2.0, Range{2.0, 6.0}), 5) << "a range that excludes 0 counts from its nearer end";
    EXPECT_EQ(starRating(6.0, Range{2.0, 6.0}), 2);
}

TEST(XmpUpdateFromScores, FewestStarsOfAnyModelAndScoresOfEach) {
    const ModelMetadata blur = modelOf("blur", {0, 5}, "px"), noise = modelOf("noise", {0, 30}, "levels");
    const XmpUpdate update = makeXmpUpdate({&blur, &noise}, {{0.1, 0.2, true}, {3.0, 29.0, true}}, {});
    EXPECT_EQ(update.rating, 2);
    EXPECT_FALSE(update.flagged);
    ASSERT_EQ(update.scores.size(), 2U);
    EXPECT_EQ(update.scores[1].transform, "noise");
    EXPECT_DOUBLE_EQ(update.scores[1].estimate, 29.0);
    EXPECT_EQ(update.scores[1].unit, "levels");
}

TEST(XmpUpdateFromScores, AnyRuleThatHoldsFlagsWithOneStarOrRejection) {
    const ModelMetadata blur = modelOf("blur", {0, 5}, "px");
    RatingPolicy policy;
    policy.flagRules = {{"blur", /*above=*/true, 2.0}};
    policy.flagLabel = "Purple";
    const XmpUpdate sharp = makeXmpUpdate({&blur}, {{0.0, 1.0, true}}, policy);
    EXPECT_FALSE(sharp.flagged);
    EXPECT_EQ(sharp.rating, 4);
    const XmpUpdate soft = makeXmpUpdate({&blur}, {{0.0, 3.0, true}}, policy);
    EXPECT_TRUE(soft.flagged);
    EXPECT_EQ(soft.rating, 1);
    EXPECT_EQ(soft.flagLabel, "Purple");
    policy.rejectFlagged = true;
    EXPECT_EQ(makeXmpUpdate({&blur}, {{0.0, 3.0, true}}, policy).rating, -1);
    policy.flagRules = {{"blur", /*above=*/false, 0.5}};
    EXPECT_TRUE(makeXmpUpdate({&blur}, {{0.0, 0.2, true}}, policy).flagged);
}

TEST(XmpUpdateFromScores, ARuleForAnAbsentTransformationIsRefused) {
    const ModelMetadata blur = modelOf("blur", {0, 5}, "px");
    RatingPolicy policy;
    policy.flagRules = {{"rotation", true, 10.0}};
    EXPECT_THROW(makeXmpUpdate({&blur}, {{0.0, 1.0, true}}, policy), std::invalid_argument);
}

}  // namespace
}  // namespace twinsight::core
