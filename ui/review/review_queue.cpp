#include "ui/review/review_queue.h"

#include <algorithm>

namespace twinsight::ui {

ReviewQueue::ReviewQueue(QStringList paths, int start)
    : m_paths(std::move(paths)), m_decisions(static_cast<size_t>(m_paths.size())) {
    moveTo(start);
}

bool ReviewQueue::move(int step) {
    const int before = m_current;
    moveTo(m_current + step);
    return m_current != before;
}

void ReviewQueue::moveTo(int index) { m_current = std::clamp(index, 0, std::max(0, size() - 1)); }

void ReviewQueue::decide(core::ReviewDecision decision) {
    if (isEmpty()) return;
    auto& slot = m_decisions[static_cast<size_t>(m_current)];
    m_history.push_back({m_current, slot});
    slot = decision;
    ++m_revision;
    move(1);
}

bool ReviewQueue::undo() {
    if (m_history.empty()) return false;
    const Step step = m_history.back();
    m_history.pop_back();
    m_decisions[static_cast<size_t>(step.index)] = step.before;
    m_current = step.index;
    ++m_revision;
    return true;
}

int ReviewQueue::count(core::ReviewDecision decision) const {
    return static_cast<int>(std::count(m_decisions.begin(), m_decisions.end(), decision));
}

std::vector<std::pair<QString, core::ReviewDecision>> ReviewQueue::decisions() const {
    std::vector<std::pair<QString, core::ReviewDecision>> decided;
    for (int index = 0; index < size(); ++index) {
        if (const auto decision = m_decisions[static_cast<size_t>(index)])
            decided.emplace_back(m_paths[index], *decision);
    }
    return decided;
}

}  // namespace twinsight::ui
