#include "cli/progress_printer.h"

#include <unistd.h>

#include <cstdio>
#include <string>

namespace twinsight::cli {
namespace {
// A plain line this often when standard error is not a terminal: alive, without flooding a log.
constexpr std::chrono::seconds kLogInterval{5};
constexpr int kBarWidth = 24;

std::string clock(double seconds) {
    const int whole = static_cast<int>(seconds + 0.5);
    char text[16];
    std::snprintf(text, sizeof text, "%d:%02d", whole / 60, whole % 60);
    return text;
}
}  // namespace

ProgressPrinter::ProgressPrinter() : m_terminal(isatty(STDERR_FILENO) != 0), m_lastPrint() {}

void ProgressPrinter::operator()(const core::TrainingProgress& p) {
    if (p.validated) {
        m_lastAccuracy = p.valPairAccuracy;
        m_lastSpearman = p.valSpearman;
    }
    const auto now = std::chrono::steady_clock::now();
    const bool last = p.step == p.totalSteps;
    if (!m_terminal && !p.validated && !last && now - m_lastPrint < kLogInterval) return;
    m_lastPrint = now;
    char validation[64] = "";
    if (m_lastAccuracy >= 0.0) {
        std::snprintf(validation, sizeof validation, "  val acc %.3f rho %.3f", m_lastAccuracy, m_lastSpearman);
    }
    char line[256];
    std::snprintf(line, sizeof line, "step %d/%d  loss %.4f  %.0f pairs/s  ETA %s%s", p.step, p.totalSteps, p.loss,
                  p.pairsPerSecond, clock(p.etaSeconds).c_str(), validation);
    if (m_terminal) {
        const int filled = p.totalSteps > 0 ? kBarWidth * p.step / p.totalSteps : 0;
        std::fprintf(stderr, "\r[%s%s] %s\033[K", std::string(filled, '#').c_str(),
                     std::string(kBarWidth - filled, ' ').c_str(), line);
        m_lineOpen = true;
    } else {
        std::fprintf(stderr, "%s\n", line);
    }
    std::fflush(stderr);
}

void ProgressPrinter::finish() {
    if (m_lineOpen) std::fprintf(stderr, "\n");
    m_lineOpen = false;
}

}  // namespace twinsight::cli
