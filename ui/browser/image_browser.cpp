#include "ui/browser/image_browser.h"

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QToolButton>
#include <QVBoxLayout>

#include "core/base/file_errors.h"
#include "core/imageio/image_source.h"
#include "ui/browser/image_grid_model.h"
#include "ui/browser/thumbnail_delegate.h"
#include "ui/jobs/thumbnail_loader.h"
#include "ui/support/disclosure.h"
#include "ui/window/start_folder.h"

namespace twinsight::ui {
namespace {

// core's messages start with the path; the list shows the file name already.
QString reasonWithoutPath(const QString& path, const QString& message) {
    // A frame's or slice's error names its file ("scan.nii.gz: truncated ..."), not the FILE#z:K name.
    for (const QString& name : {path, QString::fromStdString(core::parseImageSource(path.toStdString()).file)}) {
        const QString prefix = name + QStringLiteral(": ");
        if (message.startsWith(prefix)) return message.mid(prefix.size());
    }
    return message;
}

// Control characters of a hostile file name escaped (\n, \xNN): one skipped file is one line of the list.
QString printable(const QString& text) { return QString::fromStdString(core::printableForMessage(text.toStdString())); }

}  // namespace

// Sorting; with bursts collapsed, only the best shot of each burst; with series collapsed, only the worst image of
// each series, unless that series is opened.
class GridFilter : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setBurstsCollapsed(bool collapsed) {
        m_collapsed = collapsed;
        invalidateFilter();
    }
    bool burstsCollapsed() const { return m_collapsed; }
    void setSeriesCollapsed(bool collapsed) {
        m_seriesCollapsed = collapsed;
        m_openSeries.clear();
        invalidateFilter();
    }
    bool seriesCollapsed() const { return m_seriesCollapsed; }
    // Opens a collapsed series (all its images shown) or closes it again.
    void toggleSeries(const QString& series) {
        if (!m_openSeries.remove(series)) m_openSeries.insert(series);
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override {
        const QModelIndex index = sourceModel()->index(row, 0, parent);
        if (m_collapsed && index.data(ImageGridModel::BurstSizeRole).toInt() != 0 &&
            !index.data(ImageGridModel::BestInBurstRole).toBool()) {
            return false;
        }
        return !m_seriesCollapsed || index.data(ImageGridModel::SeriesSizeRole).toInt() == 0 ||
               index.data(ImageGridModel::WorstInSeriesRole).toBool() ||
               m_openSeries.contains(index.data(ImageGridModel::SeriesRole).toString());
    }

private:
    bool m_collapsed = false;
    bool m_seriesCollapsed = false;
    QSet<QString> m_openSeries;
};

ImageBrowser::ImageBrowser(QWidget* parent)
    : QWidget(parent),
      m_model(new ImageGridModel(this)),
      m_proxy(new GridFilter(this)),
      m_loader(new ThumbnailLoader(this)),
      m_grid(new QListView(this)),
      m_delegate(new ThumbnailDelegate(m_grid)),
      m_folderLabel(new QLabel(this)),
      m_countLabel(new QLabel(this)),
      m_sort(new QComboBox(this)),
      m_skippedList(new QListWidget(this)),
      m_skippedToggle(makeDisclosureToggle(QString(), m_skippedList, this)) {
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortLocaleAware(true);
    m_proxy->setDynamicSortFilter(true);  // new scores re-sort, new bursts re-filter
    m_grid->setObjectName("imageGrid");
    m_grid->setModel(m_proxy);
    m_grid->setItemDelegate(m_delegate);
    m_grid->setViewMode(QListView::IconMode);
    m_grid->setResizeMode(QListView::Adjust);
    m_grid->setMovement(QListView::Static);
    m_grid->setUniformItemSizes(true);
    m_grid->setLayoutMode(QListView::Batched);  // lays out thousands of cells in slices between events
    m_grid->setBatchSize(200);
    m_grid->setSpacing(2);
    m_grid->setSelectionMode(QAbstractItemView::SingleSelection);

    m_folderLabel->setObjectName("folderLabel");
    m_folderLabel->setTextFormat(Qt::PlainText);
    QFont bold = m_folderLabel->font();
    bold.setBold(true);
    m_folderLabel->setFont(bold);
    m_countLabel->setObjectName("imageCount");
    m_countLabel->setWordWrap(true);  // "3 of 366 shown · 3 series" beside the sort box in a narrow dock
    m_sort->setObjectName("sortCombo");
    m_sort->addItem(tr("Sort by name"));
    m_sort->addItem(tr("Score, highest first"));
    m_sort->addItem(tr("Score, lowest first"));
    m_sort->setToolTip(tr("Scores of the current model (chosen in the model panel)"));
    m_skippedToggle->setObjectName("skippedToggle");
    m_skippedList->setObjectName("skippedList");
    m_skippedList->setMaximumHeight(140);

    auto* header = new QHBoxLayout;
    header->addWidget(m_countLabel, 1);
    header->addWidget(m_sort);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_folderLabel);
    layout->addLayout(header);
    layout->addWidget(m_grid, 1);
    layout->addWidget(m_skippedToggle);
    layout->addWidget(m_skippedList);

