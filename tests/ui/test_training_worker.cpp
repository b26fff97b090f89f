// Training through the worker on its QThread: progress, finish, stop and failure all arrive as signals.

#include <gtest/gtest.h>

#include <QElapsedTimer>
#include <QSignalSpy>

#include "core/imageio/image_loading.h"
#include "support/temp_folder.h"
#include "ui/jobs/training_controller.h"
#include "ui_test_support.h"

namespace twinsight::ui {
namespace {

class TrainingWorkerTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_folder = new testing::TempFolder;
        testing::writeScenes(s_folder->path().string(), 12, /*seed=*/4);
    }
    static void TearDownTestSuite() {
        delete s_folder;
        s_folder = nullptr;
    }
    static TrainingRequest request(int steps) {
        TrainingRequest request;
        request.config = testing::quickConfig("blur", steps);
        request.paths = core::listImageFiles(s_folder->path().string());
        return request;
    }
    static inline testing::TempFolder* s_folder = nullptr;
};

TEST_F(TrainingWorkerTest, EmitsProgressAndFinishesWithAModel) {
    TrainingController controller;
    QSignalSpy progress(&controller, &TrainingController::progress);
    QSignalSpy finished(&controller, &TrainingController::finished);
    QSignalSpy failed(&controller, &TrainingController::failed);
    ASSERT_TRUE(controller.start(request(40)));
    EXPECT_TRUE(controller.isRunning());
    EXPECT_FALSE(controller.start(request(40)));  // one training at a time
    ASSERT_TRUE(finished.wait(180000)) << (failed.isEmpty() ? "" : failed.first().at(0).toString().toStdString());
    EXPECT_FALSE(controller.isRunning());
    int lossPoints = 0;
    bool loaded = false, validated = false;
    for (const QList<QVariant>& signal : progress) {
        const auto update = signal.at(0).value<TrainingUpdate>();
        loaded |= update.phase == TrainingUpdate::Phase::LoadingImages && update.done == update.total;
        validated |= update.validated && !update.pairs.isEmpty();
        lossPoints += static_cast<int>(update.losses.size());
    }
    EXPECT_TRUE(loaded);
    EXPECT_TRUE(validated);
    EXPECT_EQ(lossPoints, 40);  // every step's loss reaches the curve, however the updates were throttled
    const auto result = finished.first().at(0).value<std::shared_ptr<const TrainingResult>>();
    ASSERT_TRUE(result && result->model);
    EXPECT_EQ(result->model->metadata().transform, "blur");
    EXPECT_FALSE(result->validation.rows.empty());
    EXPECT_FALSE(result->validationPaths.empty());
}

TEST_F(TrainingWorkerTest, StopCancelsWithinASecond) {
    TrainingController controller;
    QSignalSpy cancelled(&controller, &TrainingController::cancelled);
    QSignalSpy finished(&controller, &TrainingController::finished);
    bool training = false;
    QObject::connect(&controller, &TrainingController::progress, [&training](const TrainingUpdate& update) {
        training |= update.phase == TrainingUpdate::Phase::Training;
    });
    ASSERT_TRUE(controller.start(request(100000)));
    ASSERT_TRUE(testing::waitFor([&] { return training; }, 60000));
    QElapsedTimer clock;
    clock.start();
    controller.stop();
    ASSERT_TRUE(cancelled.count() > 0 || cancelled.wait(5000));
    std::cout << "[ timing ] stop took " << clock.elapsed() << " ms" << std::endl;
    EXPECT_LT(clock.elapsed(), 1000);
    EXPECT_EQ(finished.count(), 0);
    EXPECT_FALSE(controller.isRunning());
}

TEST_F(TrainingWorkerTest, AFailedTrainingSaysWhy) {
    TrainingController controller;
    QSignalSpy failed(&controller, &TrainingController::failed);
    TrainingRequest bad = request(10);
    bad.paths = {s_folder->file("missing.png")};
    ASSERT_TRUE(controller.start(bad));
    ASSERT_TRUE(failed.wait(30000));
    EXPECT_TRUE(failed.first().at(0).toString().contains("no readable image"))
        << failed.first().at(0).toString().toStdString();
    bad = request(10);
    bad.config.batchSize = 0;
    ASSERT_TRUE(controller.start(bad));
    ASSERT_TRUE(failed.wait(30000));
    EXPECT_TRUE(failed.last().at(0).toString().contains("batch size")) << failed.last().at(0).toString().toStdString();
}

TEST_F(TrainingWorkerTest, DestroyingTheControllerStopsTheTraining) {
    QElapsedTimer clock;
    {
        TrainingController controller;
        bool training = false;
        QObject::connect(&controller, &TrainingController::progress, [&training](const TrainingUpdate& update) {
            training |= update.phase == TrainingUpdate::Phase::Training;
        });
        controller.start(request(100000));
        ASSERT_TRUE(testing::waitFor([&] { return training; }, 60000));
        clock.start();
    }
    EXPECT_LT(clock.elapsed(), 2000);
}

}  // namespace
}  // namespace twinsight::ui
