#include "ui/jobs/burst_finder.h"

#include <QThreadPool>

#include "core/scoring/bursts.h"
#include "ui/jobs/background.h"

namespace twinsight::ui {

BurstFinder::BurstFinder(QObject* parent) : QObject(parent) {}

void BurstFinder::find(std::shared_ptr<const FolderScores> scores, int column) {
    const int generation = ++m_generation;
    if (!scores || column < 0) return clear();
    const core::Range range = scores->models[static_cast<std::size_t>(column)]->metadata().range;
    runInBackground(
        this, QThreadPool::globalInstance(),
        [scores, column, range] {
            const core::BurstGroups groups = core::groupScoredImages(scores->scores, column, range);
            std::vector<int> sizes(static_cast<std::size_t>(groups.count()), 0);
            for (const int group : groups.group) ++sizes[static_cast<std::size_t>(group)];
            QHash<QString, BurstPlace> places;
            for (std::size_t i = 0; i < groups.group.size(); ++i) {
                const int group = groups.group[i];
                places.insert(QString::fromStdString(scores->scores.paths[i]),
                              {group, sizes[static_cast<std::size_t>(group)], bool(groups.best[i])});
            }
            return places;
        },
        [this, generation](const QHash<QString, BurstPlace>& places) {
            if (generation != m_generation) return;
            m_places = places;
            m_count = 0;
            for (const BurstPlace& place : places) m_count += place.size > 1 && place.best ? 1 : 0;
            emit found();
        },
        [this, generation](const QString& message) {
            if (generation == m_generation) emit failed(message);
        });
}

void BurstFinder::clear() {
    ++m_generation;  // a grouping under way is dropped
    if (m_places.isEmpty()) return;
    m_places.clear();
    m_count = 0;
    emit found();
}

}  // namespace twinsight::ui
