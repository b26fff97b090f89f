// Playing with a training from the window: Pause holds it, Step runs exactly one step, a learning rate changed while
// paused reaches the trainer (its next progress reports it) and is marked on the curves, Resume runs on.

#include <gtest/gtest.h>

#include <qcustomplot.h>

#include <QDoubleSpinBox>
#include <QPushButton>
#include <QSignalSpy>

#include "support/temp_folder.h"
#include "ui/panels/training_panel.h"
#include "ui/panels/training_playback.h"
#include "ui/plots/correlation_plot.h"
#include "ui/plots/sweep_plot.h"
#include "ui/plots/training_curves.h"
#include "ui/window/main_window.h"
#include "ui/workspace/workspace.h"
#include "ui_test_support.h"

namespace twinsight::ui {
namespace {

TEST(TrainingPlayback, PauseHoldsStepRunsOneAndALearningRateChangedWhilePausedReachesTheTrainer) {
    testing::TempFolder images;
    testing::writeScenes(images.path().string(), 8, 4);
    auto window = testing::openWindowOn(images.path().string());
    ASSERT_TRUE(window);
    testing::useQuickTraining(*window->trainingPanel(), /*steps=*/100000);
    Workspace* workspace = window->workspace();
    int lastStep = 0;
    TrainingUpdate last;
    QObject::connect(workspace, &Workspace::trainingProgress, window.get(), [&](const TrainingUpdate& update) {
        if (update.phase != TrainingUpdate::Phase::Training) return;
        lastStep = update.done;
        last = update;
    });
    TrainingPlayback* playback = window->trainingPanel()->playback();
    auto* pause = playback->findChild<QPushButton*>("pauseButton");
    auto* step = playback->findChild<QPushButton*>("stepButton");
    ASSERT_TRUE(pause && step);
    EXPECT_FALSE(pause->isEnabled()) << "nothing to pause before a training";
    window->findChild<QPushButton*>("trainButton")->click();
    ASSERT_TRUE(testing::waitFor([&] { return lastStep > 0; }, 60000));
    pause->click();
    EXPECT_TRUE(workspace->isTrainingPaused());
    EXPECT_EQ(pause->text(), "Resume");
    testing::waitFor([] { return false; }, 300);  // the step under way ends and reports
    const int heldAt = lastStep;
    testing::waitFor([] { return false; }, 1000);
    EXPECT_EQ(lastStep, heldAt) << "paused: the step counter does not move for a second";

    step->click();
    ASSERT_TRUE(testing::waitFor([&] { return lastStep > heldAt; }, 10000));
    testing::waitFor([] { return false; }, 500);
    EXPECT_EQ(lastStep, heldAt + 1) << "Step runs exactly one step";
    EXPECT_TRUE(workspace->isTrainingPaused());

    auto* learningRate = playback->findChild<QDoubleSpinBox*>("learningRateSpin");
    ASSERT_TRUE(learningRate && learningRate->isEnabled());
    EXPECT_NEAR(learningRate->value(), last.learningRate, 1e-9) << "shows what the training runs with";
    learningRate->setValue(0.01);  // as the teacher types it
    step->click();
    ASSERT_TRUE(testing::waitFor([&] { return lastStep > heldAt + 1; }, 10000));
    EXPECT_DOUBLE_EQ(last.learningRate, 0.01) << "the trainer took the new rate";
    EXPECT_EQ(last.adjustedAt, QVector<int>{heldAt + 2});
    EXPECT_EQ(window->trainingCurves()->markCount(), 1);

    pause->click();  // Resume
    EXPECT_FALSE(workspace->isTrainingPaused());
    EXPECT_FALSE(learningRate->isEnabled()) << "settings change only while paused";
    ASSERT_TRUE(testing::waitFor([&] { return lastStep > heldAt + 20; }, 20000));
    QSignalSpy cancelled(workspace, &Workspace::trainingCancelled);
    workspace->stopTraining();
    ASSERT_TRUE(cancelled.wait(10000));
    EXPECT_FALSE(pause->isEnabled());
}

// During a training the Sweep shows the selected image's curve at every validation, and the Correlation the held-out
// images as they stand: the class watches both change; at the end the calibrated ones replace them.
TEST(TrainingPlayback, TheSweepAndTheCorrelationAreRedrawnAtEveryValidation) {
    testing::TempFolder images;
    testing::writeScenes(images.path().string(), 8, 4);
    auto window = testing::openWindowOn(images.path().string());
    ASSERT_TRUE(window);
    testing::useQuickTraining(*window->trainingPanel(), /*steps=*/200);
    Workspace* workspace = window->workspace();
    ASSERT_TRUE(testing::waitFor([&] { return workspace->selectedImage() != nullptr; }, 20000));
    std::vector<std::vector<double>> sweeps;  // the live sweep's scores, one list per validation
    std::vector<QString> correlationTitles;
    QObject::connect(workspace, &Workspace::trainingProgress, window.get(), [&](const TrainingUpdate& update) {
        if (!update.watchedSweep.empty()) {
            EXPECT_TRUE(window->sweepPlot()->isLive());
            const QCPGraph* scores = window->sweepPlot()->plot()->graph(0);
            std::vector<double> values;
            for (int i = 0; i < scores->dataCount(); ++i) values.push_back(scores->data()->at(i)->value);
            sweeps.push_back(values);
        }
        if (update.validation) correlationTitles.push_back(window->correlationPlot()->title());
    });
    QSignalSpy finished(workspace, &Workspace::trainingFinished);
    window->findChild<QPushButton*>("trainButton")->click();
    ASSERT_TRUE(finished.wait(120000));
    ASSERT_GE(sweeps.size(), 2U) << "a sweep at each validation";
    EXPECT_EQ(sweeps.front().size(), 21U);
    EXPECT_NE(sweeps.front(), sweeps.back()) << "the curve changes as the network learns";
    ASSERT_GE(correlationTitles.size(), 2U);
    EXPECT_TRUE(correlationTitles.front().contains("while training")) << correlationTitles.front().toStdString();
    ASSERT_TRUE(testing::waitFor([&] { return !window->sweepPlot()->isLive(); }, 20000))
        << "the trained model's calibrated sweep replaces the live one";
}

}  // namespace
}  // namespace twinsight::ui
