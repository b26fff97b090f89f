#include "core/base/statistics.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace twinsight::core {

double pearson(const std::vector<double>& x, const std::vector<double>& y) {
    if (x.size() != y.size()) throw std::invalid_argument("pearson: lists differ in length");
    const std::size_t n = x.size();
    if (n < 2) return 0.0;
    const double meanX = std::accumulate(x.begin(), x.end(), 0.0) / n;
    const double meanY = std::accumulate(y.begin(), y.end(), 0.0) / n;
    double sxy = 0.0, sxx = 0.0, syy = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        sxy += (x[i] - meanX) * (y[i] - meanY);
        sxx += (x[i] - meanX) * (x[i] - meanX);
        syy += (y[i] - meanY) * (y[i] - meanY);
    }
    if (sxx <= 0.0 || syy <= 0.0) return 0.0;
    return sxy / std::sqrt(sxx * syy);
}

std::vector<double> averageRanks(const std::vector<double>& values) {
    std::vector<std::size_t> order(values.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
    std::vector<double> ranks(values.size());
    for (std::size_t start = 0; start < order.size();) {
        std::size_t end = start + 1;
        while (end < order.size() && values[order[end]] == values[order[start]]) ++end;
        const double rank = (start + end + 1) * 0.5;  // mean of the 1-based ranks start+1 .. end
        for (std::size_t i = start; i < end; ++i) ranks[order[i]] = rank;
        start = end;
    }
    return ranks;
}

double spearman(const std::vector<double>& x, const std::vector<double>& y) {
    return pearson(averageRanks(x), averageRanks(y));
}

double pairAccuracy(const std::vector<double>& truth, const std::vector<double>& score) {
    if (truth.size() != score.size()) throw std::invalid_argument("pair accuracy: lists differ in length");
    // Rows in order of truth; a Fenwick tree over score ranks counts, for each row, the rows of strictly lower
    // truth whose score is lower (concordant) or equal (a tie, half a point): O(n log n), so that bootstrap
    // resamples of large studies stay cheap.
    const std::size_t n = truth.size();
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return truth[a] < truth[b]; });
    std::vector<double> distinctScores(score);
    std::sort(distinctScores.begin(), distinctScores.end());
    distinctScores.erase(std::unique(distinctScores.begin(), distinctScores.end()), distinctScores.end());
    auto rankOf = [&](std::size_t row) {  // 1-based
        return static_cast<std::size_t>(std::lower_bound(distinctScores.begin(), distinctScores.end(), score[row]) -
                                        distinctScores.begin()) +
               1;
    };
    std::vector<double> tree(distinctScores.size() + 1, 0.0);
    auto countUpTo = [&](std::size_t rank) {
        double count = 0.0;
        for (; rank > 0; rank -= rank & (~rank + 1)) count += tree[rank];
        return count;
    };
    double credit = 0.0, pairs = 0.0, seen = 0.0;
    for (std::size_t start = 0; start < n;) {
        std::size_t end = start;
        while (end < n && truth[order[end]] == truth[order[start]]) ++end;
        for (std::size_t k = start; k < end; ++k) {
            const std::size_t rank = rankOf(order[k]);
            const double lower = countUpTo(rank - 1);
            credit += lower + 0.5 * (countUpTo(rank) - lower);
            pairs += seen;
        }
        for (std::size_t k = start; k < end; ++k) {
            for (std::size_t rank = rankOf(order[k]); rank < tree.size(); rank += rank & (~rank + 1)) tree[rank] += 1.0;
        }
        seen += static_cast<double>(end - start);
        start = end;
    }
    return pairs == 0.0 ? 0.0 : credit / pairs;
}

double median(std::vector<double> values) { return percentile(std::move(values), 50.0); }

double percentile(std::vector<double> values, double percent) {
    if (values.empty()) throw std::invalid_argument("percentile of an empty list");
    std::sort(values.begin(), values.end());
    const double position = std::clamp(percent, 0.0, 100.0) / 100.0 * (values.size() - 1);
    const auto lower = static_cast<std::size_t>(std::floor(position));
    const std::size_t upper = std::min(lower + 1, values.size() - 1);
    const double fraction = position - lower;
    return values[lower] * (1.0 - fraction) + values[upper] * fraction;
}

}  // namespace twinsight::core
