#pragma once
// Turns a network score back into the transformation's own unit: a monotone (isotonic) map from score to magnitude
// fitted on held-out sweeps (docs/design.md, "The idea").

#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace twinsight::core {

class Calibration {
public:
    Calibration() = default;

    // Least-squares non-decreasing fit of magnitude on score (pool adjacent violators).
    static Calibration fit(const std::vector<double>& scores, const std::vector<double>& magnitudes);

    bool empty() const { return m_scores.empty(); }
    // Magnitude estimate, interpolated between knots and held at the end knots outside them.
    double estimate(double score) const;
    // Whether the score lies within the scores seen across the trained range.
    bool inRange(double score) const;

    const std::vector<double>& knotScores() const { return m_scores; }
    const std::vector<double>& knotMagnitudes() const { return m_magnitudes; }

    nlohmann::json toJson() const;
    static Calibration fromJson(const nlohmann::json& json);

private:
    std::vector<double> m_scores;      // strictly increasing
    std::vector<double> m_magnitudes;  // non-decreasing
    double m_lowestScore = 0.0;        // raw scores seen in the fit, which span wider than the averaged knots
    double m_highestScore = 0.0;
};

}  // namespace twinsight::core
