#include "ui/window/score_views.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QHash>

#include "core/scoring/series.h"
#include "ui/browser/image_browser.h"
#include "ui/browser/image_grid_model.h"
#include "ui/browser/image_view.h"
#include "ui/panels/model_info_panel.h"
#include "ui/panels/ranking_panel.h"
#include "ui/plots/profile_chart.h"
#include "ui/window/report_export.h"
#include "ui/workspace/flag_thresholds.h"
#include "ui/workspace/workspace.h"

namespace twinsight::ui {

ScoreViews::ScoreViews(Workspace* workspace, const WindowPanels& panels, const WindowActions& actions,
                       QObject* parent)
    : QObject(parent), m_workspace(workspace), m_panels(panels), m_groupSeries(actions.groupSeries) {
    connect(actions.groupSeries, &QAction::toggled, this, [this](bool grouped) {
        showSeries();
        m_panels.browser->setSeriesCollapsed(grouped);
    });
    connect(actions.collapseBursts, &QAction::toggled, this, [this](bool collapsed) {
        m_workspace->setBurstsShown(collapsed);
        m_panels.browser->setBurstsCollapsed(collapsed);
        if (collapsed && !m_workspace->currentModel())
            emit statusMessage(tr("Bursts are ranked by a model: train or open one first."));
    });
    connect(workspace, &Workspace::burstsChanged, this, &ScoreViews::showBursts);
    connect(panels.browser, &ImageBrowser::selectionChanged, this, &ScoreViews::updateProfile);
    // Thumbnails arrive in chunks after the folder opens: the flagged list takes each as it comes.
    connect(panels.browser->model(), &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex&, const QModelIndex&, const QList<int>& roles) {
                if (roles.contains(Qt::DecorationRole) && !m_workspace->flagged().empty()) showFlaggedThumbnails();
            });
    connect(workspace, &Workspace::flagsChanged, this, [this] {
        showFlags();
        emit scoresShown();
    });
    QAction* report = actions.exportReport;
    report->setEnabled(false);
    connect(report, &QAction::triggered, this, [this] {
        const QString problem = askExportReport(m_panels.browser->window(), *m_workspace);
        if (!problem.isEmpty()) emit statusMessage(problem);
    });
    connect(workspace, &Workspace::scoresChanged, report,
            [this, report] { report->setEnabled(m_workspace->scores() != nullptr); });
    connect(panels.ranking, &RankingPanel::thresholdsEdited, this, [this](const FlagThresholds& thresholds) {
        m_workspace->setFlagThresholds(m_workspace->models().currentIndex(), thresholds);
    });
}

QString ScoreViews::imageCaption(const QString& path) const {
    const QString estimates = estimatesText(path);
    return QDir::toNativeSeparators(path) + (estimates.isEmpty() ? QString() : QStringLiteral("   ·   ") + estimates);
}

QString ScoreViews::estimatesText(const QString& path) const {
    const auto scores = m_workspace->scores();
    const std::vector<core::ImageEstimate>* estimates = m_workspace->estimatesOf(path);
    if (!estimates) return {};
    if (scores->models.size() == 1) {
        return tr("score %1, estimate %2 %3")
            .arg(estimates->front().score, 0, 'f', 3)
            .arg(estimates->front().estimate, 0, 'f', 2)
            .arg(unitOf(*scores->models.front()));
    }
    QStringList parts;
    for (std::size_t m = 0; m < estimates->size() && m < scores->models.size(); ++m) {
        parts << QStringLiteral("%1 %2 %3")
                     .arg(transformOf(*scores->models[m]))
                     .arg((*estimates)[m].estimate, 0, 'f', 2)
                     .arg(unitOf(*scores->models[m]));
    }
    return parts.join(QStringLiteral("   ·   "));
}

void ScoreViews::refreshImageCaption() {
    const QString path = m_panels.browser->selectedPath();
    if (!path.isEmpty() && !m_panels.imageView->image().isNull())
        m_panels.imageView->setImage(m_panels.imageView->image(), imageCaption(path));
}

void ScoreViews::showModels() {
    showModelInfo();
    if (!m_workspace->currentModel()) {
        m_panels.ranking->clear(tr("Train or open a model to rank the folder's images."));
    } else if (!m_workspace->scores()) {
        m_panels.ranking->clear(tr("Scoring the folder…"));
    }
    showScores();  // the grid's sorting, the ranking and the profile follow the current model
    emit modelsShown();
}

void ScoreViews::showModelInfo() {
    const ModelSet& models = m_workspace->models();
    m_panels.modelInfo->setOpenModels(models.labels(), models.currentIndex());
    const ModelSet::Entry* entry = models.currentEntry();
    if (!entry) return m_panels.modelInfo->clear();
    m_panels.modelInfo->setModel(entry->model->metadata(), QString::fromStdString(entry->model->deviceName()),
                                 entry->source);
}

