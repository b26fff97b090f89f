#pragma once
// What goes on the lesson sheet (ui/plots/lesson_sheet.h) from the current model and the window's plots, and
// File > Export Lesson Sheet.

#include <QString>
#include <QStringList>

#include "core/model/trained_model.h"
#include "ui/plots/lesson_sheet.h"
#include "ui/window/window_layout.h"

class QWidget;

namespace twinsight::ui {

class Workspace;

// The settings `model` was trained with, and its figures on the held-out images with their intervals.
QStringList lessonSettings(const core::ModelMetadata& metadata);
QStringList lessonFigures(const core::ModelMetadata& metadata);

// The sheet of `model` with the window's curves, sweep, correlation and training pairs.
LessonSheet lessonSheetOf(const core::TrainedModel& model, const WindowPanels& panels);

// Asks where (PDF), renders the sheet of the current model and hands it to the workspace's writer; a status
// message when there is no model yet. Returns why it could not be rendered, or an empty string.
QString askExportLessonSheet(QWidget* parent, Workspace& workspace, const WindowPanels& panels);

}  // namespace twinsight::ui
