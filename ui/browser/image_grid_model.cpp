#include "ui/browser/image_grid_model.h"

#include <QFileInfo>

#include "ui/support/compressed_thumbnail.h"
#include <cmath>
#include <limits>

namespace twinsight::ui {

ImageGridModel::ImageGridModel(QObject* parent) : QAbstractListModel(parent) {}

int ImageGridModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

QVariant ImageGridModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const Entry& entry = m_entries[static_cast<std::size_t>(index.row())];
    const core::ImageEstimate* estimate = currentEstimate(entry);
    switch (role) {
        case Qt::DisplayRole:
            return entry.name;
        case Qt::ToolTipRole:
            return m_paths[index.row()];
        case Qt::DecorationRole:
            return thumbnailAt(index.row());
        case PathRole:
            return m_paths[index.row()];
        case ScoreRole:
            return estimate ? QVariant(estimate->score) : QVariant();
        case EstimateRole:
            return estimate ? QVariant(estimate->estimate) : QVariant();
        case InRangeRole:
            return estimate ? estimate->inRange : true;
        case FlaggedRole:
            return !entry.flaggingColumns.isEmpty();
        case FlaggingLinesRole:
            return QVariant::fromValue(entry.flaggingColumns);
        case ScoreSortRole:
            return estimate ? estimate->score : -std::numeric_limits<double>::max();
        case CaptionRole:
            return caption(entry);
        case EstimatesRole: {
            QVariantList values;
            for (std::size_t m = 0; m < m_models.size(); ++m)
                values << (m < entry.estimates.size() ? QVariant(entry.estimates[m].estimate) : QVariant());
            return values;
        }
        case CurrentLineRole:
            return m_models.size() > 1 && !entry.estimates.empty() ? m_current : -1;
        case BurstSizeRole:
            return entry.burst.size > 1 ? entry.burst.size : 0;
        case BestInBurstRole:
            return entry.burst.size > 1 && entry.burst.best;
        case SeriesRole:
            return entry.series.series;
        case SeriesSizeRole:
            return entry.series.size > 1 ? entry.series.size : 0;
        case WorstInSeriesRole:
            return entry.series.size > 1 && entry.series.worst;
        default:
            return {};
    }
}

const core::ImageEstimate* ImageGridModel::currentEstimate(const Entry& entry) const {
    if (m_current < 0 || static_cast<std::size_t>(m_current) >= entry.estimates.size()) return nullptr;
    return &entry.estimates[static_cast<std::size_t>(m_current)];
}

namespace {

// Two decimals below 10, as the Ranking's thresholds are typed: an image at 0.65 px flagged by a 0.60 px threshold
// must not read "0.6 px".
QString estimateText(double estimate) { return QString::number(estimate, 'f', std::abs(estimate) < 10.0 ? 2 : 1); }

}  // namespace

QString ImageGridModel::caption(const Entry& entry) const {
    if (entry.estimates.empty()) return {};
    if (m_models.size() == 1) {
        return QStringLiteral("%1 · %2 %3")
            .arg(entry.estimates.front().score, 0, 'f', 2)
            .arg(estimateText(entry.estimates.front().estimate))
            .arg(m_models.front().unit);
    }
    QStringList lines;
    for (std::size_t m = 0; m < m_models.size() && m < entry.estimates.size(); ++m) {
        lines << QStringLiteral("%1 %2 %3")
                     .arg(m_models[m].transform)
                     .arg(estimateText(entry.estimates[m].estimate))
                     .arg(m_models[m].unit);
    }
    return lines.join('\n');
}

void ImageGridModel::setPaths(const QStringList& paths) {
    beginResetModel();
    m_paths = paths;
    m_entries.assign(static_cast<std::size_t>(paths.size()), Entry{});
    m_rows.clear();
    for (int row = 0; row < paths.size(); ++row) {
        m_entries[static_cast<std::size_t>(row)].name = QFileInfo(paths[row]).fileName();
        m_rows.insert(paths[row], row);
    }
    m_thumbnailsDone = 0;
    m_decodedThumbnails.clear();
    endResetModel();
}

void ImageGridModel::setThumbnails(int first, const QVector<QByteArray>& thumbnails) {
    if (first < 0 || first + thumbnails.size() > rowCount() || thumbnails.isEmpty()) return;
    for (int i = 0; i < thumbnails.size(); ++i) {
        Entry& entry = m_entries[static_cast<std::size_t>(first + i)];
        if (!entry.thumbnailDone) ++m_thumbnailsDone;
        entry.thumbnailDone = true;
        entry.thumbnail = thumbnails[i];
        m_decodedThumbnails.remove(first + i);
    }
    emit dataChanged(index(first), index(first + static_cast<int>(thumbnails.size()) - 1), {Qt::DecorationRole});
}

QImage ImageGridModel::thumbnailAt(int row) const {
    if (const QImage* decoded = m_decodedThumbnails.object(row)) return *decoded;
    QImage thumbnail = expandThumbnail(m_entries[static_cast<std::size_t>(row)].thumbnail);
    if (!thumbnail.isNull()) {
        m_decodedThumbnails.insert(row, new QImage(thumbnail), std::max<qsizetype>(1, thumbnail.sizeInBytes() / 1024));
    }
    return thumbnail;
}

void ImageGridModel::setModelEstimates(const std::vector<ModelColumn>& models,
                                       const QHash<QString, std::vector<core::ImageEstimate>>& estimates, int current) {
    m_models = models;
    m_current = current;
    for (int row = 0; row < rowCount(); ++row) {
        const auto found = estimates.constFind(m_paths[row]);
        auto& values = m_entries[static_cast<std::size_t>(row)].estimates;
        if (found == estimates.constEnd() || found->size() != models.size()) {
            values.clear();
        } else {
            values = *found;
        }
    }
    emitAllChanged({ScoreRole, EstimateRole, InRangeRole, ScoreSortRole, CaptionRole, EstimatesRole, CurrentLineRole});
}

void ImageGridModel::setCurrentModel(int current) {
    if (current == m_current) return;
    m_current = current;
    emitAllChanged({ScoreRole, EstimateRole, InRangeRole, ScoreSortRole, CurrentLineRole});
}

void ImageGridModel::clearEstimates() { setModelEstimates(m_models, {}, m_current); }

void ImageGridModel::setFlagged(const QHash<QString, QList<int>>& columnsByPath) {
    for (int row = 0; row < rowCount(); ++row)
        m_entries[static_cast<std::size_t>(row)].flaggingColumns = columnsByPath.value(m_paths[row]);
    emitAllChanged({FlaggedRole, FlaggingLinesRole});
}

void ImageGridModel::emitAllChanged(const QList<int>& roles) {
    if (rowCount() > 0) emit dataChanged(index(0), index(rowCount() - 1), roles);
}

void ImageGridModel::setBursts(const QHash<QString, BurstMark>& marks) {
    for (std::size_t row = 0; row < m_entries.size(); ++row)
        m_entries[row].burst = marks.value(m_paths[static_cast<int>(row)]);
    emitAllChanged({BurstSizeRole, BestInBurstRole});
}

void ImageGridModel::setSeries(const QHash<QString, SeriesMark>& marks) {
    for (std::size_t row = 0; row < m_entries.size(); ++row)
        m_entries[row].series = marks.value(m_paths[static_cast<int>(row)]);
    emitAllChanged({SeriesRole, SeriesSizeRole, WorstInSeriesRole});
}

}  // namespace twinsight::ui
