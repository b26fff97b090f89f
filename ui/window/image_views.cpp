#include "ui/window/image_views.h"

#include <QFileInfo>
#include <QTabWidget>

#include "ui/browser/image_browser.h"
#include "ui/browser/image_view.h"
#include "ui/jobs/analysis_jobs.h"
#include "ui/panels/preview_panel.h"
#include "ui/panels/ranking_panel.h"
#include "ui/panels/training_panel.h"
#include "ui/plots/correlation_plot.h"
#include "ui/plots/sweep_plot.h"
#include "ui/window/score_views.h"
#include "ui/workspace/workspace.h"

namespace twinsight::ui {

ImageViews::ImageViews(Workspace* workspace, const WindowPanels& panels, const ScoreViews* scores, QObject* parent)
    : QObject(parent), m_workspace(workspace), m_panels(panels), m_scores(scores) {
    connect(panels.browser, &ImageBrowser::selectionChanged, this, &ImageViews::select);
    connect(panels.training, &TrainingPanel::transformChanged, this, &ImageViews::followTrainingPanel);
    connect(panels.training, &TrainingPanel::rangeChanged, this, &ImageViews::followTrainingPanel);
    // The preview follows the working size from the image already held; the sweep uses the model's working size.
    connect(panels.training, &TrainingPanel::workingSizeChanged, this, &ImageViews::showPreviewCopy);
    connect(workspace, &Workspace::selectionLoaded, this, [this](const auto& image) {
        m_panels.imageView->setImage(image->display, m_scores->imageCaption(image->path));
        showPreviewCopy();
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
                emit studyShown();
            });
    connect(workspace, &Workspace::studyUnavailable, panels.correlation, &CorrelationPlot::clear);
    // A flagged image opened from the ranking's list is shown large.
    connect(panels.ranking, &RankingPanel::imageOpened, this, [this](const QString& path) {
        if (m_panels.browser->selectPath(path)) m_panels.tabs->setCurrentWidget(m_panels.imageView);
    });
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
