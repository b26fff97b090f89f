#pragma once
// Which folder the program opens at start: the one given (or the folder of the file given, with that image to
// select), else the last one used, else the built-in sample scenes, generated once into the user's cache folder so
// that a first start shows something useful at once.

#include <QString>

namespace twinsight::ui {

struct StartFolder {
    QString path;
    QString image;              // a file was given: select it once its folder `path` is open
    bool sampleScenes = false;  // the path is the sample scenes folder, which may still have to be written
    QString problem;            // why the argument could not be used; empty when it could (or none was given)
};

// `argument`: the folder or file named on the command line (may be empty); `lastFolder`: from the settings.
StartFolder chooseStartFolder(const QString& argument, const QString& lastFolder);

// <cache>/sample-scenes, inside QStandardPaths::CacheLocation.
QString sampleScenesFolder();

// Writes the sample scenes into sampleScenesFolder() unless a complete set is there already, and returns the
// folder. Safe on any thread; throws std::runtime_error naming the folder when it cannot be written.
QString ensureSampleScenes();

// Scenes written: enough to train and hold some out, few enough to write in about a second.
inline constexpr int kSampleSceneCount = 60;

}  // namespace twinsight::ui
