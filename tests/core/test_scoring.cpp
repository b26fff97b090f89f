#include <gtest/gtest.h>

#include <numeric>
#include <opencv2/imgproc.hpp>

#include "core/model/image_scorer.h"

namespace twinsight::core {
namespace {

// Scores each crop by its mean input level: a transparent stand-in that lets the pooling rules be checked
// exactly. The network itself is tested through real training in test_training.cpp.
std::vector<float> meanLevel(const InputBatch& batch) {
    std::vector<float> scores;
    for (int i = 0; i < batch.count; ++i) {
        const auto begin = batch.values.begin() + static_cast<std::ptrdiff_t>(i * batch.sampleSize());
        scores.push_back(std::accumulate(begin, begin + static_cast<std::ptrdiff_t>(batch.sampleSize()), 0.0f) /
                         batch.sampleSize());
    }
    return scores;
}

TEST(ImageScorer, CropGridCoversTheImageEvenly) {
    const ImageScorer scorer(findTransform("blur"), 64, {}, 0, meanLevel);
    const auto grid = scorer.cropGrid({256, 192});
    ASSERT_EQ(grid.size(), 12U);  // 4 x 3
    cv::Mat covered(192, 256, CV_8U, cv::Scalar(0));
    for (const cv::Rect& crop : grid) covered(crop).setTo(1);
    EXPECT_EQ(cv::countNonZero(covered), 256 * 192);
    EXPECT_EQ(grid.back(), cv::Rect(192, 128, 64, 64));
}

TEST(ImageScorer, AStrideOfHalfACropOverlapsTheGridAndStillCoversTheImage) {
    PoolRule rule{PoolRule::Kind::LowerMean, 10.0, 32};
    const ImageScorer scorer(findTransform("blur"), 64, rule, 0, meanLevel);
    const auto grid = scorer.cropGrid({256, 192});
    ASSERT_EQ(grid.size(), 35U);  // 7 x 5
    EXPECT_EQ(grid[1], cv::Rect(32, 0, 64, 64));
    EXPECT_EQ(grid.back(), cv::Rect(192, 128, 64, 64));
    EXPECT_EQ(poolRuleFromString(toString(rule)).cropStride, 32);
    EXPECT_EQ(toString(rule), "lower-mean:10,stride:32");
    EXPECT_EQ(poolRuleFromString("lower-mean:10").cropStride, 0) << "files without a stride keep the old grid";
    for (const char* bad : {"lower-mean:10,stride:", "lower-mean:10,stride:0", "mean,stride:x2"}) {
        EXPECT_THROW(poolRuleFromString(bad), std::invalid_argument) << bad;
    }
}

TEST(ImageScorer, PercentilePoolingFollowsTheLowCrops) {
    cv::Mat image(128, 256, CV_8UC3, cv::Scalar::all(200));
    image(cv::Rect(0, 0, 64, 64)).setTo(cv::Scalar::all(0));  // one dark crop of eight
    const ImageScorer mean(findTransform("brightness"), 64, {PoolRule::Kind::Mean, 0}, 0, meanLevel);
    const ImageScorer low(findTransform("noise"), 64, {PoolRule::Kind::Percentile, 0}, 0, meanLevel);
    EXPECT_NEAR(mean.score(image), (7 * (200 / 255.0 - 0.5) + (0 - 0.5)) / 8, 1e-4);  // float sums
    EXPECT_NEAR(low.score(image), -0.5, 1e-6);
}

TEST(ImageScorer, LowerMeanPoolingAveragesTheLowestShareOfCrops) {
    cv::Mat image(128, 256, CV_8UC3, cv::Scalar::all(200));
    image(cv::Rect(0, 0, 128, 64)).setTo(cv::Scalar::all(0));  // two dark crops of eight
    image(cv::Rect(128, 0, 64, 64)).setTo(cv::Scalar::all(51));
    const ImageScorer lowest(findTransform("noise"), 64, poolRuleFromString("lower-mean:25"), 0, meanLevel);
    EXPECT_NEAR(lowest.score(image), -0.5, 1e-6) << "the two dark crops lie at or below the 25th percentile";
    const ImageScorer all(findTransform("noise"), 64, poolRuleFromString("lower-mean:100"), 0, meanLevel);
    EXPECT_NEAR(all.score(image), (2 * -0.5 + (51 / 255.0 - 0.5) + 5 * (200 / 255.0 - 0.5)) / 8, 1e-4);
    EXPECT_EQ(toString(poolRuleFromString("lower-mean:10")), "lower-mean:10");
    EXPECT_THROW(poolRuleFromString("lower-mean:10x"), std::invalid_argument);
    EXPECT_THROW(poolRuleFromString("lower-mean:101"), std::invalid_argument);
}

TEST(ImageScorer, GivesTheNetworkTheImagesContextOnlyWhenTheModelTakesIt) {
    const Transform& blur = findTransform("blur");
    cv::Mat image(96, 128, CV_8UC3);
    cv::randu(image, 0, 255);
    std::vector<float> seen;
    const ImageScorer withContext(blur, 64, {}, blur.contextSize(), [&](const InputBatch& batch) {
        seen = batch.context;
        return std::vector<float>(batch.count, 0.0f);
    });
    withContext.score(image);
    const std::vector<float> expected = blur.globalContext(image);
    ASSERT_EQ(seen.size(), 4 * expected.size()) << "2 x 2 crops, each with the whole image's context";
    for (std::size_t k = 0; k < seen.size(); ++k) EXPECT_EQ(seen[k], expected[k % expected.size()]);
    const ImageScorer without(blur, 64, {}, 0, [&](const InputBatch& batch) {
        EXPECT_EQ(batch.contextSize, 0) << "a model trained before the context existed";
        return std::vector<float>(batch.count, 0.0f);
    });
    without.score(image);
    EXPECT_THROW(ImageScorer(blur, 64, {}, blur.contextSize() + 1, meanLevel), std::invalid_argument);
}

TEST(ImageScorer, AModelOfAnEarlierContextSizeGetsTheFirstValues) {
    for (const char* name : {"rotation", "blur"}) {
        const Transform& transform = findTransform(name);
        const std::vector<int> earlier = transform.earlierContextSizes();
        ASSERT_FALSE(earlier.empty()) << name;
        const int older = earlier.front();
        ASSERT_LT(older, transform.contextSize()) << name;
        cv::Mat image(120, 160, CV_8UC3);
        cv::randu(image, 0, 255);
        const std::vector<float> today = transform.globalContext(image);
        const ImageScorer scorer(transform, 32, {}, older, [&](const InputBatch& batch) {
            EXPECT_EQ(batch.contextSize, older) << name;
            for (int k = 0; k < batch.count; ++k) {
                EXPECT_EQ(
                    std::vector<float>(batch.context.begin() + k * older, batch.context.begin() + (k + 1) * older),
                    std::vector<float>(today.begin(), today.begin() + older))
                    << name;
            }
            return std::vector<float>(batch.count, 0.0f);
        });
        scorer.score(image);
        EXPECT_THROW(ImageScorer(transform, 32, {}, older + 1, meanLevel), std::invalid_argument) << name;
    }
}

TEST(ImageScorer, ANetworkOnTheContextAloneGetsOneContextPerImageAndNoPixels) {
    const Transform& blur = findTransform("blur");
    std::vector<cv::Mat> images(3, cv::Mat(150, 200, CV_8UC3));
    for (cv::Mat& image : images) {
        image = cv::Mat(150, 200, CV_8UC3);
        cv::randu(image, 0, 255);
    }
    cv::GaussianBlur(images[1], images[1], cv::Size(0, 0), 2.0);
    int calls = 0;
    const ImageScorer scorer(
        blur, 64, blur.poolRule(), blur.contextSize(),
        [&](const InputBatch& batch) {
            ++calls;
            EXPECT_EQ(batch.count, 3) << "one sample per image, not a grid of crops";
            EXPECT_TRUE(batch.values.empty());
            std::vector<float> firstValues;  // the score: the first edge width
            for (int k = 0; k < batch.count; ++k) firstValues.push_back(batch.context[k * batch.contextSize]);
            return firstValues;
        },
        /*contextOnly=*/true);
    const std::vector<double> scores = scorer.scoreAll(images);
    EXPECT_EQ(calls, 1);
    for (std::size_t i = 0; i < images.size(); ++i) EXPECT_FLOAT_EQ(scores[i], blur.globalContext(images[i])[0]);
    EXPECT_GT(scores[1], scores[0]) << "the blurred image's edges are wider";
    EXPECT_THROW(ImageScorer(blur, 64, {}, 0, meanLevel, /*contextOnly=*/true), std::invalid_argument);
}

TEST(ImageScorer, ScoringManyEqualsScoringEachAlone) {
    const ImageScorer scorer(findTransform("blur"), 32, {PoolRule::Kind::Percentile, 10}, 0, meanLevel);
    std::vector<cv::Mat> images;
    for (int i = 0; i < 9; ++i) {
        cv::Mat image(100 + 7 * i, 120, CV_8UC3);
        cv::randu(image, 0, 255);
        images.push_back(image);
    }
    const std::vector<double> together = scorer.scoreAll(images);
    for (std::size_t i = 0; i < images.size(); ++i) EXPECT_DOUBLE_EQ(together[i], scorer.score(images[i]));
}

TEST(ImageScorer, SmallImagesArePaddedAndWholeFramesResized) {
    const ImageScorer patches(findTransform("noise"), 64, {}, 0, meanLevel);
    EXPECT_NEAR(patches.score(cv::Mat(30, 40, CV_8UC3, cv::Scalar::all(255))), 0.5, 1e-6);
    const ImageScorer frames(findTransform("rotation"), 48, {}, 0, meanLevel);
    EXPECT_NEAR(frames.score(cv::Mat(300, 500, CV_8UC3, cv::Scalar::all(0))), -0.5, 1e-6);
}

TEST(InputEncoding, StandardisedCropsIgnoreContrastAndFixedScaleKeepsLevels) {
    cv::Mat texture(32, 32, CV_8UC3);
    cv::randu(texture, 96, 160);
    cv::Mat stronger;
    texture.convertTo(stronger, CV_8UC3, 2.0, -128.0);  // twice the contrast about 128
    InputBatch standardised(3, 32, InputEncoding::Standardised);
    standardised.append(texture);
    standardised.append(stronger);
    const auto half = static_cast<std::ptrdiff_t>(standardised.sampleSize());
    const std::vector<float> first(standardised.values.begin(), standardised.values.begin() + half);
    const std::vector<float> second(standardised.values.begin() + half, standardised.values.end());
    for (std::size_t i = 0; i < first.size(); i += 97) EXPECT_NEAR(first[i], second[i], 0.02f);
    InputBatch fixed(3, 32);
    fixed.append(cv::Mat(32, 32, CV_8UC3, cv::Scalar::all(255)));
    EXPECT_FLOAT_EQ(fixed.values.front(), 0.5f);
    EXPECT_EQ(findTransform("blur").inputEncoding(), InputEncoding::Standardised);
    EXPECT_EQ(findTransform("brightness").inputEncoding(), InputEncoding::FixedScale);
}

}  // namespace
}  // namespace twinsight::core
