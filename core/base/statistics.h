#pragma once
// Correlation and ranking figures of the evaluation protocol (docs/design.md, "Evaluation protocol").

#include <cmath>
#include <limits>
#include <vector>

namespace twinsight::core {

// A range a figure is believed to lie in (a 90% bootstrap interval here); both ends NaN when unknown.
struct Interval {
    double low = std::numeric_limits<double>::quiet_NaN();
    double high = std::numeric_limits<double>::quiet_NaN();
    bool known() const { return std::isfinite(low) && std::isfinite(high); }
    bool contains(double value) const { return known() && value >= low && value <= high; }
};

// Pearson correlation; 0 when either side has no variance or fewer than two values.
double pearson(const std::vector<double>& x, const std::vector<double>& y);

// Ranks from 1, ties given their average rank.
std::vector<double> averageRanks(const std::vector<double>& values);

// Spearman correlation: Pearson of the average ranks.
double spearman(const std::vector<double>& x, const std::vector<double>& y);

// Share of pairs with different truths whose scores are ordered like the truths (score ties count half).
double pairAccuracy(const std::vector<double>& truth, const std::vector<double>& score);

// Median of a non-empty list.
double median(std::vector<double> values);

// Linear-interpolated percentile (0..100) of a non-empty list.
double percentile(std::vector<double> values, double percent);

}  // namespace twinsight::core
