// How sure a correlation study's figures are: bootstrap intervals over images, and the error of calibrated
// estimates on images the calibration did not see.

#include <algorithm>
#include <cmath>
#include <random>

#include "core/base/statistics.h"
#include "core/evaluation/analysis.h"

namespace twinsight::core {
namespace {

// Each interval holds the middle 90% of the moves between resampled sets.
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

// The 95th percentile of Student's t with `degrees` degrees of freedom (Cornish-Fisher expansion about the normal
// one; within 0.2% from 4 degrees, 1.9% low at 2).
double studentT95(int degrees) {
    const double z = 1.6448536, z3 = z * z * z, z5 = z3 * z * z, d = degrees;
    return z + (z3 + z) / (4.0 * d) + (5.0 * z5 + 16.0 * z3 + 3.0 * z) / (96.0 * d * d);
}

// A bootstrap over few images spreads too little: it cannot draw an image it has not seen. The expanded
// percentile interval widens it by sqrt(n / (n - 1)) and by Student's t over the normal quantile (Hesterberg,
// "What teachers should know about the bootstrap", 2015): 1.23 for 8 images, 1.07 for 30.
double smallSetExpansion(int images) {
    if (images < 2) return 1.0;
    return std::sqrt(images / (images - 1.0)) * studentT95(images - 1) / studentT95(1 << 30);
}

// How far a figure moves from one set of images to another like it: the differences of resample r and resample
// r + R/2, two independent draws, widened for small sets. Their middle 90% around the figure is the interval, kept
// inside the figure's own scale. A percentile of the resamples alone says where the figure of the whole
// population lies; another set of as many images scatters about that by as much again.
Interval movedBetweenSets(double figure, const std::vector<double>& resampled, int images, double lowest,
                          double highest) {
    Interval interval;
    if (resampled.empty()) return interval;
    const std::size_t half = resampled.size() / 2;
    const double expansion = smallSetExpansion(images);
    std::vector<double> moves;
    moves.reserve(resampled.size());
    for (std::size_t r = 0; r < resampled.size(); ++r)
        moves.push_back(expansion * (resampled[r] - resampled[(r + half) % resampled.size()]));
    interval.low = std::clamp(figure + percentile(moves, kLowerPercent), lowest, highest);
    interval.high = std::clamp(figure + percentile(std::move(moves), kUpperPercent), lowest, highest);
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
    const int images = static_cast<int>(byImage.size());
    study.pearsonInterval = movedBetweenSets(study.pearson, pearsons, images, -1.0, 1.0);
    study.spearmanInterval = movedBetweenSets(study.spearman, spearmans, images, -1.0, 1.0);
    study.pairAccuracyInterval = movedBetweenSets(study.pairAccuracy, accuracies, images, 0.0, 1.0);
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
