#include <gtest/gtest.h>

#include "bench/classical_measures.h"
#include "core/transform.h"

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
    EXPECT_FALSE(classicalMeasureFor("rotation").has_value());
}

}  // namespace
}  // namespace twinsight::bench
