#include "ui/window/file_dialogs.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>

#include "twinsight_version.h"
#include "ui/jobs/file_writer.h"
#include "ui/plots/plot_style.h"
#include "ui/review/review_viewer.h"
#include "ui/window/save_dialog.h"
#include "ui/workspace/workspace.h"

namespace twinsight::ui {

void askOpenFolder(QWidget* parent, Workspace& workspace) {
    const QString start = workspace.folder().isEmpty() ? QDir::homePath() : workspace.folder();
    const QString folder = QFileDialog::getExistingDirectory(parent, QObject::tr("Open a folder of images"), start);
    if (!folder.isEmpty()) workspace.openFolder(folder);
}

void askOpenModel(QWidget* parent, Workspace& workspace, const std::string& device) {
    const QString path =
        QFileDialog::getOpenFileName(parent, QObject::tr("Open a model"), dialogStartFolder(),
                                     QObject::tr("Twinsight models (*.twinsight);;All files (*)"));
    if (path.isEmpty()) return;
    rememberDialogFolder(path);
    workspace.openModelFile(path, device);
}

void askSaveModel(QWidget* parent, Workspace& workspace) {
    const auto model = workspace.currentModel();
    if (!model) return;
    const QString name =
        QStringLiteral("%1-%2.twinsight").arg(transformOf(*model), QFileInfo(workspace.folder()).fileName());
    const QString path = askSavePath(parent, QObject::tr("Save model"), name,
                                     {{QObject::tr("Twinsight models (*.twinsight)"), "twinsight"}});
    if (!path.isEmpty()) workspace.saveModel(path);
}

void askExportScores(QWidget* parent, Workspace& workspace) {
    QStringList names;
    if (const auto scores = workspace.scores()) {
        for (const auto& model : scores->models) names << transformOf(*model);
    }
    const QString name = QStringLiteral("%1-scores.csv").arg(names.join('-'));
    const QString path =
        askSavePath(parent, QObject::tr("Export scores"), name, {{QObject::tr("CSV files (*.csv)"), "csv"}});
    if (!path.isEmpty()) workspace.exportScores(path);
}

void askExportFlagged(QWidget* parent, Workspace& workspace, const QStringList& flagged) {
    const QString path = askSavePath(
        parent, QObject::tr("Export flagged images"), QStringLiteral("flagged.txt"),
        {{QObject::tr("List of paths (*.txt)"), "txt"}, {QObject::tr("CSV with scores (*.csv)"), "csv"}});
    if (!path.isEmpty()) workspace.exportFlagged(path, flagged);
}

QString askExportPlot(QWidget* parent, Workspace& workspace, QCustomPlot* plot, const QString& name) {
    QString error;
    exportPlotWithDialog(parent, plot, name + ".png", *workspace.fileWriter(), &error);
    return error;
}

bool askBeforeQuitting(QWidget* parent, const Workspace& workspace, std::function<void()> quit) {
    QStringList losses;
    if (workspace.isTraining()) losses << QObject::tr("A training is running and will be stopped.");
    const QStringList unsaved = workspace.unsavedModels();
    if (!unsaved.isEmpty()) {
        losses << QObject::tr("The %1 model trained in this session is not saved.", nullptr, int(unsaved.size()))
                      .arg(unsaved.join(QObject::tr(" and ")));
    }
    for (const ReviewViewer* viewer : parent->findChildren<ReviewViewer*>()) {
        if (!viewer->queue().hasUnwritten()) continue;
        const auto decided = viewer->queue().decisions().size();
        losses << (decided == 1 ? QObject::tr("A review decision is not written to its sidecar.")
                                : QObject::tr("Review decisions on %1 images are not written to their sidecars.")
                                      .arg(decided));
    }
    if (losses.isEmpty()) return false;
    auto* box = new QMessageBox(QMessageBox::Warning, QObject::tr("Quit Twinsight?"), losses.join('\n'),
                                QMessageBox::Discard | QMessageBox::Cancel, parent);
    box->setObjectName("quitQuestion");
    box->button(QMessageBox::Discard)->setText(QObject::tr("Quit Anyway"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(box, &QMessageBox::finished, parent, [box, quit = std::move(quit)](int) {
        if (box->clickedButton() == box->button(QMessageBox::Discard)) quit();
    });
    box->open();
    return true;
}

void showGettingStarted(QWidget* parent) {
    auto* box = new QMessageBox(
        QMessageBox::Information, QObject::tr("Getting started"),
        QObject::tr("<p><b>1. Pick a degradation.</b> On the right, choose what to learn (blur, noise, ...) and its "
                    "range; the <i>Preview</i> tab shows the selected image degraded across that range.</p>"
                    "<p><b>2. Train.</b> Press <i>Train</i> (Ctrl+T). The network degrades each image twice by random "
                    "amounts and learns which copy is worse: no labels. The <i>Training</i> tab shows the curves and "
                    "the pairs it judges.</p>"
                    "<p><b>3. Read the plots.</b> <i>Sweep</i>: how the score follows the magnitude on the selected "
                    "image. <i>Correlation</i>: how well it ranks images it never saw. <i>Ranking</i>: the folder, "
                    "with a threshold in the unit; flagged images are framed red in the grid (N steps through "
                    "them).</p><p>File &gt; Open Folder (Ctrl+O) takes your own images; File &gt; Open Sample Scenes "
                    "comes back here.</p>"),
        QMessageBox::Close, parent);
    box->setObjectName("gettingStarted");
    box->setTextFormat(Qt::RichText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::NonModal);
    box->show();
}

void showAbout(QWidget* parent) {
    QMessageBox::about(parent, QObject::tr("About Twinsight"),
                       QObject::tr("<h3>Twinsight %1</h3><p>Annotation-free image quality inspector: it degrades your "
                                   "own images, learns which copy is more degraded with a siamese network, and scores "
                                   "every image of a folder for that degradation.</p>")
                           .arg(kVersion));
}

}  // namespace twinsight::ui
