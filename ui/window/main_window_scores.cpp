// MainWindow, third part: the folder's scores with every open model in the grid, the ranking and the selected
// image's profile, and what is written from them (CSV, the flagged list, XMP sidecars).

#include <QDir>
#include <QFileInfo>
#include <QProgressBar>
#include <QStatusBar>
#include <algorithm>

#include "core/base/atomic_file.h"
#include "core/scoring/reports.h"
#include "ui/browser/image_browser.h"
#include "ui/jobs/file_writer.h"
#include "ui/panels/ranking_panel.h"
#include "ui/panels/xmp_dialog.h"
#include "ui/plots/profile_chart.h"
#include "ui/window/main_window.h"
#include "ui/window/save_dialog.h"

namespace twinsight::ui {
namespace {

// The rows of `scores` whose image is in `wanted`, every model's columns kept.
core::MultiModelScores rowsOf(const core::MultiModelScores& scores, const QSet<QString>& wanted) {
    core::MultiModelScores rows;
    for (std::size_t i = 0; i < scores.paths.size(); ++i) {
        if (!wanted.contains(QString::fromStdString(scores.paths[i]))) continue;
        rows.paths.push_back(scores.paths[i]);
        rows.estimates.push_back(scores.estimates[i]);
    }
    return rows;
}

}  // namespace

void MainWindow::onScoresFinished(std::shared_ptr<const FolderScores> scores) {
    m_scoreProgress->setVisible(false);
    if (m_models.empty()) return;
    m_scores = std::move(scores);
    m_browser->addSkipped(m_scores->scores.skipped);
    QStringList names;
    for (const auto& model : m_scores->models) names << transformOf(*model);
    QString message = tr("Scored %1 images for %2").arg(m_scores->scores.paths.size()).arg(names.join(tr(" and ")));
    if (!m_scoringNote.isEmpty()) message += QStringLiteral(" · ") + m_scoringNote;
    m_scoringNote.clear();
    statusBar()->showMessage(message, kStatusTimeout);
    showScores();
    emit scoresUpdated();
}

int MainWindow::currentColumn() const { return m_scores ? m_scores->columnOf(model().get()) : -1; }

void MainWindow::showScores() {
    const int column = currentColumn();
    if (m_scoresInGrid.lock() == m_scores) {
        m_browser->setCurrentModel(column);  // the same scores, another current model: no rebuild of the grid
    } else {
        std::vector<ImageGridModel::ModelColumn> columns;
        for (const auto& model : m_scores->models) columns.push_back({transformOf(*model), unitOf(*model)});
        QHash<QString, std::vector<core::ImageEstimate>> estimates;
        for (std::size_t i = 0; i < m_scores->scores.paths.size(); ++i)
            estimates.insert(QString::fromStdString(m_scores->scores.paths[i]), m_scores->scores.estimates[i]);
        m_browser->setModelEstimates(columns, estimates, column);
        m_scoresInGrid = m_scores;
    }
    if (column >= 0) {
        const core::TrainedModel& current = *m_scores->models[static_cast<std::size_t>(column)];
        m_ranking->setScores(m_scores->column(column), transformOf(current), unitOf(current),
                             current.metadata().calibration);
    }
    refreshImageCaption();
    updateProfile();
    updateActions();
}

void MainWindow::updateProfile() {
    const QString path = m_browser->selectedPath();
    if (m_models.empty()) return m_profile->clear(tr("Open or train models to see the selected image's profile."));
    if (path.isEmpty()) return m_profile->clear(tr("Select an image to see its profile."));
    const QString name = QFileInfo(path).fileName();
    const int row = m_browser->model()->rowOf(path);
    if (!m_scores || row < 0) return m_profile->clear(tr("Scoring the folder…"));
    const std::vector<core::ImageEstimate>& estimates = m_browser->model()->estimatesAt(row);
    std::vector<ProfileBar> bars;
    for (std::size_t m = 0; m < estimates.size() && m < m_scores->models.size(); ++m) {
        const core::TrainedModel& model = *m_scores->models[m];
        const bool current = static_cast<int>(m) == currentColumn() && estimates.size() > 1;
        bars.push_back({transformOf(model), unitOf(model), estimates[m].estimate, model.metadata().range,
                        estimates[m].inRange, current});
    }
    m_profile->setProfile(bars, name);
}

bool MainWindow::exportScores(const QString& path) {
    if (!m_scores) return false;
    // The CSV of a large folder is made on the writer's thread too: the scores are shared and never change.
    m_fileWriter->writeWith(
        path,
        [scores = m_scores, target = path.toStdString()] {
            core::writeFileAtomically(target, core::multiModelScoresCsv(scores->scores, scores->transforms()));
        },
        [this, path] { statusBar()->showMessage(tr("Wrote %1").arg(QDir::toNativeSeparators(path)), kStatusTimeout); });
    return true;
}

bool MainWindow::exportFlagged(const QString& path) {
    const QStringList& flagged = m_ranking->flaggedPaths();
    std::string text;
    if (QFileInfo(path).suffix().compare("csv", Qt::CaseInsensitive) == 0 && m_scores) {
        const core::MultiModelScores rows = rowsOf(m_scores->scores, QSet<QString>(flagged.begin(), flagged.end()));
        text = core::multiModelScoresCsv(rows, m_scores->transforms());
    } else {
        for (const QString& file : flagged) text += file.toStdString() + "\n";  // worst first, one path per line
    }
    m_fileWriter->writeBytes(path, std::move(text), [this, path, count = flagged.size()] {
        statusBar()->showMessage(tr("Wrote %1 flagged images to %2").arg(count).arg(QDir::toNativeSeparators(path)),
                                 kStatusTimeout);
    });
    return true;
}

XmpDialog* MainWindow::openSidecarDialog() {
    if (!m_scores) return nullptr;
    auto* dialog = new XmpDialog(m_scores, m_ranking->flaggedPaths(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &XmpDialog::writeFinished, this, [this](int written, const QStringList& failures) {
        const QString message = failures.isEmpty()
                                    ? tr("Wrote %1 XMP sidecars").arg(written)
                                    : tr("Wrote %1 XMP sidecars; %2 failed").arg(written).arg(failures.size());
        statusBar()->showMessage(message, kStatusTimeout);
    });
    dialog->open();  // window-modal, and the event loop goes on
    return dialog;
}

void MainWindow::askExportScores() {
    QStringList names;
    if (m_scores) {
        for (const auto& model : m_scores->models) names << transformOf(*model);
    }
    const QString name = QStringLiteral("%1-scores.csv").arg(names.join('-'));
    const QString path = askSavePath(this, tr("Export scores"), name, {{tr("CSV files (*.csv)"), "csv"}});
    if (!path.isEmpty()) exportScores(path);
}

void MainWindow::askExportFlagged() {
    const QString path = askSavePath(this, tr("Export flagged images"), QStringLiteral("flagged.txt"),
                                     {{tr("List of paths (*.txt)"), "txt"}, {tr("CSV with scores (*.csv)"), "csv"}});
    if (!path.isEmpty()) exportFlagged(path);
}

void MainWindow::askWriteSidecars() { openSidecarDialog(); }

}  // namespace twinsight::ui