    connect(m_sort, &QComboBox::currentIndexChanged, this,
            [this](int index) { setSortOrder(static_cast<SortOrder>(index)); });
    connect(m_grid->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex& current) {
        emit selectionChanged(current.data(ImageGridModel::PathRole).toString());
    });
    // Grouped by series, a double-click or Enter on a series' worst image opens the series or closes it again.
    connect(m_grid, &QListView::activated, this, [this](const QModelIndex& index) {
        if (!m_proxy->seriesCollapsed() || !index.data(ImageGridModel::WorstInSeriesRole).toBool()) return;
        toggleSeries(index.data(ImageGridModel::SeriesRole).toString());
    });
    connect(m_loader, &ThumbnailLoader::thumbnailsDecoded, this, &ImageBrowser::onThumbnailsDecoded);
    connect(m_loader, &ThumbnailLoader::finished, this, [this] {
        updateCounts();
        emit thumbnailsFinished();
    });
    setSortOrder(SortOrder::Name);
    updateCounts();
}

void ImageBrowser::showFolder(const QString& folder, const QStringList& paths) {
    m_folder = folder;
    // The folder's own name (a long path would not fit the dock); the whole path as tooltip.
    const QString name = folder == sampleScenesFolder() ? tr("Sample scenes") : QFileInfo(folder).fileName();
    m_folderLabel->setText(name.isEmpty() ? QDir::toNativeSeparators(folder) : name);
    m_folderLabel->setToolTip(QDir::toNativeSeparators(folder));
    clearSkipped();
    m_model->setPaths(paths);
    m_loader->load(paths);
    if (!paths.isEmpty()) m_grid->setCurrentIndex(m_proxy->index(0, 0));
    updateCounts();
}

QStringList ImageBrowser::paths() const { return m_model->paths(); }

QString ImageBrowser::selectedPath() const { return m_grid->currentIndex().data(ImageGridModel::PathRole).toString(); }

bool ImageBrowser::selectPath(const QString& path) {
    const int row = m_model->rowOf(path);
    if (row < 0) return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row));
    m_grid->setCurrentIndex(index);
    m_grid->scrollTo(index);
    return true;
}

void ImageBrowser::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() != QEvent::FontChange) return;
    m_delegate->refreshSizes();
    // Two columns of cells, as at the usual size (the window's layout asks 300 px for them there).
    const int columns = 2 * (ThumbnailDelegate::cellWidth(font()) + m_grid->spacing() + 4);
    setMinimumWidth(std::max(300, columns + m_grid->verticalScrollBar()->sizeHint().width() + 12));
}

bool ImageBrowser::thumbnailsLoading() const { return m_loader->isLoading(); }

void ImageBrowser::setModelEstimates(const std::vector<ImageGridModel::ModelColumn>& models,
                                     const QHash<QString, std::vector<core::ImageEstimate>>& estimates, int current) {
    m_delegate->setCaptionLines(static_cast<int>(models.size()));
    m_model->setModelEstimates(models, estimates, current);
}

void ImageBrowser::setCurrentModel(int current) { m_model->setCurrentModel(current); }

void ImageBrowser::clearEstimates() { m_model->clearEstimates(); }

void ImageBrowser::setFlagged(const QHash<QString, QList<int>>& columnsByPath) {
    m_model->setFlagged(columnsByPath);
}

void ImageBrowser::setBursts(const QHash<QString, ImageGridModel::BurstMark>& marks) {
    m_bursts = 0;
    for (const auto& mark : marks) m_bursts += mark.size > 1 && mark.best ? 1 : 0;
    m_model->setBursts(marks);
    updateCounts();
}

void ImageBrowser::setBurstsCollapsed(bool collapsed) {
    m_proxy->setBurstsCollapsed(collapsed);
    updateCounts();
    if (m_grid->currentIndex().isValid()) m_grid->scrollTo(m_grid->currentIndex());
}

bool ImageBrowser::burstsCollapsed() const { return m_proxy->burstsCollapsed(); }

void ImageBrowser::setSeries(const QHash<QString, ImageGridModel::SeriesMark>& marks) {
    m_series = 0;
    for (const auto& mark : marks) m_series += mark.size > 1 && mark.worst ? 1 : 0;
    m_model->setSeries(marks);
    updateCounts();
}

void ImageBrowser::setSeriesCollapsed(bool collapsed) {
    m_proxy->setSeriesCollapsed(collapsed);
    // Grouped, the worst series come first: each is shown by its most degraded image.
    if (collapsed) setSortOrder(SortOrder::ScoreDescending);
    updateCounts();
}

