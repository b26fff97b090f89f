#include "ui/window/image_views.h"

#include <QAction>
#include <QFileInfo>
#include <QTabWidget>
#include <QThreadPool>

#include "core/evaluation/focus_map.h"
#include "ui/browser/image_browser.h"
#include "ui/browser/image_view.h"
#include "ui/jobs/analysis_jobs.h"
#include "ui/jobs/background.h"
#include "ui/panels/preview_panel.h"
#include "ui/panels/ranking_panel.h"
#include "ui/panels/training_panel.h"
#include "ui/review/review_viewer.h"
#include "ui/plots/correlation_plot.h"
#include "ui/plots/sweep_plot.h"
#include "ui/window/score_views.h"
#include "ui/workspace/workspace.h"

namespace twinsight::ui {

ImageViews::ImageViews(Workspace* workspace, const WindowPanels& panels, const WindowActions& actions,
                       const ScoreViews* scores, QObject* parent)
    : QObject(parent), m_workspace(workspace), m_panels(panels), m_scores(scores) {
    connect(actions.focusMap, &QAction::toggled, this, &ImageViews::setFocusMapShown);
    connect(actions.nextFlagged, &QAction::triggered, this, [this] { stepThroughFlagged(1); });
    connect(actions.previousFlagged, &QAction::triggered, this, [this] { stepThroughFlagged(-1); });
    connect(panels.browser, &ImageBrowser::selectionChanged, this, &ImageViews::select);
    connect(panels.training, &TrainingPanel::transformChanged, this, &ImageViews::followTrainingPanel);
    connect(panels.training, &TrainingPanel::rangeChanged, this, &ImageViews::followTrainingPanel);
    // The preview follows the working size from the image already held; the sweep uses the model's working size.
    connect(panels.training, &TrainingPanel::workingSizeChanged, this, &ImageViews::showPreviewCopy);
    connect(workspace, &Workspace::selectionLoaded, this, [this] {
        showSelectedImage();
        showPreviewCopy();
    });
    connect(workspace, &Workspace::modelsChanged, this, [this] {
        if (m_focusMapShown) showSelectedImage();
    });
    connect(workspace, &Workspace::selectionFailed, this, [this](const QString& message) {
        m_panels.imageView->clear(message);
        m_panels.preview->clear(message);
        emit statusMessage(message);
    });
    connect(workspace, &Workspace::sweepReady, this, [this](const SweepResult& sweep, const auto& model) {
        m_panels.sweep->setSweep(sweep, transformOf(*model), unitOf(*model));
        emit sweepShown();
    });
    connect(workspace, &Workspace::sweepUnavailable, panels.sweep, &SweepPlot::clear);
    connect(workspace, &Workspace::studyReady, this,
            [this](const core::CorrelationStudy& study, const auto& model, const QString& images) {
                m_panels.correlation->setStudy(study, transformOf(*model), unitOf(*model),
                                               model->metadata().calibration, images);
                m_panels.correlation->setImagePaths(m_workspace->studyPaths());
                emit studyShown();
            });
    connect(workspace, &Workspace::studyUnavailable, panels.correlation, &CorrelationPlot::clear);
    // A point of the correlation selects its image (the tab stays: the class keeps the plot in view).
    connect(panels.correlation, &CorrelationPlot::imageClicked, panels.browser, &ImageBrowser::selectPath);
    // A flagged image opened from the ranking's list starts the review there.
    connect(panels.ranking, &RankingPanel::imageOpened, this, &ImageViews::openReview);
    connect(panels.ranking, &RankingPanel::reviewRequested, this,
            [this] { openReview(m_panels.browser->selectedPath()); });
    connect(actions.reviewFlagged, &QAction::triggered, this,
            [this] { openReview(m_panels.browser->selectedPath()); });
}

void ImageViews::setFocusMapShown(bool shown) {
    if (shown == m_focusMapShown) return;
    m_focusMapShown = shown;
    showSelectedImage();
}

void ImageViews::showSelectedImage() {
    const int generation = ++m_focusMapGeneration;
    const auto selected = m_workspace->selectedImage();
    if (!selected) return;
    m_panels.imageView->setImage(selected->display, m_scores->imageCaption(selected->path));
    m_panels.imageView->setNote({});
    const auto model = m_workspace->currentModel();
    if (!m_focusMapShown || !model) return;
    if (!core::hasFocusMap(*model)) {
        return m_panels.imageView->setNote(tr("   ·   no focus map: %1 acts on the whole frame").arg(transformOf(*model)));
    }
    runInBackground(
        this, QThreadPool::globalInstance(),
        [selected, model] { return focusMapImage(*model, workingCopy(*selected, model->metadata().workingSize)); },
        [this, generation, transform = transformOf(*model)](const QImage& shown) {
            if (generation != m_focusMapGeneration) return;
            m_panels.imageView->setImage(shown, m_scores->imageCaption(m_workspace->selectedPath()));
            m_panels.imageView->setNote(tr("   ·   focus map of %1").arg(transform));
        },
        [this, generation](const QString& message) {
            if (generation == m_focusMapGeneration) emit statusMessage(message);
        });
}

void ImageViews::stepThroughFlagged(int step) {
    const QStringList flagged = m_workspace->flaggedPaths();
    if (flagged.isEmpty()) return emit statusMessage(tr("No image is flagged."));
    const int here = flagged.indexOf(m_panels.browser->selectedPath());
    const int next = here < 0 ? 0 : (here + step + flagged.size()) % flagged.size();
    if (m_panels.browser->selectPath(flagged[next])) m_panels.tabs->setCurrentWidget(m_panels.imageView);
    emit statusMessage(tr("Flagged image %1 of %2").arg(next + 1).arg(flagged.size()));
}

void ImageViews::openReview(const QString& startPath) {
    const QStringList flagged = m_workspace->flaggedPaths();
    if (flagged.isEmpty()) return emit statusMessage(tr("No image is flagged: set a threshold on the Ranking tab."));
    ReviewSource source;
    source.paths = flagged;
    source.start = std::max(0, static_cast<int>(flagged.indexOf(startPath)));
    source.describe = [scores = m_scores](const QString& path) { return scores->estimatesText(path); };
    source.focusModel = m_workspace->currentModel();
    auto* viewer = new ReviewViewer(std::move(source), m_panels.tabs->window());
    viewer->show();
    viewer->raise();
    viewer->activateWindow();  // its keys (P, X, arrows) work at once
}

void ImageViews::select(const QString& path) {
    m_workspace->select(path);
    if (!path.isEmpty()) return;
    m_panels.imageView->clear(tr("Select an image in the grid."));
    m_panels.preview->clear(tr("Select an image to preview the transformation."));
}

void ImageViews::showPreviewCopy() {
    const auto selected = m_workspace->selectedImage();
    if (!selected) return;
    try {
        m_panels.preview->setImage(workingCopy(*selected, m_panels.training->config().workingSize),
                                   QFileInfo(selected->path).fileName());
    } catch (const std::exception& error) {
        m_panels.preview->clear(QString::fromStdString(error.what()));
    }
}

void ImageViews::followTrainingPanel() {
    m_panels.preview->setTransform(m_panels.training->transformName(), m_panels.training->range());
}

}  // namespace twinsight::ui