void ScoreViews::showScores() {
    const auto scores = m_workspace->scores();
    const int column = m_workspace->currentColumn();
    if (!scores) {
        m_panels.browser->clearEstimates();
        m_scoresInGrid.reset();
    } else if (m_scoresInGrid.lock() == scores) {
        m_panels.browser->setCurrentModel(column);  // the same scores, another current model: no rebuild of the grid
    } else {
        std::vector<ImageGridModel::ModelColumn> columns;
        for (const auto& model : scores->models) columns.push_back({transformOf(*model), unitOf(*model)});
        QHash<QString, std::vector<core::ImageEstimate>> estimates;
        for (std::size_t i = 0; i < scores->scores.paths.size(); ++i)
            estimates.insert(QString::fromStdString(scores->scores.paths[i]), scores->scores.estimates[i]);
        m_panels.browser->setModelEstimates(columns, estimates, column);
        m_scoresInGrid = scores;
    }
    const ModelSet::Entry* entry = m_workspace->models().currentEntry();
    if (scores && column >= 0 && entry) {
        const core::TrainedModel& current = *scores->models[static_cast<std::size_t>(column)];
        m_panels.ranking->setEstimates(scores->column(column), transformOf(current), unitOf(current),
                                       current.metadata().range, entry->flags);
    }
    showFlags();
    showSeries();
    refreshImageCaption();
    updateProfile();
    emit scoresShown();
}

void ScoreViews::showBursts() {
    QHash<QString, ImageGridModel::BurstMark> marks;
    const QHash<QString, BurstPlace>& places = m_workspace->bursts().places();
    for (auto place = places.cbegin(); place != places.cend(); ++place)
        marks.insert(place.key(), {place->size, place->best});
    m_panels.browser->setBursts(marks);
    const auto model = m_workspace->currentModel();
    if (!m_workspace->burstsShown() || !model) return;
    const int bursts = m_workspace->bursts().count();
    emit statusMessage(bursts == 0 ? tr("No bursts: no two neighbouring shots look alike within 2 s.")
                                   : tr("%1 bursts, each collapsed to its best shot by %2 (★); the others are hidden "
                                        "until View > Collapse Bursts is off.")
                                         .arg(bursts)
                                         .arg(transformOf(*model)));
}

void ScoreViews::showSeries() {
    QHash<QString, ImageGridModel::SeriesMark> marks;
    const auto scores = m_workspace->scores();
    const int column = scores ? scores->columnOf(m_workspace->currentModel().get()) : -1;
    if (!m_groupSeries->isChecked() || column < 0) {
        m_panels.browser->setSeries(marks);
        if (m_groupSeries->isChecked()) emit statusMessage(tr("Series are ranked by a model: train or open one first."));
        return;
    }
    const core::ModelMetadata& metadata = scores->models[static_cast<std::size_t>(column)]->metadata();
    const std::vector<core::SeriesSummary> series =
        core::summariseSeries(scores->scores, static_cast<std::size_t>(column), metadata.range, {});
    QHash<QString, int> sizes;
    QSet<QString> worst;
    for (const core::SeriesSummary& summary : series) {
        sizes.insert(QString::fromStdString(summary.series), summary.images);
        worst.insert(QString::fromStdString(summary.worstImage));
    }
    for (const std::string& path : scores->scores.paths) {
        const QString name = QString::fromStdString(path);
        const QString seriesName = QString::fromStdString(core::seriesOf(path));
        marks.insert(name, {seriesName, sizes.value(seriesName), worst.contains(name)});
    }
    m_panels.browser->setSeries(marks);
    emit statusMessage(tr("%1 series, each shown by its most degraded image by %2 (▤), worst first; double-click one "
                          "to open it.")
                           .arg(series.size())
                           .arg(QString::fromStdString(metadata.transform)));
}

void ScoreViews::showFlags() {
    QHash<QString, QList<int>> columnsByPath;
    for (const FlaggedImage& image : m_workspace->flagged())
        columnsByPath.insert(image.path, QList<int>(image.columns.begin(), image.columns.end()));
    m_panels.browser->setFlagged(columnsByPath);
    m_panels.ranking->setFlagged(m_workspace->flagged(), m_workspace->scores().get());
    showFlaggedThumbnails();
}

void ScoreViews::showFlaggedThumbnails() {
    const ImageGridModel* grid = m_panels.browser->model();
    m_panels.ranking->setThumbnails([grid](const QString& path) {
        const int row = grid->rowOf(path);
        return row < 0 ? QImage() : grid->index(row).data(Qt::DecorationRole).value<QImage>();
    });
}

void ScoreViews::updateProfile() {
    const QString path = m_panels.browser->selectedPath();
    if (m_workspace->models().empty()) {
        return m_panels.profile->clear(tr("Open or train models to see the selected image's profile."));
    }
    if (path.isEmpty()) return m_panels.profile->clear(tr("Select an image to see its profile."));
    const auto scores = m_workspace->scores();
    const std::vector<core::ImageEstimate>* estimates = m_workspace->estimatesOf(path);
    if (!estimates) return m_panels.profile->clear(tr("Scoring the folder…"));
    const int column = m_workspace->currentColumn();
    std::vector<ProfileBar> bars;
    for (std::size_t m = 0; m < estimates->size() && m < scores->models.size(); ++m) {
        const core::TrainedModel& model = *scores->models[m];
        const core::ImageEstimate& estimate = (*estimates)[m];
        const bool current = static_cast<int>(m) == column && estimates->size() > 1;
        bars.push_back(
            {transformOf(model), unitOf(model), estimate.estimate, model.metadata().range, estimate.inRange, current});
    }
    m_panels.profile->setProfile(bars, QFileInfo(path).fileName());
}

}  // namespace twinsight::ui
