// The workspace without a window: a whole session (open a folder, train, score, open a second model, switch, save,
// export, select, close) through its methods and signals alone, and not one widget created.

#include <gtest/gtest.h>

#include <QApplication>
#include <QSignalSpy>
#include <filesystem>
#include <fstream>

#include "core/scoring/file_scoring.h"
#include "support/temp_folder.h"
#include "ui/jobs/file_writer.h"
#include "ui/workspace/workspace.h"
#include "ui_test_support.h"

namespace twinsight::ui {
namespace {
namespace fs = std::filesystem;

constexpr int kImages = 6;

std::string readAll(const std::string& path) {
    std::ifstream in(path);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(Workspace, AMissingFolderFailsWithItsName) {
    Workspace workspace;
    QSignalSpy failed(&workspace, &Workspace::folderFailed);
    QSignalSpy opened(&workspace, &Workspace::folderOpened);
    workspace.openFolder("/no/such/folder");
    ASSERT_TRUE(failed.wait(5000));
    EXPECT_TRUE(failed.first().at(1).toString().contains("/no/such/folder"));
    EXPECT_TRUE(opened.isEmpty());
    EXPECT_TRUE(workspace.paths().isEmpty());
}

TEST(Workspace, TrainingOnAnEmptyFolderIsRefusedWithAMessage) {
    testing::TempFolder folder;
    Workspace workspace;
    QSignalSpy opened(&workspace, &Workspace::folderOpened);
    QSignalSpy errors(&workspace, &Workspace::errorOccurred);
    workspace.openFolder(QString::fromStdString(folder.path().string()));
    ASSERT_TRUE(opened.wait(5000));
    EXPECT_FALSE(workspace.startTraining(testing::quickConfig("blur")));
    ASSERT_EQ(errors.size(), 1);
    EXPECT_FALSE(workspace.isTraining());
}

TEST(Workspace, RunsAWholeSessionWithoutAWidget) {
    testing::TempFolder folder;
    testing::TempFolder output;
    testing::writeScenes(folder.path().string(), kImages, /*seed=*/11);
    const std::string noiseFile = output.file("noise.twinsight");
    testing::trainModelFile(testing::quickConfig("noise"), folder.path().string(), noiseFile);

    Workspace workspace;
    QSignalSpy opened(&workspace, &Workspace::folderOpened);
    QSignalSpy scored(&workspace, &Workspace::scoresChanged);
    QSignalSpy studied(&workspace, &Workspace::studyReady);
    QSignalSpy chosen(&workspace, &Workspace::currentModelChosen);
    QSignalSpy errors(&workspace, &Workspace::errorOccurred);

    // The folder, with no model yet: nothing to score.
    workspace.openFolder(QString::fromStdString(folder.path().string()));
    ASSERT_TRUE(opened.wait(10000));
    EXPECT_EQ(opened.first().at(1).toStringList().size(), kImages);
    EXPECT_EQ(workspace.paths().size(), kImages);
    EXPECT_FALSE(workspace.scores());

    // A training: its model becomes current with its held-out study, and the folder's scores come with it, from
    // the images the training decoded (no scoring pass).
    QSignalSpy finished(&workspace, &Workspace::trainingFinished);
    QSignalSpy scoring(&workspace, &Workspace::scoringProgress);
    ASSERT_TRUE(workspace.startTraining(testing::quickConfig("blur")));
    EXPECT_TRUE(workspace.isTraining());
    ASSERT_TRUE(finished.wait(240000)) << (errors.isEmpty() ? "" : errors.first().at(1).toString().toStdString());
    ASSERT_TRUE(workspace.scores());
    EXPECT_TRUE(scoring.isEmpty());
    EXPECT_FALSE(workspace.isTraining());
    ASSERT_EQ(workspace.models().size(), 1);
    const auto blur = workspace.currentModel();
    EXPECT_EQ(transformOf(*blur), "blur");
    EXPECT_EQ(workspace.models().currentEntry()->source, "not saved yet");
    ASSERT_FALSE(studied.isEmpty());
    EXPECT_EQ(studied.last().at(2).toString(), "held-out images");
    EXPECT_EQ(workspace.scores()->models.size(), 1u);
    EXPECT_EQ(workspace.scores()->scores.paths.size(), static_cast<std::size_t>(kImages));
    EXPECT_EQ(workspace.currentColumn(), 0);
    ASSERT_TRUE(workspace.estimatesOf(workspace.paths().front()));
    EXPECT_EQ(workspace.estimatesOf(workspace.paths().front())->size(), 1u);
    EXPECT_EQ(workspace.estimatesOf("/not/in/the/folder.png"), nullptr);
    EXPECT_TRUE(chosen.isEmpty());  // a training's model is not a choice the settings follow

    // A second model from a file: it becomes current, and the folder is scored once with both.
    workspace.openModelFile(QString::fromStdString(noiseFile), "cpu");
    ASSERT_TRUE(testing::waitFor([&] { return workspace.scores() && workspace.scores()->models.size() == 2; }, 60000));
    EXPECT_EQ(chosen.size(), 1);
    EXPECT_EQ(transformOf(*workspace.currentModel()), "noise");
    EXPECT_EQ(workspace.models().currentEntry()->source, "noise.twinsight");
    EXPECT_EQ(workspace.currentColumn(), 1);

    // Switching back: the same scores, another column; no scoring, and its stored study again.
    const auto scoresOfBoth = workspace.scores();
    const int scoredBefore = scored.size();
    workspace.setCurrentModel(0);
    EXPECT_EQ(workspace.currentModel(), blur);
    EXPECT_EQ(workspace.scores(), scoresOfBoth);
    EXPECT_EQ(workspace.currentColumn(), 0);
    EXPECT_EQ(scored.size(), scoredBefore);
    EXPECT_EQ(chosen.size(), 2);
    EXPECT_EQ(studied.last().at(1).value<std::shared_ptr<const core::TrainedModel>>(), blur);

    // Selecting an image: decoded once, then the current model's sweep of it.
    QSignalSpy loaded(&workspace, &Workspace::selectionLoaded);
    QSignalSpy swept(&workspace, &Workspace::sweepReady);
    workspace.select(workspace.paths().front());
    ASSERT_TRUE(swept.wait(60000));
    ASSERT_EQ(loaded.size(), 1);
    EXPECT_EQ(swept.first().at(1).value<std::shared_ptr<const core::TrainedModel>>(), blur);
    const auto sweep = swept.first().at(0).value<SweepResult>();
    EXPECT_EQ(sweep.path, workspace.paths().front());
    EXPECT_EQ(sweep.rows.size(), static_cast<std::size_t>(kSweepLevels));
    // Its own estimate is the folder's, not a second network pass.
    EXPECT_DOUBLE_EQ(sweep.own.score, workspace.estimatesOf(workspace.paths().front())->front().score);

    // Saving and exporting: the source follows the saved file, the CSV holds both models' columns.
    QSignalSpy written(&workspace, &Workspace::written);
    QSignalSpy sourcesChanged(&workspace, &Workspace::modelSourcesChanged);
    const QString modelPath = QString::fromStdString(output.file("blur-saved.twinsight"));
    const QString csvPath = QString::fromStdString(output.file("scores.csv"));
    ASSERT_TRUE(workspace.saveModel(modelPath));
    ASSERT_TRUE(workspace.exportScores(csvPath));
    ASSERT_TRUE(testing::waitFor([&] { return written.size() == 2; }, 30000));
    EXPECT_EQ(written.at(0).at(0).toString(), modelPath);
    EXPECT_EQ(written.at(1).at(0).toString(), csvPath);
    EXPECT_EQ(sourcesChanged.size(), 1);
    EXPECT_EQ(workspace.models().entries()[0].source, "blur-saved.twinsight");
    EXPECT_TRUE(fs::is_regular_file(modelPath.toStdString()));
    const std::string csv = readAll(csvPath.toStdString());
    EXPECT_NE(csv.find("blur"), std::string::npos);
    EXPECT_NE(csv.find("noise"), std::string::npos);

    // Training blur again replaces the blur model; the noise column is kept and nothing is decoded for it.
    const auto noise = workspace.models().entries()[1].model;
    const auto noiseScores = workspace.scores()->column(1);
    finished.clear();
    scoring.clear();
    ASSERT_TRUE(workspace.startTraining(testing::quickConfig("blur")));
    ASSERT_TRUE(finished.wait(240000));
    ASSERT_TRUE(workspace.scores());
    EXPECT_TRUE(scoring.isEmpty());
    ASSERT_EQ(workspace.models().size(), 2);
    const auto retrained = workspace.models().entries()[0].model;
    EXPECT_NE(retrained, blur);
    EXPECT_EQ(workspace.currentModel(), retrained);
    ASSERT_EQ(workspace.scores()->models.size(), 2u);
    EXPECT_EQ(workspace.scores()->models[0], retrained);
    EXPECT_EQ(workspace.scores()->models[1], noise);
    const auto keptNoise = workspace.scores()->column(1);
    ASSERT_EQ(keptNoise.size(), noiseScores.size());
    for (std::size_t i = 0; i < keptNoise.size(); ++i)
        EXPECT_EQ(keptNoise[i].estimate.score, noiseScores[i].estimate.score);
    // The column the training made is the one a scoring pass gives.
    const core::MultiModelScores rescored =
        core::scoreFilesWithModels({retrained.get()}, workspace.scores()->scores.paths);
    ASSERT_EQ(rescored.paths.size(), keptNoise.size());
    for (std::size_t i = 0; i < rescored.paths.size(); ++i)
        EXPECT_NEAR(workspace.scores()->scores.estimates[i][0].score, rescored.estimates[i][0].score, 1e-5);

    // Closing the noise model keeps the new blur column without scoring again.
    workspace.closeModel(1);
    ASSERT_TRUE(workspace.scores());
    EXPECT_EQ(workspace.scores()->models.size(), 1u);
    EXPECT_EQ(workspace.scores()->models.front(), retrained);
    EXPECT_EQ(workspace.currentModel(), retrained);

    EXPECT_TRUE(errors.isEmpty()) << errors.first().at(1).toString().toStdString();
    EXPECT_TRUE(QApplication::allWidgets().isEmpty());
}

}  // namespace
}  // namespace twinsight::ui
