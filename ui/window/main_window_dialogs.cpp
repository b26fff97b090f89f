// MainWindow, third part: the file dialogs in front of the workspace's loads and writes, and the About box.

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QStringList>

#include "twinsight_version.h"
#include "ui/browser/image_browser.h"
#include "ui/jobs/file_writer.h"
#include "ui/panels/ranking_panel.h"
#include "ui/panels/training_panel.h"
#include "ui/panels/xmp_dialog.h"
#include "ui/plots/plot_style.h"
#include "ui/window/main_window.h"
#include "ui/window/save_dialog.h"
#include "ui/workspace/workspace.h"

namespace twinsight::ui {

void MainWindow::openModelFile(const QString& path) {
    m_workspace->openModelFile(path, m_panels.training->config().device);
}

bool MainWindow::exportFlagged(const QString& path) {
    return m_workspace->exportFlagged(path, m_panels.ranking->flaggedPaths());
}

XmpDialog* MainWindow::openSidecarDialog() {
    if (!m_workspace->scores()) return nullptr;
    auto* dialog = new XmpDialog(m_workspace->scores(), m_panels.ranking->flaggedPaths(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &XmpDialog::writeFinished, this, [this](int written, const QStringList& failures) {
        showStatus(failures.isEmpty() ? tr("Wrote %1 XMP sidecars").arg(written)
                                      : tr("Wrote %1 XMP sidecars; %2 failed").arg(written).arg(failures.size()));
    });
    dialog->open();  // window-modal, and the event loop goes on
    return dialog;
}

void MainWindow::askOpenFolder() {
    const QString start = m_workspace->folder().isEmpty() ? QDir::homePath() : m_workspace->folder();
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open a folder of images"), start);
    if (!folder.isEmpty()) m_workspace->openFolder(folder);
}

void MainWindow::askOpenModel() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a model"), dialogStartFolder(),
                                                      tr("Twinsight models (*.twinsight);;All files (*)"));
    if (path.isEmpty()) return;
    rememberDialogFolder(path);
    openModelFile(path);
}

void MainWindow::askSaveModel() {
    const auto model = m_workspace->currentModel();
    if (!model) return;
    const QString name =
        QStringLiteral("%1-%2.twinsight").arg(transformOf(*model), QFileInfo(m_workspace->folder()).fileName());
    const QString path =
        askSavePath(this, tr("Save model"), name, {{tr("Twinsight models (*.twinsight)"), "twinsight"}});
    if (!path.isEmpty()) m_workspace->saveModel(path);
}

void MainWindow::askExportScores() {
    QStringList names;
    if (const auto scores = m_workspace->scores()) {
        for (const auto& model : scores->models) names << transformOf(*model);
    }
    const QString name = QStringLiteral("%1-scores.csv").arg(names.join('-'));
    const QString path = askSavePath(this, tr("Export scores"), name, {{tr("CSV files (*.csv)"), "csv"}});
    if (!path.isEmpty()) m_workspace->exportScores(path);
}

void MainWindow::askExportFlagged() {
    const QString path = askSavePath(this, tr("Export flagged images"), QStringLiteral("flagged.txt"),
                                     {{tr("List of paths (*.txt)"), "txt"}, {tr("CSV with scores (*.csv)"), "csv"}});
    if (!path.isEmpty()) exportFlagged(path);
}

void MainWindow::exportPlot(QCustomPlot* plot, const QString& name) {
    QString error;
    if (exportPlotWithDialog(this, plot, name + ".png", *m_workspace->fileWriter(), &error)) return;
    if (!error.isEmpty()) reportError(tr("Cannot export the plot"), error);
}

void MainWindow::showAbout() {
    QMessageBox::about(this, tr("About Twinsight"),
                       tr("<h3>Twinsight %1</h3><p>Annotation-free image quality inspector: it degrades your own "
                          "images, learns which copy is more degraded with a siamese network, and scores every "
                          "image of a folder for that degradation.</p>")
                           .arg(kVersion));
}

}  // namespace twinsight::ui
