#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include "bench/classical_measures.h"
#include "core/degrade/transform.h"
#include "core/samples/sample_scenes.h"

namespace twinsight::core {
namespace {

cv::Mat scene(int index = 0) { return renderSampleScene(/*seed=*/7, index, cv::Size(320, 240)); }

using twinsight::bench::laplacianVariance;
using twinsight::bench::meanV;

TEST(Transforms, RegistryHoldsTheSixOfTheDesignInOrder) {
    std::vector<std::string> names;
    for (const Transform* t : allTransforms()) names.push_back(t->name());
    EXPECT_EQ(names, (std::vector<std::string>{"blur", "brightness", "rotation", "noise", "jpeg", "contrast"}));
    EXPECT_EQ(findTransform("rotation").view(), View::WholeFrame);
    EXPECT_EQ(findTransform("blur").view(), View::Patches);
    EXPECT_THROW(findTransform("sharpen"), std::invalid_argument);
}

TEST(Transforms, DefaultRangesMatchTheDesign) {
    auto range = [](const char* name) { return findTransform(name).defaultRange(); };
    EXPECT_EQ(range("blur").min, 0);
    EXPECT_EQ(range("blur").max, 5);
    EXPECT_EQ(range("brightness").min, -80);
    EXPECT_EQ(range("rotation").max, 30);
    EXPECT_EQ(range("noise").max, 30);
    EXPECT_EQ(range("jpeg").max, 90);
    EXPECT_EQ(range("contrast").min, -2);
}

// A signed transformation is no worse one way than the other: its pairs must say which way the higher magnitude
// goes, and its flags start on both sides of 0; an unsigned one reads "more degraded". Every noticeable magnitude
// lies inside the default range, so that the default thresholds can flag something.
TEST(Transforms, SignedOnesNameTheirDirectionAndEveryNoticeableMagnitudeIsInsideTheDefaultRange) {
    for (const core::Transform* transform : core::allTransforms()) {
        const bool isSigned = transform->defaultRange().min < 0.0;
        EXPECT_EQ(transform->higherMagnitudeReading() == "more degraded", !isSigned) << transform->name();
        EXPECT_GT(transform->noticeableMagnitude(), 0.0) << transform->name();
        EXPECT_TRUE(transform->defaultRange().contains(transform->noticeableMagnitude())) << transform->name();
        if (isSigned) {
            EXPECT_TRUE(transform->defaultRange().contains(-transform->noticeableMagnitude())) << transform->name();
        }
    }
}

TEST(Transforms, MagnitudeOutsideTheValidRangeIsRejected) {
    const cv::Mat image = scene();
    for (const Transform* t : allTransforms()) {
        EXPECT_THROW(t->apply(image, t->validRange().max + 1.0), std::invalid_argument) << t->name();
        EXPECT_THROW(t->apply(image, t->validRange().min - 1.0), std::invalid_argument) << t->name();
        EXPECT_THROW(t->checkRange({t->defaultRange().max, t->defaultRange().min}), std::invalid_argument);
        EXPECT_NO_THROW(t->checkRange(t->defaultRange()));
    }
}

TEST(Transforms, EveryTransformationIsTheIdentityAtZeroExceptJpeg) {
    const cv::Mat image = scene();
    for (const char* name : {"blur", "brightness", "rotation", "noise", "contrast"}) {
        EXPECT_EQ(cv::norm(findTransform(name).apply(image, 0.0), image, cv::NORM_INF), 0.0) << name;
    }
}

TEST(Transforms, MoreBlurLowersLaplacianVariance) {
    const cv::Mat image = scene();
    const Transform& blur = findTransform("blur");
    double previous = laplacianVariance(image);
    for (double sigma : {0.5, 1.0, 2.0, 3.5, 5.0}) {
        const double variance = laplacianVariance(blur.apply(image, sigma));
        EXPECT_LT(variance, previous) << "sigma " << sigma;
        previous = variance;
    }
}

TEST(Transforms, BrightnessShiftMovesMeanVByTheShiftWhereNothingClips) {
    const cv::Mat grey(64, 64, CV_8UC3, cv::Scalar(60, 100, 140));  // V = 140
    const Transform& brightness = findTransform("brightness");
    EXPECT_NEAR(meanV(brightness.apply(grey, 40.0)), 180.0, 1.0);
    EXPECT_NEAR(meanV(brightness.apply(grey, -50.0)), 90.0, 1.0);
    EXPECT_NEAR(meanV(brightness.apply(grey, 200.0)), 255.0, 0.5);  // clipped
}

TEST(Transforms, RotationShowsNoFilledBorderAtThirtyDegrees) {
    const cv::Mat white(240, 320, CV_8UC3, cv::Scalar(255, 255, 255));
    const Transform& rotation = findTransform("rotation");
    for (double angle : {-30.0, 30.0, 12.5}) {
        const cv::Mat rotated = rotation.apply(white, angle);
        double lowest = 0.0;
        cv::minMaxLoc(rotated.reshape(1), &lowest);
        EXPECT_EQ(lowest, 255.0) << "angle " << angle;
        EXPECT_EQ(rotated.size(), white.size());
    }
}

TEST(Transforms, PositiveRotationIsCounterClockwise) {
    // A bright spot right of the centre moves up (smaller y) under a counter-clockwise rotation.
    cv::Mat image(200, 200, CV_8UC3, cv::Scalar::all(0));
    cv::circle(image, {150, 100}, 6, cv::Scalar::all(255), cv::FILLED);
    cv::Point brightest;
    cv::Mat grey;
    cv::cvtColor(findTransform("rotation").apply(image, 20.0), grey, cv::COLOR_BGR2GRAY);
    cv::minMaxLoc(grey, nullptr, nullptr, nullptr, &brightest);
    EXPECT_LT(brightest.y, 95);
}

TEST(Transforms, NoiseHasTheRequestedSigmaAndDependsOnTheSeed) {
    const cv::Mat grey(128, 128, CV_8UC3, cv::Scalar::all(128));
    const Transform& noise = findTransform("noise");
    cv::Mat difference;
    noise.apply(grey, 10.0, 1).convertTo(difference, CV_32F);
    difference -= cv::Scalar::all(128);
    cv::Scalar mean, deviation;
    cv::meanStdDev(difference.reshape(1), mean, deviation);
    EXPECT_NEAR(deviation[0], 10.0, 0.5);
    EXPECT_GT(cv::norm(noise.apply(grey, 10.0, 1), noise.apply(grey, 10.0, 2)), 0.0);
    EXPECT_EQ(cv::norm(noise.apply(grey, 10.0, 3), noise.apply(grey, 10.0, 3)), 0.0);
}

TEST(Transforms, LowerJpegQualityLosesMoreDetail) {
    const cv::Mat image = scene(1);
    const Transform& jpeg = findTransform("jpeg");
    const double mild = cv::norm(jpeg.apply(image, 10.0), image, cv::NORM_L2);
    const double strong = cv::norm(jpeg.apply(image, 85.0), image, cv::NORM_L2);
    EXPECT_LT(mild, strong);
}

TEST(Transforms, ContrastScalesDeviationsFromTheMeanByTwoToTheStops) {
    cv::Mat image(64, 64, CV_8UC3);
    for (int y = 0; y < 64; ++y) image.row(y).setTo(cv::Scalar::all(96 + y));
    const Transform& contrast = findTransform("contrast");
    cv::Scalar mean, deviation, newMean, newDeviation;
    cv::meanStdDev(image.reshape(1), mean, deviation);
    cv::meanStdDev(contrast.apply(image, 1.0).reshape(1), newMean, newDeviation);
    EXPECT_NEAR(newDeviation[0], 2.0 * deviation[0], 0.5);
    EXPECT_NEAR(newMean[0], mean[0], 0.6);
    cv::meanStdDev(contrast.apply(image, -1.0).reshape(1), newMean, newDeviation);
    EXPECT_NEAR(newDeviation[0], 0.5 * deviation[0], 0.5);
}

TEST(Transforms, CropsAreDegradedWithContextSoEdgesMatchTheWholeImage) {
    const cv::Mat image = scene(2);
    const cv::Rect crop(100, 80, 64, 64);
    for (const char* name : {"blur", "brightness", "contrast"}) {
        const Transform& t = findTransform(name);
        const double magnitude = t.defaultRange().max;
        const cv::Mat fromWhole = t.apply(image, magnitude)(crop);
        EXPECT_LE(cv::norm(t.applyToCrop(image, crop, magnitude), fromWhole, cv::NORM_INF), 1.0) << name;
    }
}

}  // namespace
}  // namespace twinsight::core
