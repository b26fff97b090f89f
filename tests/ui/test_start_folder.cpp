// Where the program starts: the folder given (or the folder of the file given), else the last one, else the sample
// scenes written once.

#include <gtest/gtest.h>

#include <QDir>
#include <QFileInfo>
#include <filesystem>
#include <fstream>

#include "support/temp_folder.h"
#include "ui/window/start_folder.h"

namespace twinsight::ui {
namespace {
namespace fs = std::filesystem;

TEST(StartFolder, FolderGivenWins) {
    testing::TempFolder given, last;
    const StartFolder start =
        chooseStartFolder(QString::fromStdString(given.path().string()), QString::fromStdString(last.path().string()));
    EXPECT_EQ(start.path, QFileInfo(QString::fromStdString(given.path().string())).absoluteFilePath());
    EXPECT_FALSE(start.sampleScenes);
    EXPECT_TRUE(start.problem.isEmpty());
}

TEST(StartFolder, AFileGivenOpensItsFolderWithTheFileToSelect) {
    testing::TempFolder given;
    const fs::path image = given.path() / "photo.png";
    std::ofstream(image) << "not decoded here";
    const StartFolder start = chooseStartFolder(QString::fromStdString(image.string()), {});
    EXPECT_EQ(start.path, QFileInfo(QString::fromStdString(given.path().string())).absoluteFilePath());
    EXPECT_EQ(start.image, QFileInfo(QString::fromStdString(image.string())).absoluteFilePath());
    EXPECT_FALSE(start.sampleScenes);
    EXPECT_TRUE(start.problem.isEmpty());
}

TEST(StartFolder, MissingFolderIsReportedAndTheLastOneOpens) {
    testing::TempFolder last;
    const QString lastPath = QString::fromStdString(last.path().string());
    const StartFolder start = chooseStartFolder("/no/such/folder", lastPath);
    EXPECT_EQ(start.path, lastPath);
    EXPECT_TRUE(start.problem.contains("/no/such/folder")) << start.problem.toStdString();
}

TEST(StartFolder, WithoutAnyFolderTheSampleScenesOpen) {
    const StartFolder start = chooseStartFolder({}, "/last/folder/that/is/gone");
    EXPECT_TRUE(start.sampleScenes);
    EXPECT_EQ(start.path, sampleScenesFolder());
}

TEST(StartFolder, SampleScenesAreWrittenOnceIntoTheCache) {
    const QString folder = ensureSampleScenes();
    ASSERT_EQ(folder, sampleScenesFolder());
    EXPECT_TRUE(folder.startsWith(QString::fromLocal8Bit(std::getenv("XDG_CACHE_HOME")))) << folder.toStdString();
    const fs::path first = fs::path(folder.toStdString()) / "scene_000.png";
    ASSERT_TRUE(fs::exists(first));
    EXPECT_EQ(QDir(folder).entryList({"*.png"}, QDir::Files).size(), kSampleSceneCount);
    fs::remove(first);  // a second call must not write again
    EXPECT_EQ(ensureSampleScenes(), folder);
    EXPECT_FALSE(fs::exists(first));
    fs::remove_all(folder.toStdString());  // later tests in this process get a whole set again
}

}  // namespace
}  // namespace twinsight::ui
