// How sure a correlation study's figures are: bootstrap intervals over images, and the error of calibrated
// estimates on images the calibration did not see.

#include <algorithm>
#include <cmath>
#include <random>

#include "core/base/statistics.h"
#include "core/evaluation/analysis.h"

namespace twinsight::core {
namespace {

// Each interval is the middle 90% of the resampled figures.
constexpr double kLowerPercent = 5.0;
constexpr double kUpperPercent = 95.0;
// Rows above which fewer resamples are drawn: the cost grows with rows times resamples.
constexpr std::size_t kLargeStudyRows = 4000;
constexpr int kLargeStudyResamples = 200;
// Fixed, so that the same study always reports the same interval.
constexpr std::uint64_t kBootstrapSeed = 0x5EED1A7EULL;

std::vector<std::vector<const StudyRow*>> rowsByImage(const CorrelationStudy& study) {
    std::vector<std::vector<const StudyRow*>> byImage(study.images);
    for (const StudyRow& row : study.rows) byImage.at(row.image).push_back(&row);
    return byImage;
}

Interval middleOf(std::vector<double> values) {
    Interval interval;
    if (values.empty()) return interval;
    interval.low = percentile(values, kLowerPercent);
    interval.high = percentile(std::move(values), kUpperPercent);
    return interval;
}

}  // namespace

void addBootstrapIntervals(CorrelationStudy& study) {
    const auto byImage = rowsByImage(study);
    if (byImage.empty()) return;
    const int resamples = study.rows.size() > kLargeStudyRows ? kLargeStudyResamples : kBootstrapResamples;
    std::mt19937_64 random(kBootstrapSeed);
    std::uniform_int_distribution<std::size_t> pick(0, byImage.size() - 1);
    std::vector<double> pearsons, spearmans, accuracies;
    std::vector<double> magnitudes, scores;
    for (int r = 0; r < resamples; ++r) {
        magnitudes.clear();
        scores.clear();
        for (std::size_t k = 0; k < byImage.size(); ++k) {
            for (const StudyRow* row : byImage[pick(random)]) {
                magnitudes.push_back(row->magnitude);
                scores.push_back(row->score);
            }
        }
        pearsons.push_back(pearson(magnitudes, scores));
        spearmans.push_back(spearman(magnitudes, scores));
        accuracies.push_back(pairAccuracy(magnitudes, scores));
    }
    study.pearsonInterval = middleOf(std::move(pearsons));
    study.spearmanInterval = middleOf(std::move(spearmans));
    study.pairAccuracyInterval = middleOf(std::move(accuracies));
}

double medianEstimateError(const CorrelationStudy& study, const Calibration& calibration) {
    if (study.rows.empty() || calibration.empty()) return std::nan("");
    std::vector<double> errors;
    for (const StudyRow& row : study.rows) errors.push_back(std::abs(calibration.estimate(row.score) - row.magnitude));
    return median(std::move(errors));
}

double heldOutEstimateError(const CorrelationStudy& heldOut, const CorrelationStudy& extra) {
    if (heldOut.images < 2 && extra.rows.empty()) return std::nan("");
    std::vector<double> errors;
    for (int image = 0; image < heldOut.images; ++image) {
        std::vector<double> scores, magnitudes;
        for (const CorrelationStudy* source : {&heldOut, &extra}) {
            for (const StudyRow& row : source->rows) {
                if (source == &heldOut && row.image == image) continue;
                scores.push_back(row.score);
                magnitudes.push_back(row.magnitude);
            }
        }
        const Calibration calibration = Calibration::fit(scores, magnitudes);
        for (const StudyRow& row : heldOut.rows) {
            if (row.image == image) errors.push_back(std::abs(calibration.estimate(row.score) - row.magnitude));
        }
    }
    return errors.empty() ? std::nan("") : median(std::move(errors));
}

CorrelationStudy combinedRows(const CorrelationStudy& a, const CorrelationStudy& b) {
    CorrelationStudy both;
    both.images = a.images + b.images;
    both.levels = std::max(a.levels, b.levels);
    both.rows = a.rows;
    for (StudyRow row : b.rows) {
        row.image += a.images;
        both.rows.push_back(row);
    }
    computeFigures(both);
    addBootstrapIntervals(both);
    return both;
}

}  // namespace twinsight::core
