#pragma once
// File > Export Report: the QC report (core/scoring/qc_report.h) of the folder's scores, with every open model and
// the thresholds the user set, made and written off the UI thread.

#include <QString>

class QWidget;

namespace twinsight::ui {

class Workspace;

// Hands the report of the folder's current scores to the workspace's writer, which decodes the flagged images
// again, renders the report and writes `path` (written or failed follow from the writer). Returns why it cannot
// start (no scores yet), or an empty string.
QString exportReport(Workspace& workspace, const QString& path);

// Asks where (HTML), then exportReport; a message when there is nothing to report yet.
QString askExportReport(QWidget* parent, Workspace& workspace);

}  // namespace twinsight::ui
