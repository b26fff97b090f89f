#include "ui/window/folder_views.h"

#include <QAction>
#include <QTabWidget>
#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QThreadPool>
#include <utility>

#include "core/imageio/image_source.h"
#include "ui/browser/image_browser.h"
#include "ui/jobs/background.h"
#include "ui/panels/ranking_panel.h"
#include "ui/panels/training_panel.h"
#include "ui/window/file_dialogs.h"
#include "ui/window/start_folder.h"
#include "ui/workspace/workspace.h"

namespace twinsight::ui {

namespace {
const char* const kGuideShownKey = "guide/shown";
}  // namespace

FolderViews::FolderViews(Workspace* workspace, const WindowPanels& panels, const WindowActions& actions,
                         QObject* parent)
    : QObject(parent), m_workspace(workspace), m_panels(panels) {
    connect(actions.openSampleScenes, &QAction::triggered, this, &FolderViews::openSampleScenes);
    connect(workspace, &Workspace::folderOpened, this, &FolderViews::show);
    connect(workspace, &Workspace::folderFailed, this, [this](const QString&, const QString& message) {
        emit errorReported(tr("Cannot open the folder"), message);
    });
    connect(workspace, &Workspace::filesSkipped, panels.browser, &ImageBrowser::addSkipped);
}

void FolderViews::start(const QString& argument) {
    const StartFolder start = chooseStartFolder(argument, QSettings().value("folder/last").toString());
    if (!start.problem.isEmpty()) emit errorReported(tr("Cannot open the folder"), start.problem);
    m_startImage = start.image;
    if (!start.sampleScenes) return m_workspace->openFolder(start.path);
    openSampleScenes();
}

void FolderViews::openSampleScenes() {
    emit statusMessage(tr("Preparing the sample scenes…"));
    runInBackground(
        this, QThreadPool::globalInstance(), [] { return ensureSampleScenes(); },
        [this](const QString& folder) { m_workspace->openFolder(folder); },
        [this](const QString& message) { emit errorReported(tr("Cannot write the sample scenes"), message); });
}

void FolderViews::show(const QString& folder, const QStringList& paths) {
    QSettings().setValue("folder/last", folder);
    m_panels.browser->showFolder(folder, paths);
    m_panels.ranking->clear(m_workspace->currentModel() ? tr("Scoring the folder…")
                                                        : tr("Train or open a model to rank the folder's images."));
    const QString shown = QDir::toNativeSeparators(folder);
    emit statusMessage(paths.isEmpty() ? tr("%1 holds no image Twinsight can read").arg(shown)
                                       : tr("Opened %1: %2 images").arg(shown).arg(paths.size()));
    m_panels.training->setTrainEnabled(!paths.isEmpty());
    // The first time the sample scenes open (a first start), the three steps of a first session say what to do.
    if (folder == sampleScenesFolder() && !QSettings().value(kGuideShownKey, false).toBool()) {
        QSettings().setValue(kGuideShownKey, true);
        showGettingStarted(m_panels.tabs->window());
    }
    const QString startImage = std::exchange(m_startImage, {});
    if (!startImage.isEmpty() && QFileInfo(startImage).absolutePath() == folder) selectStartImage(startImage);
    emit folderShown(folder, static_cast<int>(paths.size()));
}

// The file given at start: a multi-frame file is selected at its first frame; a file that is no image Twinsight
// reads is reported, its folder staying open.
void FolderViews::selectStartImage(const QString& image) {
    if (m_panels.browser->selectPath(image)) return;
    if (m_panels.browser->selectPath(QString::fromStdString(core::imageSourceName(image.toStdString(), 1)))) return;
    emit errorReported(tr("Cannot open the image"),
                       tr("%1 is not an image Twinsight can read").arg(QDir::toNativeSeparators(image)));
}

}  // namespace twinsight::ui
