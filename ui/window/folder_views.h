#pragma once
// Which folder the window opens at start (the one given, the last one used, or the sample scenes), and what it
// shows once the Workspace has listed a folder: the grid, the ranking's placeholder, the status and the file given
// at start selected.

#include <QObject>
#include <QString>
#include <QStringList>

#include "ui/window/window_layout.h"

namespace twinsight::ui {

class Workspace;

class FolderViews : public QObject {
    Q_OBJECT
public:
    // `actions`: File > Open Sample Scenes.
    FolderViews(Workspace* workspace, const WindowPanels& panels, const WindowActions& actions, QObject* parent);

    // Opens the folder given (or the folder of the file given, with that image selected), else the last one used,
    // else the sample scenes (written once into the cache).
    void start(const QString& argument);
    // Opens the built-in sample scenes (written once into the cache).
    void openSampleScenes();

signals:
    void folderShown(const QString& folder, int imageCount);
    void errorReported(const QString& title, const QString& message);
    void statusMessage(const QString& message);

private:
    void show(const QString& folder, const QStringList& paths);
    void selectStartImage(const QString& image);

    Workspace* m_workspace;
    WindowPanels m_panels;
    QString m_startImage;  // the file given at start, selected once its folder is open
};

}  // namespace twinsight::ui
