#pragma once
// The folder's bursts for the desktop program: the scored images grouped by capture time and look
// (core::groupScoredImages, which reads each file's EXIF: on a pool thread), ranked within each group by the current
// model. A newer request drops the result of the one before.

#include <QHash>
#include <QObject>
#include <QString>
#include <memory>

#include "ui/jobs/folder_scorer.h"

namespace twinsight::ui {

// An image's place among the bursts.
struct BurstPlace {
    int group = 0;  // 0, 1, 2... in capture order
    int size = 1;   // shots in its burst (1: a shot on its own)
    bool best = false;
};

class BurstFinder : public QObject {
    Q_OBJECT
public:
    explicit BurstFinder(QObject* parent = nullptr);

    // Groups `scores`, ranking with the model of `column`; found follows (or failed).
    void find(std::shared_ptr<const FolderScores> scores, int column);
    // Forgets the bursts, and drops a grouping under way (found follows when there were any).
    void clear();
    // By path; empty until found.
    const QHash<QString, BurstPlace>& places() const { return m_places; }
    // Bursts of two shots or more.
    int count() const { return m_count; }

signals:
    void found();
    void failed(const QString& message);

private:
    QHash<QString, BurstPlace> m_places;
    int m_count = 0;
    int m_generation = 0;
};

}  // namespace twinsight::ui