bool ImageBrowser::seriesCollapsed() const { return m_proxy->seriesCollapsed(); }

void ImageBrowser::toggleSeries(const QString& series) {
    m_proxy->toggleSeries(series);
    updateCounts();
}

int ImageBrowser::visibleCount() const { return m_proxy->rowCount(); }

void ImageBrowser::setSortOrder(SortOrder order) {
    if (m_sort->currentIndex() != static_cast<int>(order)) m_sort->setCurrentIndex(static_cast<int>(order));
    const bool byName = order == SortOrder::Name;
    m_proxy->setSortRole(byName ? Qt::DisplayRole : int(ImageGridModel::ScoreSortRole));
    m_proxy->sort(0, order == SortOrder::ScoreDescending ? Qt::DescendingOrder : Qt::AscendingOrder);
    // Sorted by score, the images at the top are the point: the selection stays, the view goes to the top.
    if (!byName) {
        m_grid->scrollToTop();
    } else if (m_grid->currentIndex().isValid()) {
        m_grid->scrollTo(m_grid->currentIndex());
    }
}

void ImageBrowser::onThumbnailsDecoded(int first, const QVector<QByteArray>& thumbnails, const QStringList& errors) {
    m_model->setThumbnails(first, thumbnails);
    for (int i = 0; i < errors.size(); ++i) {
        if (!errors[i].isEmpty()) addSkippedEntry(m_model->paths().value(first + i), errors[i]);
    }
    updateCounts();
}

void ImageBrowser::addSkipped(const std::vector<core::SkippedFile>& files) {
    for (const core::SkippedFile& file : files) {
        addSkippedEntry(QString::fromStdString(file.path), QString::fromStdString(file.reason));
    }
    updateCounts();
}

void ImageBrowser::addSkippedEntry(const QString& path, const QString& reason) {
    if (path.isEmpty() || m_skipped.contains(path)) return;
    m_skipped.insert(path);
    // The parts of one volume or multi-frame file that fail alike are one line: "scan.nii.gz — truncated ... (181
    // slices)".
    const core::ImageSource source = core::parseImageSource(path.toStdString());
    const QString file = QString::fromStdString(source.file);
    const QString why = printable(reasonWithoutPath(path, reason));
    if (source.frame > 0) {
        SkippedParts& parts = m_skippedParts[file];
        if (parts.item != nullptr && parts.reason == why) {
            ++parts.count;
            parts.item->setText(QStringLiteral("%1 — %2 (%3)")
                                    .arg(printable(QFileInfo(file).fileName()), why,
                                         source.isSlice() ? tr("%1 slices").arg(parts.count)
                                                          : tr("%1 frames").arg(parts.count)));
            parts.item->setToolTip(printable(QDir::toNativeSeparators(file)));
            return;
        }
    }
    auto* item = new QListWidgetItem(QStringLiteral("%1 — %2").arg(printable(QFileInfo(path).fileName()), why));
    item->setToolTip(printable(QDir::toNativeSeparators(path)));
    item->setData(Qt::UserRole, path);
    m_skippedList->addItem(item);
    if (source.frame > 0) m_skippedParts[file] = {item, why, 1};
}

void ImageBrowser::clearSkipped() {
    m_skipped.clear();
    m_skippedParts.clear();
    m_skippedList->clear();
}

void ImageBrowser::updateCounts() {
    const int total = m_model->rowCount();
    const int usable = total - static_cast<int>(m_skipped.size());
    QString text = m_folder.isEmpty() ? tr("No folder open")
                   : usable == 1      ? tr("1 image")
                                      : tr("%1 images").arg(usable);
    // Collapsed, the count says what the grid holds; the bursts are in the status bar and the badges.
    if ((m_bursts > 0 && m_proxy->burstsCollapsed()) || (m_series > 0 && m_proxy->seriesCollapsed())) {
        text = tr("%1 of %2 shown").arg(m_proxy->rowCount()).arg(usable);
    } else if (m_bursts > 0) {
        text += m_bursts == 1 ? tr(" · 1 burst") : tr(" · %1 bursts").arg(m_bursts);
    }
    if (m_series > 0) text += m_series == 1 ? tr(" · 1 series") : tr(" · %1 series").arg(m_series);
    if (m_loader->isLoading()) text += tr(" · thumbnails %1 of %2").arg(m_model->thumbnailsDone()).arg(total);
    m_countLabel->setText(text);
    const int skipped = m_skippedList->count();  // files: a volume's failing slices are one
    m_skippedToggle->setText(skipped == 1 ? tr("1 file skipped") : tr("%1 files skipped").arg(skipped));
    m_skippedToggle->setVisible(skipped > 0);
    m_skippedList->setVisible(skipped > 0 && m_skippedToggle->isChecked());
}

}  // namespace twinsight::ui
