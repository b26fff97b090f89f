#pragma once
// Correlation and ranking figures of the evaluation protocol (DESIGN.md, "Evaluation protocol").

#include <vector>

namespace twinsight::core {

// Pearson correlation; 0 when either side has no variance or fewer than two values.
double pearson(const std::vector<double>& x, const std::vector<double>& y);

// Ranks from 1, ties given their average rank.
std::vector<double> averageRanks(const std::vector<double>& values);

// Spearman correlation: Pearson of the average ranks.
double spearman(const std::vector<double>& x, const std::vector<double>& y);

// Share of pairs with different truths whose scores are ordered like the truths (score ties count half).
double pairAccuracy(const std::vector<double>& truth, const std::vector<double>& score);

// Linear-interpolated percentile (0..100) of a non-empty list.
double percentile(std::vector<double> values, double percent);

}  // namespace twinsight::core
