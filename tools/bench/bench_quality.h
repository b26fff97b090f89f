#pragma once
// Quality part of twinsight-bench: train each transformation with the default settings, evaluate on held-out
// images with the docs/design.md protocol, and compare with the origin study and the classical measures.

#include <optional>
#include <string>
#include <vector>

#include "core/evaluation/analysis.h"
#include "core/imageio/image_loading.h"

namespace twinsight::bench {

struct QualityRow {
    std::string transform;
    core::CorrelationStudy network;
    std::optional<double> originPearson;
    std::string classicalName;
    std::optional<core::CorrelationStudy> classical;
    double trainSeconds = 0.0;
    double pairsPerSecond = 0.0;
    std::optional<double> secondsToTarget;  // blur only: until validation Spearman first reaches kTargetSpearman
};

inline constexpr double kTargetSpearman = 0.95;

// Trains `transform` on `trainFolder` and evaluates on `testFolder` at `levels` magnitudes.
QualityRow measureQuality(const std::string& transform, const std::string& trainFolder, const std::string& testFolder,
                          int levels, const std::string& device, const std::string& modelOut = {});

void printQualityTable(const std::vector<QualityRow>& rows);

}  // namespace twinsight::bench
