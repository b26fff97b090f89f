#include "ui/workspace/flag_thresholds.h"

#include <QCryptographicHash>
#include <QSettings>
#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "core/sidecars/sidecar_ratings.h"
#include "ui/jobs/folder_scorer.h"

namespace twinsight::ui {
namespace {

QString settingsGroup(const core::ModelMetadata& metadata) {
    return QStringLiteral("flagThresholds/") + modelIdentity(metadata);
}

void writeOptional(QSettings& settings, const QString& key, const std::optional<double>& value) {
    settings.setValue(key, value ? QVariant(*value) : QVariant(QStringLiteral("off")));
}

// A stored value, unless it is missing or not a finite number: those leave `fallback`.
std::optional<double> readOptional(const QSettings& settings, const QString& key,
                                   const std::optional<double>& fallback) {
    const QVariant value = settings.value(key);
    if (!value.isValid()) return fallback;
    if (value.toString() == QStringLiteral("off")) return std::nullopt;
    bool ok = false;
    const double number = value.toDouble(&ok);
    return ok && std::isfinite(number) ? std::optional<double>(number) : fallback;
}

}  // namespace

double FlagThresholds::excess(double estimate) const {
    double beyond = 0.0;
    if (below && estimate < *below) beyond = std::max(beyond, *below - estimate);
    if (above && estimate > *above) beyond = std::max(beyond, estimate - *above);
    return beyond;
}

FlagThresholds defaultFlagThresholds(const core::ModelMetadata& metadata) {
    FlagThresholds thresholds;  // the command line's default rules, as thresholds
    for (const core::FlagRule& rule : core::defaultFlagRules({&metadata})) {
        (rule.above ? thresholds.above : thresholds.below) = rule.threshold;
    }
    return thresholds;
}

QString modelIdentity(const core::ModelMetadata& metadata) {
    const QByteArray json = QByteArray::fromStdString(metadata.toJson().dump());
    return QString::fromLatin1(QCryptographicHash::hash(json, QCryptographicHash::Sha256).toHex().left(24));
}

FlagThresholds rememberedFlagThresholds(const core::ModelMetadata& metadata) {
    const FlagThresholds defaults = defaultFlagThresholds(metadata);
    const QSettings settings;
    const QString group = settingsGroup(metadata);
    return {readOptional(settings, group + "/below", defaults.below),
            readOptional(settings, group + "/above", defaults.above)};
}

void rememberFlagThresholds(const core::ModelMetadata& metadata, const FlagThresholds& thresholds) {
    QSettings settings;
    const QString group = settingsGroup(metadata);
    writeOptional(settings, group + "/below", thresholds.below);
    writeOptional(settings, group + "/above", thresholds.above);
}

std::vector<FlaggedImage> flagImages(const FolderScores& scores, const std::vector<FlagThresholds>& thresholds) {
    std::vector<FlaggedImage> flagged;
    const std::size_t columns = std::min(thresholds.size(), scores.models.size());
    for (std::size_t row = 0; row < scores.scores.paths.size(); ++row) {
        if (scores.scores.withoutDetail(row)) continue;  // an empty slice: its estimates say nothing
        FlaggedImage image;
        const std::vector<core::ImageEstimate>& estimates = scores.scores.estimates[row];
        for (std::size_t column = 0; column < columns && column < estimates.size(); ++column) {
            const double estimate = estimates[column].estimate;
            if (!thresholds[column].holds(estimate)) continue;
            const core::Range range = scores.models[column]->metadata().range;
            const double span = std::max(1e-9, range.max - range.min);
            image.columns.push_back(static_cast<int>(column));
            image.severity = std::max(image.severity, thresholds[column].excess(estimate) / span);
        }
        if (image.columns.empty()) continue;
        image.path = QString::fromStdString(scores.scores.paths[row]);
        flagged.push_back(std::move(image));
    }
    std::stable_sort(flagged.begin(), flagged.end(),
                     [](const FlaggedImage& a, const FlaggedImage& b) { return a.severity > b.severity; });
    return flagged;
}

}  // namespace twinsight::ui
