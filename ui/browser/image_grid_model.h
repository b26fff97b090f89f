#pragma once
// The images of the open folder as a list model: path, thumbnail once decoded, each open model's score and estimate
// once the models have scored them, and whether the ranking flags them. Score roles and sorting follow the current
// model.

#include <QAbstractListModel>
#include <QByteArray>
#include <QCache>
#include <QHash>
#include <QImage>
#include <QSet>
#include <QStringList>
#include <optional>
#include <vector>

#include "core/model/trained_model.h"

namespace twinsight::ui {

class ImageGridModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        PathRole = Qt::UserRole + 1,
        ScoreRole,        // the current model's, double, invalid until scored
        EstimateRole,     // the current model's, double, invalid until scored
        InRangeRole,      // bool
        FlaggedRole,      // bool: some open model flags it
        FlaggingLinesRole,  // QList<int>: the caption lines (models) that flag it
        ScoreSortRole,    // double; unscored images sort below every score
        CaptionRole,      // one model: "1.23 · 2.10 px"; several: "blur 2.10 px\nnoise 12.0 levels"; empty until scored
        EstimatesRole,    // QVariantList, one estimate per model (invalid where not scored)
        CurrentLineRole,  // int: the caption line of the current model, -1 with one model or none
        BurstSizeRole,    // int: shots in the image's burst, 0 when it is in none (or bursts are not shown)
        BestInBurstRole,  // bool: the best shot of its burst
        SeriesRole,       // QString: the image's series (a volume, a multi-frame file, a folder) while grouped
        SeriesSizeRole,   // int: images in its series, 0 when series are not grouped or it is alone
        WorstInSeriesRole,  // bool: the most degraded image of its series by the current model
    };

    // An image's place among the bursts (core::BurstGroups).
    struct BurstMark {
        int size = 0;  // shots in its burst (1: a shot on its own)
        bool best = false;
    };

    // An image's place in its series (core::summariseSeries).
    struct SeriesMark {
        QString series;
        int size = 0;  // images of the series
        bool worst = false;
    };

    // One open model as the grid names it.
    struct ModelColumn {
        QString transform;
        QString unit;
    };

    explicit ImageGridModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;

    // Replaces every entry; thumbnails, scores and flags start empty.
    void setPaths(const QStringList& paths);
    const QStringList& paths() const { return m_paths; }
    int rowOf(const QString& path) const { return m_rows.value(path, -1); }

    // Thumbnails of rows first, first + 1, ..., JPEG-compressed (ui/support/compressed_thumbnail.h); an empty array
    // marks a file that could not be decoded.
    void setThumbnails(int first, const QVector<QByteArray>& thumbnails);
    int thumbnailsDone() const { return m_thumbnailsDone; }

    // Estimates by path, one per model in the order of `models`; rows missing from `estimates` lose theirs.
    // `current` is the model the score roles and sorting follow.
    void setModelEstimates(const std::vector<ModelColumn>& models,
                           const QHash<QString, std::vector<core::ImageEstimate>>& estimates, int current);
    void setCurrentModel(int current);
    int modelCount() const { return static_cast<int>(m_models.size()); }
    void clearEstimates();
    // Every model's estimate of `row`, in the models' order; empty until scored.
    const std::vector<core::ImageEstimate>& estimatesAt(int row) const {
        return m_entries[static_cast<std::size_t>(row)].estimates;
    }
    bool hasEstimate(int row) const { return currentEstimate(m_entries[static_cast<std::size_t>(row)]) != nullptr; }

    // The flagged images, each with the models (columns, as in setModelEstimates) whose thresholds flag it.
    void setFlagged(const QHash<QString, QList<int>>& columnsByPath);
    // The bursts by path; images missing from `marks` are in none. An empty hash clears them.
    void setBursts(const QHash<QString, BurstMark>& marks);
    // The series by path; an empty hash clears them.
    void setSeries(const QHash<QString, SeriesMark>& marks);

private:
    struct Entry {
        QString name;
        QByteArray thumbnail;  // JPEG (compressed_thumbnail.h); empty when not decoded or undecodable
        bool thumbnailDone = false;
        std::vector<core::ImageEstimate> estimates;  // one per model, or none when not scored
        QList<int> flaggingColumns;  // empty when not flagged
        BurstMark burst;
        SeriesMark series;
    };
    const core::ImageEstimate* currentEstimate(const Entry& entry) const;
    QImage thumbnailAt(int row) const;
    QString caption(const Entry& entry) const;
    void emitAllChanged(const QList<int>& roles);

    QStringList m_paths;
    std::vector<Entry> m_entries;
    QHash<QString, int> m_rows;
    std::vector<ModelColumn> m_models;
    int m_current = -1;
    int m_thumbnailsDone = 0;
    // The thumbnails drawn lately, decoded, by row: a few screens' worth (cost in KiB).
    mutable QCache<int, QImage> m_decodedThumbnails{16 * 1024};
};

}  // namespace twinsight::ui
