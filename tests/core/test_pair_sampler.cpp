#include <gtest/gtest.h>

#include "core/base/statistics.h"
#include "core/samples/sample_scenes.h"
#include "core/training/internal/pair_sampler.h"

namespace twinsight::core {
namespace {

std::vector<cv::Mat> scenes(int count) {
    std::vector<cv::Mat> images;
    for (int i = 0; i < count; ++i) images.push_back(renderSampleScene(/*seed=*/3, i, cv::Size(192, 144)));
    return images;
}

SamplerConfig config(const Transform& transform, double crossShare, std::uint64_t seed) {
    return {transform.defaultRange(), /*inputSize=*/48, /*batchSize=*/16, crossShare, seed};
}

TEST(PairSampler, BlurTakesTheDetailedCropsOfAHalfFlatImage) {
    // Left half flat grey, right half a coarse checkerboard that stays clear under blur and noise: uniform crops
    // land wholly or mostly on the flat half about half the time.
    cv::Mat image(144, 288, CV_8UC3, cv::Scalar::all(128));
    for (int y = 0; y < 144; ++y) {
        for (int x = 144; x < 288; ++x) {
            image.at<cv::Vec3b>(y, x) = cv::Vec3b::all(((x / 16 + y / 16) % 2) ? 220 : 30);
        }
    }
    const std::vector<cv::Mat> images{image};
    auto flatShare = [&](const Transform& transform) {
        PairSampler sampler(transform, images, config(transform, 0.0, 5));
        int flat = 0, total = 0;
        for (int b = 0; b < 8; ++b) {
            const PairBatch batch = sampler.next();
            for (const cv::Mat& view : batch.firstViews) {
                cv::Scalar mean, deviation;
                cv::meanStdDev(view, mean, deviation);
                flat += deviation[0] < 40.0 ? 1 : 0;
                ++total;
            }
        }
        return double(flat) / total;
    };
    EXPECT_EQ(findTransform("blur").cropChoice(), CropChoice::Detailed);
    EXPECT_EQ(findTransform("noise").cropChoice(), CropChoice::Anywhere);
    const double uniform = flatShare(findTransform("noise"));
    const double detailed = flatShare(findTransform("blur"));
    EXPECT_GT(uniform, 0.3);
    EXPECT_LT(detailed, 0.5 * uniform) << "four candidates: a flat crop wins only if all four are flat";
}

TEST(PairSampler, LabelsFollowTheMagnitudesAndTiesAreRedrawn) {
    const auto images = scenes(4);
    const Transform& blur = findTransform("blur");
    PairSampler sampler(blur, images, config(blur, 0.5, 1));
    int positives = 0;
    for (int b = 0; b < 10; ++b) {
        const PairBatch batch = sampler.next();
        ASSERT_EQ(batch.labels.size(), 16U);
        ASSERT_EQ(batch.first.count, 16);
        ASSERT_EQ(batch.first.values.size(), 16U * 3 * 48 * 48);
        for (std::size_t i = 0; i < batch.labels.size(); ++i) {
            const double m1 = batch.firstMagnitudes[i], m2 = batch.secondMagnitudes[i];
            EXPECT_EQ(batch.labels[i], m1 > m2 ? 1.0f : 0.0f);
            EXPECT_GE(std::abs(m1 - m2), PairSampler::kTieShare * 5.0);
            EXPECT_TRUE(blur.defaultRange().contains(m1) && blur.defaultRange().contains(m2));
            positives += batch.labels[i] > 0.5f;
        }
    }
    EXPECT_GT(positives, 50);  // both labels occur, about evenly
    EXPECT_LT(positives, 110);
}

TEST(PairSampler, TheSameSeedReproducesBatchesAndAnotherDoesNot) {
    const auto images = scenes(3);
    const Transform& noise = findTransform("noise");
    PairSampler first(noise, images, config(noise, 0.5, 42));
    PairSampler second(noise, images, config(noise, 0.5, 42));
    PairSampler other(noise, images, config(noise, 0.5, 43));
    const PairBatch a = first.next(), b = second.next(), c = other.next();
    EXPECT_EQ(a.first.values, b.first.values);
    EXPECT_EQ(a.second.values, b.second.values);
    EXPECT_EQ(a.labels, b.labels);
    EXPECT_NE(a.first.values, c.first.values);
}

TEST(PairSampler, ForANetworkOnTheContextAloneBatchesCarryContextsAndOnlyTheFirstPairsArePictured) {
    const auto images = scenes(3);
    const Transform& blur = findTransform("blur");
    SamplerConfig contextsOnly = config(blur, 0.8, 9);
    contextsOnly.picturedPairs = 2;
    PairSampler withPixels(blur, images, config(blur, 0.8, 9));
    PairSampler withoutPixels(blur, images, contextsOnly);
    const PairBatch full = withPixels.next(), light = withoutPixels.next();
    // The same pairs are drawn either way: picturing draws nothing from the random sequence.
    EXPECT_EQ(light.labels, full.labels);
    EXPECT_EQ(light.firstMagnitudes, full.firstMagnitudes);
    EXPECT_EQ(light.first.context, full.first.context);
    EXPECT_EQ(light.second.context, full.second.context);
    EXPECT_TRUE(light.first.values.empty());
    EXPECT_TRUE(light.second.values.empty());
    EXPECT_EQ(light.first.count, 16);
    ASSERT_EQ(light.firstViews.size(), 16U);
    for (std::size_t i = 0; i < light.firstViews.size(); ++i) {
        const bool pictured = i < 2;
        EXPECT_EQ(cv::countNonZero(light.firstViews[i].reshape(1)) > 0, pictured) << i;
        if (pictured) {
            EXPECT_EQ(cv::norm(light.firstViews[i], full.firstViews[i], cv::NORM_INF), 0.0) << i;
        }
    }
    SamplerConfig noContext = config(findTransform("noise"), 0.5, 9);
    noContext.picturedPairs = 2;
    EXPECT_THROW(PairSampler(findTransform("noise"), images, noContext), std::invalid_argument);
}

TEST(PairSampler, SameImagePairsShareTheirCropSoOnlyTheDegradationDiffers) {
    const auto images = scenes(3);
    const Transform& brightness = findTransform("brightness");
    PairSampler sampler(brightness, images, config(brightness, 0.0, 5));
    const PairBatch batch = sampler.next();
    for (std::size_t i = 0; i < batch.labels.size(); ++i) {
        EXPECT_FALSE(batch.crossImage[i]);
        // A brightness shift keeps the spatial pattern: the copies correlate strongly pixel by pixel.
        const std::size_t size = batch.first.sampleSize();
        const auto first = batch.first.values.begin() + static_cast<std::ptrdiff_t>(i * size);
        const auto second = batch.second.values.begin() + static_cast<std::ptrdiff_t>(i * size);
        const std::vector<double> a(first, first + static_cast<std::ptrdiff_t>(size));
        const std::vector<double> b(second, second + static_cast<std::ptrdiff_t>(size));
        EXPECT_GT(pearson(a, b), 0.7) << "pair " << i;
    }
}

TEST(PairSampler, CrossImageShareIsHonoured) {
    const auto images = scenes(5);
    const Transform& blur = findTransform("blur");
    PairSampler sampler(blur, images, config(blur, 1.0, 9));
    const PairBatch batch = sampler.next();
    for (bool cross : batch.crossImage) EXPECT_TRUE(cross);
}

TEST(PairSampler, NeverChangesTheTrainingImages) {
    const auto images = scenes(3);
    std::vector<cv::Mat> copies;
    for (const cv::Mat& image : images) copies.push_back(image.clone());
    for (const char* name : {"rotation", "blur", "jpeg"}) {
        const Transform& transform = findTransform(name);
        PairSampler sampler(transform, images, config(transform, 0.5, 2));
        for (int b = 0; b < 3; ++b) sampler.next();
    }
    for (std::size_t i = 0; i < images.size(); ++i) EXPECT_EQ(cv::norm(images[i], copies[i], cv::NORM_INF), 0.0);
}

TEST(PairSampler, RejectsImagesSmallerThanTheCrop) {
    const std::vector<cv::Mat> tiny{cv::Mat(20, 20, CV_8UC3, cv::Scalar::all(9))};
    const Transform& blur = findTransform("blur");
    EXPECT_THROW(PairSampler(blur, tiny, config(blur, 0.5, 1)), std::invalid_argument);
}

}  // namespace
}  // namespace twinsight::core
