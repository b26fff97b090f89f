#pragma once
// The file dialogs in front of the workspace's loads and writes, and the About box. Each asks, then hands the path
// to the Workspace, which reads or writes in the background; a cancelled dialog does nothing.

#include <QString>
#include <QStringList>
#include <functional>
#include <string>

class QCustomPlot;
class QWidget;

namespace twinsight::ui {

class Workspace;

void askOpenFolder(QWidget* parent, Workspace& workspace);
// Opens the chosen model on `device`.
void askOpenModel(QWidget* parent, Workspace& workspace, const std::string& device);
void askSaveModel(QWidget* parent, Workspace& workspace);
void askExportScores(QWidget* parent, Workspace& workspace);
void askExportFlagged(QWidget* parent, Workspace& workspace, const QStringList& flagged);
// Empty when the plot was exported or the dialog cancelled, else why it could not be.
QString askExportPlot(QWidget* parent, Workspace& workspace, QCustomPlot* plot, const QString& name);
void showAbout(QWidget* parent);
// The three steps of a first session (Help > Getting Started), without blocking the window.
void showGettingStarted(QWidget* parent);
// Before the window closes: when a training is running, a model trained in this session is not saved or a review
// (a ReviewViewer child of `parent`) holds decisions not written to the sidecars, asks
// (window-modal, without blocking the event loop) and returns true; `quit` runs once the user says to quit anyway.
// False when nothing would be lost.
bool askBeforeQuitting(QWidget* parent, const Workspace& workspace, std::function<void()> quit);

}  // namespace twinsight::ui
