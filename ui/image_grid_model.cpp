#include "ui/image_grid_model.h"

#include <QFileInfo>
#include <limits>

namespace twinsight::ui {

ImageGridModel::ImageGridModel(QObject* parent) : QAbstractListModel(parent) {}

int ImageGridModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

QVariant ImageGridModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const Entry& entry = m_entries[static_cast<std::size_t>(index.row())];
    switch (role) {
        case Qt::DisplayRole:
            return entry.name;
        case Qt::ToolTipRole:
            return m_paths[index.row()];
        case Qt::DecorationRole:
            return entry.thumbnail;
        case PathRole:
            return m_paths[index.row()];
        case ScoreRole:
            return entry.estimate ? QVariant(entry.estimate->score) : QVariant();
        case EstimateRole:
            return entry.estimate ? QVariant(entry.estimate->estimate) : QVariant();
        case InRangeRole:
            return entry.estimate ? entry.estimate->inRange : true;
        case FlaggedRole:
            return entry.flagged;
        case ScoreSortRole:
            return entry.estimate ? entry.estimate->score : -std::numeric_limits<double>::max();
        case CaptionRole:
            if (!entry.estimate) return QString();
            return QStringLiteral("%1 · %2 %3")
                .arg(entry.estimate->score, 0, 'f', 2)
                .arg(entry.estimate->estimate, 0, 'f', 1)
                .arg(m_unit);
        default:
            return {};
    }
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
    endResetModel();
}

void ImageGridModel::setThumbnails(int first, const QVector<QImage>& thumbnails) {
    if (first < 0 || first + thumbnails.size() > rowCount() || thumbnails.isEmpty()) return;
    for (int i = 0; i < thumbnails.size(); ++i) {
        Entry& entry = m_entries[static_cast<std::size_t>(first + i)];
        if (!entry.thumbnailDone) ++m_thumbnailsDone;
        entry.thumbnailDone = true;
        entry.thumbnail = thumbnails[i];
    }
    emit dataChanged(index(first), index(first + static_cast<int>(thumbnails.size()) - 1), {Qt::DecorationRole});
}

void ImageGridModel::setEstimates(const QHash<QString, core::ImageEstimate>& estimates, const QString& unit) {
    m_unit = unit;
    for (int row = 0; row < rowCount(); ++row) {
        const auto found = estimates.constFind(m_paths[row]);
        auto& estimate = m_entries[static_cast<std::size_t>(row)].estimate;
        if (found == estimates.constEnd()) {
            estimate.reset();
        } else {
            estimate = *found;
        }
    }
    emitAllChanged({ScoreRole, EstimateRole, InRangeRole, ScoreSortRole, CaptionRole});
}

void ImageGridModel::clearEstimates() { setEstimates({}, m_unit); }

void ImageGridModel::setFlagged(const QSet<QString>& paths) {
    for (int row = 0; row < rowCount(); ++row)
        m_entries[static_cast<std::size_t>(row)].flagged = paths.contains(m_paths[row]);
    emitAllChanged({FlaggedRole});
}

void ImageGridModel::emitAllChanged(const QList<int>& roles) {
    if (rowCount() > 0) emit dataChanged(index(0), index(rowCount() - 1), roles);
}

}  // namespace twinsight::ui
