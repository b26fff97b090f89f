#include "ui/window/start_folder.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QObject>
#include <QStandardPaths>
#include <filesystem>
#include <stdexcept>
#include <system_error>

#include "core/samples/sample_scenes.h"

namespace twinsight::ui {
namespace fs = std::filesystem;

namespace {
// The scene family shown at first start; any fixed value gives the same pictures on every machine.
constexpr std::uint64_t kSampleSceneSeed = 1;
}  // namespace

StartFolder chooseStartFolder(const QString& argument, const QString& lastFolder) {
    StartFolder start;
    if (!argument.isEmpty()) {
        const QFileInfo info(argument);
        if (info.isDir()) {
            start.path = info.absoluteFilePath();
            return start;
        }
        if (info.isFile()) {
            start.path = info.absolutePath();
            start.image = info.absoluteFilePath();
            return start;
        }
        start.problem = info.exists() ? QObject::tr("%1 is neither a folder nor a file").arg(argument)
                                      : QObject::tr("%1: no such file or folder").arg(argument);
    }
    if (!lastFolder.isEmpty() && QFileInfo(lastFolder).isDir()) {
        start.path = lastFolder;
        return start;
    }
    start.path = sampleScenesFolder();
    start.sampleScenes = true;
    return start;
}

QString sampleScenesFolder() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation)).filePath("sample-scenes");
}

QString ensureSampleScenes() {
    const QString folder = sampleScenesFolder();
    const fs::path target = folder.toStdString();
    if (fs::is_directory(target)) return folder;
    // Written beside the target and renamed into place: a half-written set is never mistaken for a complete one.
    const fs::path partial = target.string() + ".partial-" + std::to_string(QCoreApplication::applicationPid());
    std::error_code ignored;
    fs::remove_all(partial, ignored);
    core::writeSampleScenes(partial.string(), kSampleSceneCount, kSampleSceneSeed);
    std::error_code error;
    fs::rename(partial, target, error);
    if (error) {
        fs::remove_all(partial, ignored);
        // Another instance may have finished first; its set is as good as ours.
        if (!fs::is_directory(target)) {
            throw std::runtime_error(folder.toStdString() + ": cannot write the sample scenes (" + error.message() +
                                     ")");
        }
    }
    return folder;
}

}  // namespace twinsight::ui
