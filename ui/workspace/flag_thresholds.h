#pragma once
// Which images the desktop program flags for review: each open model has thresholds in its transformation's unit
// (flag estimates above one, below the other, or both for a signed transformation: darker than -30 or brighter
// than +30 V levels), and an image is flagged when any model's rule holds. The thresholds start at the
// transformation's noticeable magnitude, whatever the folder holds, and are remembered per model.

#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

#include "core/model/model_metadata.h"

namespace twinsight::ui {

struct FolderScores;

struct FlagThresholds {
    std::optional<double> below;  // flag estimates under this
    std::optional<double> above;  // flag estimates over this

    bool holds(double estimate) const {
        return (below && estimate < *below) || (above && estimate > *above);
    }
    // How far `estimate` lies beyond the nearer threshold it crosses, 0 when none.
    double excess(double estimate) const;
    bool operator==(const FlagThresholds& other) const { return below == other.below && above == other.above; }
    bool operator!=(const FlagThresholds& other) const { return !(*this == other); }
};

// Above the noticeable magnitude; for a signed range, also below its negative.
FlagThresholds defaultFlagThresholds(const core::ModelMetadata& metadata);

// A model's identity across saving and reopening: a digest of its metadata (transformation, range, calibration,
// training figures, time of creation), which the model file keeps as they are.
QString modelIdentity(const core::ModelMetadata& metadata);

// The thresholds last set for this model (QSettings), else the default ones.
FlagThresholds rememberedFlagThresholds(const core::ModelMetadata& metadata);
void rememberFlagThresholds(const core::ModelMetadata& metadata, const FlagThresholds& thresholds);

struct FlaggedImage {
    QString path;
    std::vector<int> columns;  // the models (columns of the scores) whose rule holds, in column order
    double severity = 0.0;     // the largest excess over a model's threshold, as a share of that model's range
};

// The images of `scores` that any model flags under `thresholds` (one per column), most severe first.
std::vector<FlaggedImage> flagImages(const FolderScores& scores, const std::vector<FlagThresholds>& thresholds);

}  // namespace twinsight::ui
