#include <gtest/gtest.h>

#include "bench/classical_measures.h"
#include <opencv2/imgproc.hpp>

#include "core/degrade/transform.h"

namespace twinsight::bench {
namespace {

TEST(ClassicalMeasures, ImmerkaerRecoversTheNoiseSigmaOfAFlatImage) {
    const cv::Mat flat(256, 256, CV_8UC3, cv::Scalar::all(120));
    for (double sigma : {5.0, 10.0, 20.0}) {
        const cv::Mat noisy = core::findTransform("noise").apply(flat, sigma, /*seed=*/4);
        // Grey conversion averages the three channels' independent noise: sigma / sqrt(3) for equal weights,
        // a little more with BT.601's unequal ones.
        EXPECT_NEAR(noiseSigma(noisy), sigma * 0.62, sigma * 0.08) << sigma;
    }
}

TEST(ClassicalMeasures, EachRisesWithItsTransformation) {
    cv::Mat image(128, 128, CV_8UC3);
    cv::randu(image, 40, 200);
    const core::Transform& contrast = core::findTransform("contrast");
    EXPECT_LT(rmsContrast(contrast.apply(image, -1.0)), rmsContrast(image));
    const core::Transform& brightness = core::findTransform("brightness");
    EXPECT_GT(meanV(brightness.apply(image, 30.0)), meanV(image) + 25.0);
    const auto blurMeasure = classicalMeasureFor("blur");
    ASSERT_TRUE(blurMeasure.has_value());
    const core::Transform& blur = core::findTransform("blur");
    const auto values = blurMeasure->measure({image, blur.apply(image, 2.0)});
    EXPECT_LT(values[0], values[1]);
    const cv::Mat jpegged = core::findTransform("jpeg").apply(image, 85.0);
    EXPECT_GT(blockiness(jpegged), blockiness(image) + 0.1);
}

TEST(ClassicalMeasures, GradientOrientationReadsTheTiltOfAGrid) {
    cv::Mat grid(256, 256, CV_8UC3, cv::Scalar::all(40));
    for (int k = 8; k < 256; k += 24) {
        cv::line(grid, {k, 0}, {k, 255}, cv::Scalar::all(220), 3);
        cv::line(grid, {0, k}, {255, k}, cv::Scalar::all(220), 3);
    }
    const core::Transform& rotation = core::findTransform("rotation");
    EXPECT_NEAR(dominantOrientationDegrees(grid), 0.0, 0.5);
    for (double degrees : {-20.0, 7.0, 25.0}) {
        EXPECT_NEAR(dominantOrientationDegrees(rotation.apply(grid, degrees)), degrees, 1.5) << degrees;
    }
}

}  // namespace
}  // namespace twinsight::bench
