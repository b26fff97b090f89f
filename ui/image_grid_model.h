#pragma once
// The images of the open folder as a list model: path, thumbnail once decoded, score and estimate once a model has
// scored them, and whether the ranking flags them.

#include <QAbstractListModel>
#include <QHash>
#include <QImage>
#include <QSet>
#include <QStringList>
#include <optional>
#include <vector>

#include "core/trained_model.h"

namespace twinsight::ui {

class ImageGridModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        PathRole = Qt::UserRole + 1,
        ScoreRole,      // double, invalid until scored
        EstimateRole,   // double, invalid until scored
        InRangeRole,    // bool
        FlaggedRole,    // bool
        ScoreSortRole,  // double; unscored images sort below every score
        CaptionRole,    // "1.23 · 2.1 px" once scored, else empty
    };

    explicit ImageGridModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;

    // Replaces every entry; thumbnails, scores and flags start empty.
    void setPaths(const QStringList& paths);
    const QStringList& paths() const { return m_paths; }
    int rowOf(const QString& path) const { return m_rows.value(path, -1); }

    // Thumbnails of rows first, first + 1, ...; a null image marks a file that could not be decoded.
    void setThumbnails(int first, const QVector<QImage>& thumbnails);
    int thumbnailsDone() const { return m_thumbnailsDone; }

    // Scores by path; rows missing from `estimates` lose their score. `unit` is shown after the estimate.
    void setEstimates(const QHash<QString, core::ImageEstimate>& estimates, const QString& unit);
    void clearEstimates();
    bool hasEstimate(int row) const { return m_entries[static_cast<std::size_t>(row)].estimate.has_value(); }

    void setFlagged(const QSet<QString>& paths);

private:
    struct Entry {
        QString name;
        QImage thumbnail;
        bool thumbnailDone = false;
        std::optional<core::ImageEstimate> estimate;
        bool flagged = false;
    };
    void emitAllChanged(const QList<int>& roles);

    QStringList m_paths;
    std::vector<Entry> m_entries;
    QHash<QString, int> m_rows;
    QString m_unit;
    int m_thumbnailsDone = 0;
};

}  // namespace twinsight::ui
