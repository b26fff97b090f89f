// The whole-image context some transformations give the network beside each crop or frame.

#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include "core/degrade/transform.h"
#include "core/evaluation/analysis.h"
#include "core/model/network_input.h"
#include "core/model/trained_model.h"
#include "core/samples/sample_scenes.h"
#include "support/temp_folder.h"
#include "training_fixture.h"

namespace twinsight::core {
namespace {
using twinsight::testing::sampleImageSet;

cv::Mat gradientImage() {
    cv::Mat image(120, 160, CV_8UC3);
    for (int y = 0; y < image.rows; ++y) {
        for (int x = 0; x < image.cols; ++x) image.at<cv::Vec3b>(y, x) = cv::Vec3b::all(static_cast<uchar>(40 + x));
    }
    return image;
}

TEST(GlobalContext, ToneContextSeesClippingShiftAndSpread) {
    const Transform& brightness = findTransform("brightness");
    ASSERT_EQ(brightness.globalContext(gradientImage()).size(), static_cast<std::size_t>(brightness.contextSize()));
    const int high = 16, low = high + 1, mean = high + 2;  // after the 16 bins; then the deviation and percentiles
    const auto plain = brightness.globalContext(gradientImage());
    const auto brighter = brightness.globalContext(brightness.apply(gradientImage(), 80.0));
    const auto darker = brightness.globalContext(brightness.apply(gradientImage(), -80.0));
    EXPECT_EQ(plain[high], 0.0f);
    EXPECT_EQ(plain[low], 0.0f);
    // 40 + x for x < 160 reaches 199: +80 clips x >= 135 (about 16%), -80 clips x <= 40 (about 26%).
    EXPECT_NEAR(brighter[high] * brighter[high], 25.0 / 160.0, 0.02);
    EXPECT_NEAR(darker[low] * darker[low], 41.0 / 160.0, 0.02);
    EXPECT_GT(brighter[mean], plain[mean]);
    EXPECT_LT(darker[mean], plain[mean]);
    // The median of 40..199 is about 120; shifted by +80 it reads about 200.
    EXPECT_NEAR((plain[mean + 5] + 0.5) * 255.0, 119.0, 2.0);
    EXPECT_NEAR((brighter[mean + 5] + 0.5) * 255.0, 199.0, 2.0);
    const Transform& contrast = findTransform("contrast");
    const auto flat = contrast.globalContext(contrast.apply(gradientImage(), -2.0));
    const auto wide = contrast.globalContext(contrast.apply(gradientImage(), 1.0));
    EXPECT_LT(flat[mean + 1], contrast.globalContext(gradientImage())[mean + 1]) << "the deviation";
    EXPECT_GT(wide[mean + 1], contrast.globalContext(gradientImage())[mean + 1]);
}

TEST(GlobalContext, TheSamplersShortcutGivesTheContextOfTheDegradedImage) {
    cv::Mat photo = renderSampleScene(/*seed=*/5, 2, cv::Size(192, 144));
    for (const char* name : {"brightness", "contrast", "jpeg"}) {
        const Transform& transform = findTransform(name);
        for (double share : {0.0, 0.2, 0.9}) {
            const Range range = transform.defaultRange();
            const double magnitude = range.min + share * range.span();
            const auto direct = transform.globalContext(transform.apply(photo, magnitude));
            const auto shortcut = transform.contextAfter(photo, magnitude, 0);
            ASSERT_EQ(direct.size(), shortcut.size()) << name;
            // jpeg's shortcut reads a 128 px window: the same ratios, measured on fewer pixels.
            const double tolerance = std::string(name) == "jpeg" ? 0.25 : 0.03;
            for (std::size_t k = 0; k < direct.size(); ++k) {
                EXPECT_NEAR(direct[k], shortcut[k], tolerance) << name << " " << magnitude << " value " << k;
            }
        }
    }
}

cv::Mat uprightGrid() {
    cv::Mat grid(192, 256, CV_8UC3, cv::Scalar::all(30));
    for (int k = 4; k < 256; k += 20) {
        cv::line(grid, {k, 0}, {k, 191}, cv::Scalar::all(230), 2);
        cv::line(grid, {0, k}, {255, k}, cv::Scalar::all(230), 2);
    }
    return grid;
}

// Where rotation's context holds what: the 36-bin orientation histogram, the doubled and the quadrupled angle's
// mean and agreement, then three tilt estimates (line segments, line segments at half size, gradients), each as
// tilt over 45 degrees, agreement, and their product.
constexpr int kQuadrupledAngle = 38;
constexpr int kFirstTilt = 40;
constexpr int kTiltEstimates = 3;

TEST(GlobalContext, RotationFollowsTheTiltOfTheLines) {
    const cv::Mat grid = uprightGrid();
    const Transform& rotation = findTransform("rotation");
    const int angle4 = kQuadrupledAngle;
    double previous = -1e9;
    for (double degrees : {-20.0, -10.0, 0.0, 10.0, 20.0}) {
        const auto context = rotation.globalContext(rotation.apply(grid, degrees));
        ASSERT_EQ(context.size(), static_cast<std::size_t>(rotation.contextSize()));
        // The quadrupled angle turns four times as fast as the grid, the other way round on screen.
        const double seen = -context[angle4] * 180.0 / 4.0;
        EXPECT_NEAR(seen, degrees, 2.0) << degrees;
        EXPECT_GT(context[angle4 + 1], 0.5) << "an upright grid votes for one direction";
        EXPECT_GT(seen, previous);
        previous = seen;
    }
}

TEST(GlobalContext, RotationsTiltEstimatesReadTheAngleAndTrustLinesOverTexture) {
    const Transform& rotation = findTransform("rotation");
    ASSERT_EQ(rotation.contextSize(), kFirstTilt + 3 * kTiltEstimates);
    std::vector<double> gridAgreement(kTiltEstimates, 1.0);
    for (double degrees : {-25.0, -8.0, 0.0, 12.0, 25.0}) {
        const auto context = rotation.globalContext(rotation.apply(uprightGrid(), degrees));
        for (int k = 0; k < kTiltEstimates; ++k) {
            const int at = kFirstTilt + 3 * k;
            // Line segments at half size see the 2 px lines 1 px wide: a few degrees rougher.
            const double tolerance = k == 1 ? 4.5 : 2.0;
            EXPECT_NEAR(context[at] * 45.0, degrees, tolerance) << "estimate " << k << " at " << degrees;
            EXPECT_GT(context[at + 1], 0.6) << "the grid's lines agree, estimate " << k;
            EXPECT_FLOAT_EQ(context[at + 2], context[at] * context[at + 1]);
            gridAgreement[k] = std::min<double>(gridAgreement[k], context[at + 1]);
        }
    }
    // Smoothed noise has no lines: every estimate agrees less than half as much as on the grid.
    cv::Mat texture(192, 256, CV_8UC3);
    cv::randu(texture, 0, 255);
    cv::GaussianBlur(texture, texture, cv::Size(0, 0), 2.0);
    const auto context = rotation.globalContext(rotation.apply(texture, 20.0));
    for (int k = 0; k < kTiltEstimates; ++k) {
        EXPECT_LT(context[kFirstTilt + 3 * k + 1], 0.5 * gridAgreement[k]) << "estimate " << k;
    }
}

TEST(GlobalContext, ARotationModelReadsTheContextAloneAndLearnsTheTilt) {
    TrainerConfig config = twinsight::testing::quickBlurConfig();
    config.transform = "rotation";
    config.steps = 150;
    config.workingSize = 128;
    config.inputSize = 32;
    std::atomic_bool cancel{false};
    // Scenes with an upright grid drawn over them, so that every training image has lines to read.
    ImageSet set = sampleImageSet(12, /*seed=*/41, {170, 128});
    for (cv::Mat& image : set.images) {
        for (int k = 6; k < image.cols; k += 24) cv::line(image, {k, 0}, {k, image.rows}, cv::Scalar::all(250), 1);
        for (int k = 6; k < image.rows; k += 24) cv::line(image, {0, k}, {image.cols, k}, cv::Scalar::all(250), 1);
    }
    const TrainingOutcome outcome = Trainer(config).run(set, {}, cancel);
    const ArchitectureSpec& architecture = outcome.model.metadata().architecture;
    EXPECT_EQ(architecture.contextJoin, ContextJoin::Alone);
    ASSERT_EQ(architecture.contextSize, findTransform("rotation").contextSize());
    // Two different frames with one context score the same: the pixels are not read.
    const std::vector<float> context = findTransform("rotation").globalContext(uprightGrid());
    InputBatch batch(3, config.inputSize, InputEncoding::FixedScale, architecture.contextSize);
    batch.append(cv::Mat(config.inputSize, config.inputSize, CV_8UC3, cv::Scalar::all(0)), context);
    batch.append(cv::Mat(config.inputSize, config.inputSize, CV_8UC3, cv::Scalar::all(255)), context);
    const std::vector<float> scores = outcome.model.scoreBatch(batch);
    ASSERT_EQ(scores.size(), 2U);
    EXPECT_EQ(scores[0], scores[1]);
    // And it learnt the tilt: the grid turned further counter-clockwise scores higher.
    const Transform& rotation = findTransform("rotation");
    std::vector<cv::Mat> turned;
    for (double degrees : {-24.0, -12.0, 0.0, 12.0, 24.0}) turned.push_back(rotation.apply(uprightGrid(), degrees));
    const auto estimates = outcome.model.estimate(turned);
    for (std::size_t i = 1; i < estimates.size(); ++i) EXPECT_GT(estimates[i].score, estimates[i - 1].score) << i;
}

TEST(GlobalContext, JpegSeesStepsAtTheBlockEdges) {
    cv::Mat image(128, 128, CV_8UC3);
    cv::randu(image, 60, 190);
    cv::GaussianBlur(image, image, cv::Size(0, 0), 2.0);
    const Transform& jpeg = findTransform("jpeg");
    const auto before = jpeg.globalContext(image);
    const auto after = jpeg.globalContext(jpeg.apply(image, 90.0));
    ASSERT_EQ(after.size(), 16U);
    // Phase 0 across and down: the step between pixel 8k-1 and 8k, over the mean step, minus one.
    EXPECT_GT(after[0], before[0] + 0.3);
    EXPECT_GT(after[8], before[8] + 0.3);
    EXPECT_GT(after[0], after[4]);
}

TEST(GlobalContext, ABatchRefusesAContextOfTheWrongSize) {
    InputBatch batch(3, 8, InputEncoding::FixedScale, 4);
    const cv::Mat crop(8, 8, CV_8UC3, cv::Scalar::all(100));
    EXPECT_THROW(batch.append(crop), std::invalid_argument);
    batch.append(crop, {0.1f, 0.2f, 0.3f, 0.4f});
    EXPECT_EQ(batch.context.size(), 4U);
    EXPECT_EQ(batch.count, 1);
}

TEST(GlobalContext, ABrightnessModelWithContextTrainsSavesAndScoresTheSame) {
    TrainerConfig config = twinsight::testing::quickBlurConfig();
    config.transform = "brightness";
    config.steps = 120;
    std::atomic_bool cancel{false};
    const TrainingOutcome outcome = Trainer(config).run(sampleImageSet(20, /*seed=*/31), {}, cancel);
    EXPECT_EQ(outcome.model.metadata().architecture.contextSize, findTransform("brightness").contextSize());
    const auto unseen = sampleImageSet(6, /*seed=*/77).images;
    const CorrelationStudy study = studyCorrelation(outcome.model.scorer(), unseen, {-80.0, 80.0}, 6);
    EXPECT_GT(study.spearman, 0.8);
    twinsight::testing::TempFolder folder;
    const std::string path = folder.file("brightness.twinsight");
    outcome.model.save(path);
    const TrainedModel loaded = TrainedModel::load(path, "cpu");
    EXPECT_EQ(loaded.metadata().architecture.contextSize, outcome.model.metadata().architecture.contextSize);
    const auto before = outcome.model.estimate(unseen);
    const auto after = loaded.estimate(unseen);
    for (std::size_t i = 0; i < unseen.size(); ++i) EXPECT_EQ(before[i].score, after[i].score) << i;
}

}  // namespace
}  // namespace twinsight::core
