#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/analysis.h"
#include "core/calibration.h"
#include "core/statistics.h"

namespace twinsight::core {
namespace {

TEST(Statistics, PearsonOfALinearRelationIsOneAndOfItsMirrorMinusOne) {
    const std::vector<double> x{1, 2, 3, 4, 5};
    EXPECT_NEAR(pearson(x, {3, 5, 7, 9, 11}), 1.0, 1e-12);
    EXPECT_NEAR(pearson(x, {10, 8, 6, 4, 2}), -1.0, 1e-12);
    EXPECT_EQ(pearson(x, {2, 2, 2, 2, 2}), 0.0);
}

TEST(Statistics, SpearmanSeesOnlyTheOrderAndAveragesTies) {
    EXPECT_NEAR(spearman({1, 2, 3, 4}, {1, 10, 100, 1000}), 1.0, 1e-12);
    EXPECT_EQ(averageRanks({10, 20, 20, 30}), (std::vector<double>{1, 2.5, 2.5, 4}));
    EXPECT_NEAR(spearman({1, 2, 3, 4, 5}, {5, 6, 7, 8, 7}), 0.8207826816681233, 1e-9);
}

TEST(Statistics, PairAccuracyCountsOrderedPairsAndHalvesTies) {
    EXPECT_EQ(pairAccuracy({1, 2, 3}, {0.1, 0.2, 0.3}), 1.0);
    EXPECT_EQ(pairAccuracy({1, 2, 3}, {0.3, 0.2, 0.1}), 0.0);
    EXPECT_NEAR(pairAccuracy({1, 2, 3}, {0.1, 0.1, 0.3}), (0.5 + 1 + 1) / 3.0, 1e-12);
    EXPECT_EQ(pairAccuracy({1, 1, 2}, {0.5, 0.1, 0.9}), 1.0);  // the pair with equal truths does not count
}

TEST(Statistics, PercentileInterpolates) {
    EXPECT_EQ(percentile({4, 1, 3, 2}, 0), 1.0);
    EXPECT_EQ(percentile({4, 1, 3, 2}, 100), 4.0);
    EXPECT_NEAR(percentile({1, 2, 3, 4, 5}, 10), 1.4, 1e-12);
}

TEST(Analysis, EvenlySpacedLevelsIncludeBothEnds) {
    EXPECT_EQ(evenlySpaced({0, 5}, 6), (std::vector<double>{0, 1, 2, 3, 4, 5}));
    EXPECT_THROW(evenlySpaced({0, 5}, 0), std::invalid_argument);
}

TEST(Calibration, IsotonicFitIsMonotoneAndInvertsAMonotoneScore) {
    std::vector<double> scores, magnitudes;
    for (int i = 0; i <= 10; ++i) {
        magnitudes.push_back(i * 0.5);
        scores.push_back(std::tanh(i * 0.2));
    }
    const Calibration calibration = Calibration::fit(scores, magnitudes);
    for (std::size_t i = 0; i < scores.size(); ++i) EXPECT_NEAR(calibration.estimate(scores[i]), magnitudes[i], 1e-9);
    EXPECT_NEAR(calibration.estimate((scores[2] + scores[3]) / 2), 1.25, 0.01);
    EXPECT_EQ(calibration.estimate(-5.0), 0.0);
    EXPECT_EQ(calibration.estimate(5.0), 5.0);
    EXPECT_TRUE(calibration.inRange(scores[4]));
    EXPECT_FALSE(calibration.inRange(scores.back() + 0.1));
}

TEST(Calibration, ViolatorsArePooled) {
    const Calibration calibration = Calibration::fit({0.0, 1.0, 2.0, 3.0}, {0.0, 3.0, 1.0, 4.0});
    EXPECT_EQ(calibration.knotMagnitudes(), (std::vector<double>{0.0, 2.0, 4.0}));
    EXPECT_EQ(calibration.knotScores(), (std::vector<double>{0.0, 1.5, 3.0}));
}

TEST(Calibration, RoundTripsThroughJson) {
    const Calibration calibration = Calibration::fit({0.1, 0.4, 0.9}, {0.0, 2.0, 5.0});
    const Calibration copy = Calibration::fromJson(calibration.toJson());
    EXPECT_EQ(copy.knotScores(), calibration.knotScores());
    EXPECT_EQ(copy.estimate(0.6), calibration.estimate(0.6));
    EXPECT_EQ(copy.inRange(0.95), calibration.inRange(0.95));
}

}  // namespace
}  // namespace twinsight::core
