// The edge widths that blur models see beside each crop (core/model/internal/sharpness_context.h), and how the pair sampler
// interpolates them over the magnitude.

#include <gtest/gtest.h>

#include <cmath>
#include <opencv2/imgproc.hpp>

#include "core/degrade/transform.h"
#include "core/model/internal/sharpness_context.h"
#include "core/samples/sample_scenes.h"
#include "core/training/internal/pair_sampler.h"

namespace twinsight::core {
namespace {

// Hard-edged rectangles of random levels: every edge is a step, so its width is the blur applied.
cv::Mat steppedImage(double contrast = 1.0) {
    cv::Mat image(192, 256, CV_8UC3, cv::Scalar::all(128));
    cv::RNG random(7);
    for (int k = 0; k < 60; ++k) {
        const cv::Point corner(random.uniform(0, 256), random.uniform(0, 192));
        const cv::Size size(random.uniform(8, 60), random.uniform(8, 60));
        const double level = 128.0 + contrast * random.uniform(-110.0, 110.0);
        cv::rectangle(image, cv::Rect(corner, size), cv::Scalar::all(level), cv::FILLED);
    }
    return image;
}

double widthOfDetailedTenth(const std::vector<float>& context) { return std::expm1(context[0]); }  // re-blur 1 px

TEST(SharpnessContext, ReadsTheWidthOfBlurredStepsWhateverTheirContrast) {
    const Transform& blur = findTransform("blur");
    ASSERT_EQ(sharpnessContext(steppedImage()).size(), static_cast<std::size_t>(kSharpnessContextSize));
    ASSERT_EQ(blur.contextSize(), kSharpnessContextSize);
    double previous = -1.0;
    for (double sigma : {1.0, 2.0, 3.0, 4.0}) {
        const std::vector<float> sharp = blur.globalContext(blur.apply(steppedImage(), sigma));
        const std::vector<float> faint = blur.globalContext(blur.apply(steppedImage(0.3), sigma));
        const double width = widthOfDetailedTenth(sharp);
        EXPECT_NEAR(width, sigma, 0.35 * sigma + 0.3) << "sigma " << sigma;
        EXPECT_GT(width, previous) << "sigma " << sigma;
        previous = width;
        for (int k = 0; k < kSharpnessContextSize; ++k) {
            // Values 8-11 re-blur by 0.5 px: a 3-4 px edge keeps over 99% of its energy there, and the 8-bit
            // rounding of a faint edge decides the rest.
            if (k >= 8 && k < 12 && sigma > 2.0) continue;
            EXPECT_NEAR(sharp[k], faint[k], 0.1) << "a third of the contrast, sigma " << sigma << ", value " << k;
        }
    }
}

TEST(SharpnessContext, AFlatImageReadsAsWideAsCanBeTold) {
    const std::vector<float> flat = sharpnessContext(cv::Mat(40, 30, CV_8UC3, cv::Scalar::all(90)));
    for (float value : flat) EXPECT_NEAR(value, std::log1p(20.0), 1e-5);
}

TEST(SharpnessContext, TheSamplerInterpolatesTheContextOfTheDegradedImage) {
    const Transform& blur = findTransform("blur");
    const std::vector<cv::Mat> images{renderSampleScene(/*seed=*/3, 1, cv::Size(192, 144))};
    SamplerConfig config;
    config.range = blur.defaultRange();
    config.batchSize = 12;
    PairSampler sampler(blur, images, config);
    const PairBatch batch = sampler.next();
    ASSERT_EQ(batch.first.contextSize, kSharpnessContextSize);
    for (int i = 0; i < batch.first.count; ++i) {
        const std::vector<float> direct = blur.globalContext(blur.apply(images[0], batch.firstMagnitudes[i]));
        for (int k = 0; k < kSharpnessContextSize; ++k) {
            EXPECT_NEAR(batch.first.context[i * kSharpnessContextSize + k], direct[k], 0.03)
                << "sigma " << batch.firstMagnitudes[i] << ", value " << k;
        }
    }
}

}  // namespace
}  // namespace twinsight::core
