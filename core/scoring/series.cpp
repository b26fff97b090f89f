#include "core/scoring/series.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <stdexcept>

#include "core/base/statistics.h"
#include "core/imageio/image_source.h"

namespace twinsight::core {

std::string seriesOf(const std::string& imageName) {
    const ImageSource source = parseImageSource(imageName);
    if (source.frame > 0) return source.file;
    const std::filesystem::path folder = std::filesystem::path(source.file).parent_path();
    return folder.empty() ? std::string(".") : folder.string();
}

double degradation(double estimate, const Range& range) { return range.min < 0.0 ? std::abs(estimate) : estimate; }

std::vector<SeriesSummary> summariseSeries(const MultiModelScores& scores, std::size_t column, const Range& range,
                                           const std::set<std::string>& flagged) {
    std::map<std::string, std::vector<std::size_t>> members;
    for (std::size_t i = 0; i < scores.paths.size(); ++i) {
        if (column >= scores.estimates[i].size()) throw std::invalid_argument("summariseSeries: no such model column");
        members[seriesOf(scores.paths[i])].push_back(i);
    }
    std::vector<SeriesSummary> summaries;
    for (const auto& [series, rows] : members) {
        SeriesSummary summary;
        summary.series = series;
        summary.images = static_cast<int>(rows.size());
        std::vector<double> estimates;
        // An image without detail (an empty end slice) counts for neither the median nor the worst, unless the series
        // has nothing else.
        const bool anyDetail =
            std::any_of(rows.begin(), rows.end(), [&](std::size_t row) { return !scores.withoutDetail(row); });
        std::size_t worst = *std::find_if(rows.begin(), rows.end(),
                                          [&](std::size_t row) { return !anyDetail || !scores.withoutDetail(row); });
        for (const std::size_t row : rows) {
            if (anyDetail && scores.withoutDetail(row)) continue;
            const double estimate = scores.estimates[row][column].estimate;
            estimates.push_back(estimate);
            const double worstSoFar = degradation(scores.estimates[worst][column].estimate, range);
            if (degradation(estimate, range) > worstSoFar ||
                (degradation(estimate, range) == worstSoFar && imageNameLess(scores.paths[row], scores.paths[worst]))) {
                worst = row;
            }
            summary.flagged += flagged.count(scores.paths[row]) > 0 ? 1 : 0;
        }
        summary.medianEstimate = median(estimates);
        summary.worstEstimate = scores.estimates[worst][column].estimate;
        summary.worstImage = scores.paths[worst];
        summaries.push_back(summary);
    }
    std::stable_sort(summaries.begin(), summaries.end(), [&range](const SeriesSummary& a, const SeriesSummary& b) {
        return degradation(a.worstEstimate, range) > degradation(b.worstEstimate, range);
    });
    return summaries;
}

}  // namespace twinsight::core
