#pragma once
// The images a reviewer goes through one at a time (the flagged ones, most severe first), where they are, and what
// they decided for each: keep or reject, with every decision undoable. Nothing is written here; the decisions go to
// the sidecars only when the reviewer asks (ReviewViewer).

#include <QString>
#include <QStringList>
#include <optional>
#include <utility>
#include <vector>

#include "core/sidecars/xmp_sidecar.h"

namespace twinsight::ui {

class ReviewQueue {
public:
    // Starts at `start` (clamped into the list).
    explicit ReviewQueue(QStringList paths, int start = 0);

    const QStringList& paths() const { return m_paths; }
    int size() const { return static_cast<int>(m_paths.size()); }
    bool isEmpty() const { return m_paths.isEmpty(); }
    int current() const { return m_current; }
    QString currentPath() const { return isEmpty() ? QString() : m_paths[m_current]; }

    // Moves by `step` images, stopping at either end; false when it did not move.
    bool move(int step);
    void moveTo(int index);

    // Records `decision` for the current image and moves on to the next one (stays on the last).
    void decide(core::ReviewDecision decision);
    // Withdraws the latest decision not yet withdrawn: the image gets back what it had before, and becomes current.
    // False when there is nothing to undo.
    bool undo();
    bool canUndo() const { return !m_history.empty(); }

    std::optional<core::ReviewDecision> decisionOf(int index) const { return m_decisions[static_cast<size_t>(index)]; }
    int count(core::ReviewDecision decision) const;
    // The images decided, in the queue's order, with their decision.
    std::vector<std::pair<QString, core::ReviewDecision>> decisions() const;
    // Counts every decision and undo: the decisions as they stood at a revision.
    int revision() const { return m_revision; }
    // True after a decision or an undo that no markWritten covers.
    bool hasUnwritten() const { return m_writtenRevision != m_revision; }
    // The decisions as they stood at `revision` are in the sidecars; later ones are still unwritten.
    void markWritten(int revision) { m_writtenRevision = revision; }

private:
    struct Step {
        int index;
        std::optional<core::ReviewDecision> before;
    };
    QStringList m_paths;
    std::vector<std::optional<core::ReviewDecision>> m_decisions;
    std::vector<Step> m_history;
    int m_current = 0;
    int m_revision = 0;
    int m_writtenRevision = 0;
};

}  // namespace twinsight::ui
