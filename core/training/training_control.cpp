#include <chrono>
#include <stdexcept>
#include <string>

#include "core/training/trainer.h"

namespace twinsight::core {

namespace {
// How often a paused training looks at its cancel flag: Stop takes effect within this.
constexpr std::chrono::milliseconds kCancelPoll{20};
// TrainerConfig::validate's limits.
constexpr int kMaxBatchSize = 4096;
}  // namespace

void TrainingControl::pause() {
    {
        std::lock_guard lock(m_mutex);
        m_paused = true;
        m_stepsLeft = -1;
    }
    m_changed.notify_all();
}

void TrainingControl::reset() {
    {
        std::lock_guard lock(m_mutex);
        m_paused = false;
        m_stepsLeft = -1;
        m_pending = {};
    }
    m_changed.notify_all();
}

void TrainingControl::resume() {
    {
        std::lock_guard lock(m_mutex);
        m_paused = false;
        m_stepsLeft = -1;
    }
    m_changed.notify_all();
}

void TrainingControl::step(int steps) {
    if (steps < 1) throw std::invalid_argument("steps to run: " + std::to_string(steps) + "; expected 1 or more");
    {
        std::lock_guard lock(m_mutex);
        m_paused = false;
        m_stepsLeft = steps;
    }
    m_changed.notify_all();
}

bool TrainingControl::isPaused() const {
    std::lock_guard lock(m_mutex);
    return m_paused || m_stepsLeft >= 0;  // stepping counts as paused: it pauses again by itself
}

void TrainingControl::adjust(const TrainingAdjustment& adjustment) {
    if (adjustment.learningRate && !(*adjustment.learningRate > 0.0 && *adjustment.learningRate <= 1.0))
        throw std::invalid_argument("learning rate " + std::to_string(*adjustment.learningRate) +
                                    ": expected above 0 and at most 1");
    if (adjustment.batchSize && (*adjustment.batchSize < 1 || *adjustment.batchSize > kMaxBatchSize))
        throw std::invalid_argument("batch size " + std::to_string(*adjustment.batchSize) + ": expected 1 to 4096");
    if (adjustment.crossImageShare && !(*adjustment.crossImageShare >= 0.0 && *adjustment.crossImageShare <= 1.0))
        throw std::invalid_argument("cross-image share " + std::to_string(*adjustment.crossImageShare) +
                                    ": expected 0 to 1");
    std::lock_guard lock(m_mutex);
    if (adjustment.learningRate) m_pending.learningRate = adjustment.learningRate;
    if (adjustment.batchSize) m_pending.batchSize = adjustment.batchSize;
    if (adjustment.crossImageShare) m_pending.crossImageShare = adjustment.crossImageShare;
}

void TrainingControl::watch(const cv::Mat& image) {
    std::lock_guard lock(m_mutex);
    m_watched = image.clone();
}

cv::Mat TrainingControl::watched() const {
    std::lock_guard lock(m_mutex);
    return m_watched;  // shares the pixels; watch() replaces, never writes into them
}

TrainingAdjustment TrainingControl::beforeStep(const std::atomic_bool& cancel) {
    std::unique_lock lock(m_mutex);
    if (m_stepsLeft == 0) m_paused = true;  // the steps asked for are done
    while (m_paused && !cancel) m_changed.wait_for(lock, kCancelPoll);
    if (m_stepsLeft > 0) --m_stepsLeft;
    TrainingAdjustment taken = m_pending;
    m_pending = {};
    return taken;
}

}  // namespace twinsight::core
