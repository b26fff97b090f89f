#include "ui/window/report_export.h"

#include <QFileInfo>
#include <QObject>
#include <memory>

#include "core/base/atomic_file.h"
#include "core/scoring/qc_report.h"
#include "ui/jobs/file_writer.h"
#include "ui/jobs/folder_scorer.h"
#include "ui/window/save_dialog.h"
#include "ui/workspace/workspace.h"

namespace twinsight::ui {
namespace {

// The thresholds set in the window, as the report's rules; a threshold switched off gives none.
std::vector<core::FlagRule> rulesOf(const ModelSet& models, const FolderScores& scores) {
    std::vector<core::FlagRule> rules;
    for (const auto& model : scores.models) {
        const ModelSet::Entry* entry = models.entryOf(model.get());
        const FlagThresholds flags = entry ? entry->flags : defaultFlagThresholds(model->metadata());
        const std::string& transform = model->metadata().transform;
        if (flags.above) rules.push_back({transform, true, *flags.above});
        if (flags.below) rules.push_back({transform, false, *flags.below});
    }
    return rules;
}

}  // namespace

QString exportReport(Workspace& workspace, const QString& path) {
    const std::shared_ptr<const FolderScores> scores = workspace.scores();
    if (!scores || scores->models.empty() || scores->scores.paths.empty()) {
        return QObject::tr("Open a folder and a model first: the report shows the folder's scores.");
    }
    std::vector<std::string> files;
    for (const auto& model : scores->models) {
        const ModelSet::Entry* entry = workspace.models().entryOf(model.get());
        files.push_back(entry ? QFileInfo(entry->source).fileName().toStdString() : transformOf(*model).toStdString());
    }
    std::vector<core::FlagRule> rules = rulesOf(workspace.models(), *scores);
    const std::string target = path.toStdString();
    workspace.fileWriter()->writeWith(path, [scores, files, rules, target] {
        std::vector<const core::TrainedModel*> models;
        for (const auto& model : scores->models) models.push_back(model.get());
        const core::QcReport report = core::assembleQcReport(models, files, scores->scores, rules);
        core::writeFileAtomically(target, core::qcReportHtml(report));
    });
    return {};
}

QString askExportReport(QWidget* parent, Workspace& workspace) {
    if (!workspace.scores()) return QObject::tr("Open a folder and a model first: the report shows the folder's scores.");
    const QString path = askSavePath(parent, QObject::tr("Export QC report"), QStringLiteral("qc-report.html"),
                                     {{QObject::tr("HTML report (*.html)"), "html"}});
    if (path.isEmpty()) return {};
    return exportReport(workspace, path);
}

}  // namespace twinsight::ui
