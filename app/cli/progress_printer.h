#pragma once
// Training progress on standard error: a live bar on a terminal, a plain line every few seconds otherwise
// (logs, CI, pipes).

#include <chrono>

#include "core/training/trainer.h"

namespace twinsight::cli {

class ProgressPrinter {
public:
    ProgressPrinter();
    void operator()(const core::TrainingProgress& progress);
    // Ends the live line, if any.
    void finish();

private:
    bool m_terminal;
    bool m_lineOpen = false;
    std::chrono::steady_clock::time_point m_lastPrint;
    double m_lastAccuracy = -1.0;
    double m_lastSpearman = 0.0;
};

}  // namespace twinsight::cli
