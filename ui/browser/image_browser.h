#pragma once
// The folder side of the window: a thumbnail grid filled in the background, the image count, the files skipped
// with their reasons, and sorting by name or score.

#include <QHash>
#include <QSet>
#include <QWidget>
#include <vector>

#include "core/imageio/image_loading.h"
#include "core/model/trained_model.h"
#include "ui/browser/image_grid_model.h"

class QComboBox;
class QLabel;
class QListView;
class QListWidget;
class QListWidgetItem;
class QToolButton;

namespace twinsight::ui {

class GridFilter;
class ThumbnailDelegate;
class ThumbnailLoader;

class ImageBrowser : public QWidget {
    Q_OBJECT
public:
    enum class SortOrder { Name, ScoreDescending, ScoreAscending };

    explicit ImageBrowser(QWidget* parent = nullptr);

    // Shows the images `paths` of `folder` (as the folder scan listed them) and selects the first one; their
    // thumbnails are decoded in the background.
    void showFolder(const QString& folder, const QStringList& paths);
    const QString& folder() const { return m_folder; }
    QStringList paths() const;
    QString selectedPath() const;
    // Selects the image `path` names in the grid; false when the folder has no such image.
    bool selectPath(const QString& path);
    bool thumbnailsLoading() const;

    // The open models' estimates (ImageGridModel::setModelEstimates): one caption line per model.
    void setModelEstimates(const std::vector<ImageGridModel::ModelColumn>& models,
                           const QHash<QString, std::vector<core::ImageEstimate>>& estimates, int current);
    // Sorting by score follows this model.
    void setCurrentModel(int current);
    void clearEstimates();
    void setFlagged(const QHash<QString, QList<int>>& columnsByPath);
    void addSkipped(const std::vector<core::SkippedFile>& files);
    // Images skipped (each slice of a damaged volume counts; the list shows one line per file).
    int skippedCount() const { return static_cast<int>(m_skipped.size()); }
    void setSortOrder(SortOrder order);
    // The bursts (shots of one scene): a badge on each shot; collapsed, only the best of each burst is shown.
    void setBursts(const QHash<QString, ImageGridModel::BurstMark>& marks);
    void setBurstsCollapsed(bool collapsed);
    bool burstsCollapsed() const;
    // The series (volumes, multi-frame files, folders): a badge on each series' worst image; collapsed, only that
    // image is shown, sorted worst first, until the series is opened (a double-click or Enter on it, or
    // toggleSeries).
    void setSeries(const QHash<QString, ImageGridModel::SeriesMark>& marks);
    void setSeriesCollapsed(bool collapsed);
    bool seriesCollapsed() const;
    void toggleSeries(const QString& series);
    // Images the grid shows (fewer than paths() while bursts or series are collapsed).
    int visibleCount() const;

    ImageGridModel* model() const { return m_model; }

signals:
    void selectionChanged(const QString& path);
    void thumbnailsFinished();

protected:
    // A new font (presentation mode) lays the grid's cells out again at the size their text needs.
    void changeEvent(QEvent* event) override;

private:
    void onThumbnailsDecoded(int first, const QVector<QByteArray>& thumbnails, const QStringList& errors);
    void addSkippedEntry(const QString& path, const QString& reason);
    void updateCounts();
    void clearSkipped();

    ImageGridModel* m_model;
    GridFilter* m_proxy;
    ThumbnailLoader* m_loader;
    QListView* m_grid;
    ThumbnailDelegate* m_delegate;
    QLabel* m_folderLabel;
    QLabel* m_countLabel;
    QComboBox* m_sort;
    QListWidget* m_skippedList;
    QToolButton* m_skippedToggle;  // after the list it opens
    QString m_folder;
    QSet<QString> m_skipped;  // images
    struct SkippedParts {
        QListWidgetItem* item = nullptr;
        QString reason;
        int count = 0;
    };
    QHash<QString, SkippedParts> m_skippedParts;  // by file: the line of its failing frames or slices
    int m_bursts = 0;  // bursts of two shots or more
    int m_series = 0;  // series of two images or more
};

}  // namespace twinsight::ui
