#include "core/evaluation/analysis.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

#include "core/base/statistics.h"

namespace twinsight::core {
namespace {

// Noise draws differ per copy yet repeat from run to run, so that a study gives the same figures every time.
std::uint64_t copySeed(std::size_t image, int level) { return 0xC0FFEEULL + image * 1000003ULL + level; }

}  // namespace

std::vector<double> evenlySpaced(const Range& range, int levels) {
    if (levels < 1) throw std::invalid_argument("levels must be at least 1, got " + std::to_string(levels));
    if (levels == 1) return {(range.min + range.max) / 2.0};
    std::vector<double> values;
    for (int i = 0; i < levels; ++i) values.push_back(range.min + range.span() * i / (levels - 1));
    return values;
}

std::vector<SweepRow> sweepImage(const ImageScorer& scorer, const cv::Mat& image, const Range& range, int levels,
                                 const Calibration& calibration) {
    scorer.transform().checkRange(range);
    const std::vector<double> magnitudes = evenlySpaced(range, levels);
    std::vector<cv::Mat> copies;
    for (int level = 0; level < levels; ++level) {
        copies.push_back(scorer.transform().apply(image, magnitudes[level], copySeed(0, level)));
    }
    const std::vector<double> scores = scorer.scoreAll(copies);
    std::vector<SweepRow> rows;
    for (int level = 0; level < levels; ++level) {
        rows.push_back({magnitudes[level], scores[level], calibration.estimate(scores[level])});
    }
    return rows;
}

CorrelationStudy studyCorrelation(const Transform& transform, const ImageMeasure& measure,
                                  const std::vector<cv::Mat>& images, const Range& range, int levels) {
    if (images.empty()) throw std::invalid_argument("correlation study: no images");
    transform.checkRange(range);
    const std::vector<double> magnitudes = evenlySpaced(range, levels);
    CorrelationStudy study;
    study.images = static_cast<int>(images.size());
    study.levels = levels;
    for (std::size_t i = 0; i < images.size(); ++i) {
        std::vector<cv::Mat> copies;
        for (int level = 0; level < levels; ++level) {
            copies.push_back(transform.apply(images[i], magnitudes[level], copySeed(i, level)));
        }
        const std::vector<double> scores = measure(copies);
        for (int level = 0; level < levels; ++level) {
            study.rows.push_back({static_cast<int>(i), magnitudes[level], scores[level]});
        }
    }
    computeFigures(study);
    addBootstrapIntervals(study);
    return study;
}

void computeFigures(CorrelationStudy& study) {
    std::vector<double> allMagnitudes, allScores;
    std::vector<std::vector<double>> imageMagnitudes(study.images), imageScores(study.images);
    for (const StudyRow& row : study.rows) {
        allMagnitudes.push_back(row.magnitude);
        allScores.push_back(row.score);
        imageMagnitudes.at(row.image).push_back(row.magnitude);
        imageScores.at(row.image).push_back(row.score);
    }
    double perImageSum = 0.0;
    for (int i = 0; i < study.images; ++i) perImageSum += spearman(imageMagnitudes[i], imageScores[i]);
    study.pearson = pearson(allMagnitudes, allScores);
    study.spearman = spearman(allMagnitudes, allScores);
    study.perImageSpearman = study.images > 0 ? perImageSum / study.images : 0.0;
    study.pairAccuracy = pairAccuracy(allMagnitudes, allScores);
}

CorrelationStudy studyCorrelation(const ImageScorer& scorer, const std::vector<cv::Mat>& images, const Range& range,
                                  int levels) {
    return studyCorrelation(
        scorer.transform(), [&scorer](const std::vector<cv::Mat>& copies) { return scorer.scoreAll(copies); }, images,
        range, levels);
}

Calibration fitCalibration(const CorrelationStudy& study) {
    std::vector<double> scores, magnitudes;
    for (const StudyRow& row : study.rows) {
        scores.push_back(row.score);
        magnitudes.push_back(row.magnitude);
    }
    return Calibration::fit(scores, magnitudes);
}

std::vector<DifferenceAccuracy> pairAccuracyByDifference(const CorrelationStudy& study) {
    // Differences of evenly spaced levels come out equal up to rounding: they are grouped to 1e-9 of the range.
    std::map<long long, DifferenceAccuracy> byDifference;
    double span = 0.0;
    for (const StudyRow& a : study.rows) {
        for (const StudyRow& b : study.rows) span = std::max(span, std::abs(a.magnitude - b.magnitude));
    }
    const double grain = span > 0.0 ? span * 1e-9 : 1e-12;
    for (std::size_t i = 0; i < study.rows.size(); ++i) {
        for (std::size_t j = i + 1; j < study.rows.size(); ++j) {
            const StudyRow& a = study.rows[i];
            const StudyRow& b = study.rows[j];
            if (a.image != b.image || a.magnitude == b.magnitude) continue;
            const double difference = std::abs(a.magnitude - b.magnitude);
            DifferenceAccuracy& entry = byDifference[std::llround(difference / grain)];
            entry.difference = difference;
            ++entry.pairs;
            entry.right += (b.score - a.score) * (b.magnitude - a.magnitude) > 0.0 ? 1 : 0;
        }
    }
    std::vector<DifferenceAccuracy> result;
    for (const auto& [key, entry] : byDifference) result.push_back(entry);
    return result;
}

}  // namespace twinsight::core
