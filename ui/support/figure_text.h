#pragma once
// How a measured figure and its 90% interval read in the interface: "0.912 (0.85-0.95)".

#include <QString>

#include "core/base/statistics.h"

namespace twinsight::ui {

// The value with `decimals` decimals, its interval in brackets when known; `scale` multiplies both (100 for %).
QString figureWithInterval(double value, const core::Interval& interval, int decimals = 3, double scale = 1.0);
// The interval alone, "0.85–0.95", or "unknown".
QString intervalText(const core::Interval& interval, int decimals = 3, double scale = 1.0);

// "rough: only N held-out images" when fewer than core::kSteadyStudyImages, else empty.
QString roughNote(int images);

}  // namespace twinsight::ui
