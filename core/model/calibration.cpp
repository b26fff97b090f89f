#include "core/model/calibration.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace twinsight::core {
namespace {

struct Block {
    double scoreSum = 0.0;
    double magnitudeSum = 0.0;
    double weight = 0.0;
    double magnitude() const { return magnitudeSum / weight; }
};

}  // namespace

Calibration Calibration::fit(const std::vector<double>& scores, const std::vector<double>& magnitudes) {
    if (scores.size() != magnitudes.size() || scores.empty()) {
        throw std::invalid_argument("calibration: needs equally many scores and magnitudes, at least one");
    }
    std::vector<std::size_t> order(scores.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return scores[a] < scores[b]; });
    std::vector<Block> blocks;
    for (std::size_t index : order) {
        blocks.push_back({scores[index], magnitudes[index], 1.0});
        // Merge while the newest block breaks monotonicity, or shares its score with the previous one.
        while (blocks.size() > 1) {
            Block& last = blocks.back();
            Block& previous = blocks[blocks.size() - 2];
            const bool sameScore = previous.scoreSum / previous.weight == last.scoreSum / last.weight;
            if (previous.magnitude() < last.magnitude() && !sameScore) break;
            previous.scoreSum += last.scoreSum;
            previous.magnitudeSum += last.magnitudeSum;
            previous.weight += last.weight;
            blocks.pop_back();
        }
    }
    Calibration calibration;
    calibration.m_lowestScore = scores[order.front()];
    calibration.m_highestScore = scores[order.back()];
    for (const Block& block : blocks) {
        calibration.m_scores.push_back(block.scoreSum / block.weight);
        calibration.m_magnitudes.push_back(block.magnitude());
    }
    return calibration;
}

double Calibration::estimate(double score) const {
    if (std::isnan(score)) return score;  // no place on the curve (and upper_bound would run past its end)
    if (m_scores.empty()) return score;
    if (score <= m_scores.front()) return m_magnitudes.front();
    if (score >= m_scores.back()) return m_magnitudes.back();
    const auto upper = std::upper_bound(m_scores.begin(), m_scores.end(), score) - m_scores.begin();
    const auto lower = upper - 1;
    const double fraction = (score - m_scores[lower]) / (m_scores[upper] - m_scores[lower]);
    return m_magnitudes[lower] + fraction * (m_magnitudes[upper] - m_magnitudes[lower]);
}

bool Calibration::inRange(double score) const {
    if (std::isnan(score)) return false;
    if (m_scores.empty()) return true;
    return score >= m_lowestScore && score <= m_highestScore;
}

nlohmann::json Calibration::toJson() const {
    return {{"method", "isotonic"},
            {"scores", m_scores},
            {"magnitudes", m_magnitudes},
            {"lowest_score", m_lowestScore},
            {"highest_score", m_highestScore}};
}

Calibration Calibration::fromJson(const nlohmann::json& json) {
    Calibration calibration;
    calibration.m_scores = json.at("scores").get<std::vector<double>>();
    calibration.m_magnitudes = json.at("magnitudes").get<std::vector<double>>();
    calibration.m_lowestScore = json.at("lowest_score").get<double>();
    calibration.m_highestScore = json.at("highest_score").get<double>();
    const bool sorted = std::is_sorted(calibration.m_scores.begin(), calibration.m_scores.end()) &&
                        std::is_sorted(calibration.m_magnitudes.begin(), calibration.m_magnitudes.end());
    if (calibration.m_scores.size() != calibration.m_magnitudes.size() || !sorted) {
        throw std::invalid_argument("calibration: knots are not two monotone lists of equal length");
    }
    if (!(calibration.m_lowestScore <= calibration.m_highestScore)) {
        throw std::invalid_argument("calibration: lowest_score exceeds highest_score");
    }
    return calibration;
}

}  // namespace twinsight::core
