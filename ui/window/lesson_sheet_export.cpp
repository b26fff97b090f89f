#include "ui/window/lesson_sheet_export.h"

#include <cmath>
#include <exception>

#include "ui/jobs/file_writer.h"
#include "ui/panels/pairs_strip.h"
#include "ui/plots/correlation_plot.h"
#include "ui/plots/sweep_plot.h"
#include "ui/plots/training_curves.h"
#include "ui/support/figure_text.h"
#include "ui/window/save_dialog.h"
#include "ui/workspace/model_set.h"
#include "ui/workspace/workspace.h"

namespace twinsight::ui {

QStringList lessonSettings(const core::ModelMetadata& metadata) {
    const core::TrainingSummary& training = metadata.training;
    const QString unit = QString::fromStdString(metadata.unit);
    return {
        QObject::tr("Degradation: %1, %2 to %3 %4")
            .arg(QString::fromStdString(metadata.transform))
            .arg(metadata.range.min)
            .arg(metadata.range.max)
            .arg(unit),
        QObject::tr("Images: %1 to learn from, %2 held out").arg(training.trainImages).arg(training.validationImages),
        QObject::tr("Steps: %1 of %2 pairs").arg(training.steps).arg(training.batchSize),
        QObject::tr("Learning rate: %1").arg(training.learningRate),
        QObject::tr("Cross-image pairs: %1%").arg(training.crossImageShare * 100.0, 0, 'f', 0),
        QObject::tr("Sizes: %1 px working, %2 px input").arg(metadata.workingSize).arg(metadata.inputSize),
        QObject::tr("Optimisation on %1: %2 s").arg(QString::fromStdString(training.device)).arg(training.seconds, 0, 'f', 1),
    };
}

QStringList lessonFigures(const core::ModelMetadata& metadata) {
    const core::TrainingSummary& training = metadata.training;
    QStringList figures{
        QObject::tr("Pair accuracy: %1% (%2)")
            .arg(training.valPairAccuracy * 100.0, 0, 'f', 1)
            .arg(intervalText(training.valPairAccuracyInterval, 1, 100.0)),
        QObject::tr("Pearson: %1").arg(figureWithInterval(training.valPearson, training.valPearsonInterval)),
        QObject::tr("Spearman: %1").arg(figureWithInterval(training.valSpearman, training.valSpearmanInterval)),
    };
    if (std::isfinite(training.valMedianAbsError))
        figures << QObject::tr("Estimate error: %1 %2 (median)")
                       .arg(training.valMedianAbsError, 0, 'f', 2)
                       .arg(QString::fromStdString(metadata.unit));
    const QString rough = roughNote(training.validationImages);
    if (!rough.isEmpty()) figures << rough;
    figures << QObject::tr("In brackets: where 9 in 10 other sets of as many images would fall.");
    return figures;
}

LessonSheet lessonSheetOf(const core::TrainedModel& model, const WindowPanels& panels) {
    LessonSheet sheet;
    sheet.title = QObject::tr("Learning %1 without labels").arg(transformOf(model));
    sheet.settings = lessonSettings(model.metadata());
    sheet.figures = lessonFigures(model.metadata());
    sheet.curves = panels.curves->plot();
    sheet.sweep = panels.sweep->plot();
    sheet.correlation = panels.correlation->plot();
    sheet.pairs = panels.pairs->tiles();
    return sheet;
}

QString askExportLessonSheet(QWidget* parent, Workspace& workspace, const WindowPanels& panels) {
    const auto model = workspace.currentModel();
    if (!model) return QObject::tr("Train or open a model first: the sheet shows what it learnt.");
    const QString path = askSavePath(parent, QObject::tr("Export lesson sheet"),
                                     QStringLiteral("lesson-%1.pdf").arg(transformOf(*model)),
                                     {{QObject::tr("PDF document (*.pdf)"), "pdf"}});
    if (path.isEmpty()) return {};
    try {
        workspace.fileWriter()->writeBytes(path, renderLessonSheet(lessonSheetOf(*model, panels)));
    } catch (const std::exception& error) {
        return QString::fromStdString(error.what());
    }
    return {};
}

}  // namespace twinsight::ui
