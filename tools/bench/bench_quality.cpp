#include "bench_quality.h"

#include <cstdio>
#include <iostream>

#include "classical_measures.h"
#include "core/training/trainer.h"

namespace twinsight::bench {
namespace {

// Pearson correlations reported by the origin study (fewer than 100 training photos).
std::optional<double> originPearson(const std::string& transform) {
    if (transform == "blur") return 0.955;
    if (transform == "rotation") return 0.37;
    if (transform == "brightness") return 0.775;
    return std::nullopt;
}

// Validations often enough to time the approach to the target, on the blur run only.
constexpr int kTimingValidationInterval = 30;

std::string figure(const std::optional<double>& value, const char* format = "%.3f") {
    if (!value) return "-";
    char text[32];
    std::snprintf(text, sizeof text, format, *value);
    return text;
}

}  // namespace

QualityRow measureQuality(const std::string& transform, const std::string& trainFolder, const std::string& testFolder,
                          int levels, const std::string& device, const std::string& modelOut) {
    core::TrainerConfig config;
    config.transform = transform;
    config.device = device;
    if (transform == "blur") config.validationInterval = kTimingValidationInterval;
    const core::ImageSet train = core::loadImagesFrom({trainFolder}, config.workingSize);
    const core::ImageSet test = core::loadImagesFrom({testFolder}, config.workingSize);
    if (train.images.empty() || test.images.empty()) throw std::runtime_error("no readable training or test image");
    QualityRow row;
    row.transform = transform;
    row.originPearson = originPearson(transform);
    auto progress = [&row](const core::TrainingProgress& p) {
        if (p.validated && !row.secondsToTarget && p.valSpearman >= kTargetSpearman) row.secondsToTarget = p.elapsedSeconds;
    };
    std::atomic_bool cancel{false};
    core::Trainer trainer(config);
    const core::TrainingOutcome outcome = trainer.run(train, progress, cancel);
    if (!modelOut.empty()) outcome.model.save(modelOut);
    if (transform != "blur") row.secondsToTarget.reset();
    row.trainSeconds = outcome.model.metadata().training.seconds;
    row.pairsPerSecond = outcome.model.metadata().training.pairsPerSecond;
    const core::Range range = config.effectiveRange();
    row.network = core::studyCorrelation(outcome.model.scorer(), test.images, range, levels);
    if (const auto classical = classicalMeasureFor(transform)) {
        row.classicalName = classical->name;
        const core::Transform& degradation = core::findTransform(transform);
        row.classical = core::studyCorrelation(degradation, classical->measure, test.images, range, levels);
    }
    return row;
}

void printQualityTable(const std::vector<QualityRow>& rows) {
    std::printf("\nQuality (held-out images, pooled over image x magnitude)\n");
    std::printf("| transform | Pearson | Spearman | per-image Spearman | pair acc | origin Pearson | classical measure "
                "| classical Pearson | classical Spearman | train s | pairs/s |\n");
    std::printf("|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (const QualityRow& row : rows) {
        const auto& c = row.classical;
        std::printf("| %s | %.3f | %.3f | %.3f | %.3f | %s | %s | %s | %s | %.0f | %.0f |\n", row.transform.c_str(),
                    row.network.pearson, row.network.spearman, row.network.perImageSpearman, row.network.pairAccuracy,
                    figure(row.originPearson).c_str(), row.classicalName.empty() ? "-" : row.classicalName.c_str(),
                    figure(c ? std::optional(c->pearson) : std::nullopt).c_str(),
                    figure(c ? std::optional(c->spearman) : std::nullopt).c_str(), row.trainSeconds,
                    row.pairsPerSecond);
    }
    for (const QualityRow& row : rows) {
        if (row.transform != "blur") continue;
        std::printf("\nblur: seconds of training until validation Spearman first reached %.2f: %s\n", kTargetSpearman,
                    row.secondsToTarget ? figure(row.secondsToTarget, "%.0f").c_str() : "not reached");
    }
    std::fflush(stdout);
}

}  // namespace twinsight::bench
