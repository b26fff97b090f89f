// Training through the worker on its QThread: progress, finish, stop and failure all arrive as signals, queued on
// the listener's thread after the controller has marked the training ended.

#include <gtest/gtest.h>

#include <QElapsedTimer>
#include <algorithm>
#include <iostream>

#include "core/imageio/image_loading.h"
#include "support/temp_folder.h"
#include "ui/jobs/training_controller.h"
#include "ui/jobs/training_worker.h"
#include "ui_test_support.h"

namespace twinsight::ui {
namespace {

// What a listener on the test's thread hears from the worker, and whether the controller was still running then.
struct Heard : QObject {
    explicit Heard(const TrainingController& controller) {
        const TrainingWorker* worker = controller.worker();
        connect(worker, &TrainingWorker::progress, this, [this](const TrainingUpdate& update) {
            updates.push_back(update);
            steps += static_cast<int>(update.losses.size());
        });
        connect(worker, &TrainingWorker::finished, this, [this, &controller](std::shared_ptr<const TrainingResult> r) {
            results.push_back(std::move(r));
            runningAtEnd = controller.isRunning();
        });
        connect(worker, &TrainingWorker::failed, this, [this, &controller](const QString& message) {
            failures << message;
            runningAtEnd = controller.isRunning();
        });
        connect(worker, &TrainingWorker::cancelled, this, [this, &controller] {
            ++cancellations;
            runningAtEnd = controller.isRunning();
        });
    }
    bool training() const {
        return std::any_of(updates.begin(), updates.end(),
                           [](const TrainingUpdate& u) { return u.phase == TrainingUpdate::Phase::Training; });
    }
    std::vector<TrainingUpdate> updates;
    std::vector<std::shared_ptr<const TrainingResult>> results;
    QStringList failures;
    int cancellations = 0;
    int steps = 0;
    bool runningAtEnd = true;
};

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
    Heard heard(controller);
    ASSERT_TRUE(controller.start(request(40)));
    EXPECT_TRUE(controller.isRunning());
    EXPECT_FALSE(controller.start(request(40)));  // one training at a time
    ASSERT_TRUE(testing::waitFor([&] { return !heard.results.empty() || !heard.failures.isEmpty(); }, 180000));
    ASSERT_TRUE(heard.failures.isEmpty()) << heard.failures.first().toStdString();
    EXPECT_FALSE(heard.runningAtEnd);
    bool loaded = false, validated = false;
    for (const TrainingUpdate& update : heard.updates) {
        loaded |= update.phase == TrainingUpdate::Phase::LoadingImages && update.done == update.total;
        validated |= update.validated && !update.pairs.isEmpty();
    }
    EXPECT_TRUE(loaded);
    EXPECT_TRUE(validated);
    EXPECT_EQ(heard.steps, 40);  // every step's loss reaches the curve, however the updates were throttled
    const auto& result = heard.results.front();
    ASSERT_TRUE(result && result->model);
    EXPECT_EQ(result->model->metadata().transform, "blur");
    EXPECT_FALSE(result->validation.rows.empty());
    EXPECT_FALSE(result->validationPaths.empty());
    // The folder's scores of every image trained on, from the images the training decoded.
    ASSERT_TRUE(result->scores);
    EXPECT_EQ(result->scores->models.front(), result->model);
    EXPECT_EQ(result->scores->scores.paths.size(), request(40).paths.size());
}

// Stopping ends a training of 100000 steps at once: cancelled, no model, and only the steps under way when asked.
TEST_F(TrainingWorkerTest, StopCancelsWithinAStep) {
    TrainingController controller;
    Heard heard(controller);
    ASSERT_TRUE(controller.start(request(100000)));
    ASSERT_TRUE(testing::waitFor([&] { return heard.training(); }, 60000));
    QElapsedTimer clock;
    clock.start();
    controller.stop();
    ASSERT_TRUE(testing::waitFor([&] { return heard.cancellations > 0; }, 60000));
    std::cout << "[ timing ] stop took " << clock.elapsed() << " ms after " << heard.steps << " steps" << std::endl;
    EXPECT_TRUE(heard.results.empty());
    EXPECT_FALSE(heard.runningAtEnd);
    EXPECT_LT(heard.steps, 100000);
}

TEST_F(TrainingWorkerTest, AFailedTrainingSaysWhy) {
    TrainingController controller;
    Heard heard(controller);
    TrainingRequest bad = request(10);
    bad.paths = {s_folder->file("missing.png")};
    ASSERT_TRUE(controller.start(bad));
    ASSERT_TRUE(testing::waitFor([&] { return heard.failures.size() == 1; }, 30000));
    EXPECT_TRUE(heard.failures.first().contains("no readable image")) << heard.failures.first().toStdString();
    EXPECT_FALSE(heard.runningAtEnd);
    bad = request(10);
    bad.config.batchSize = 0;
    ASSERT_TRUE(controller.start(bad));
    ASSERT_TRUE(testing::waitFor([&] { return heard.failures.size() == 2; }, 30000));
    EXPECT_TRUE(heard.failures.last().contains("batch size")) << heard.failures.last().toStdString();
}

// The destructor stops the training and joins its thread: it returns, where a training of 100000 steps left to
// run would keep it for hours (past the test's time limit).
TEST_F(TrainingWorkerTest, DestroyingTheControllerStopsTheTraining) {
    QElapsedTimer clock;
    {
        TrainingController controller;
        Heard heard(controller);
        controller.start(request(100000));
        ASSERT_TRUE(testing::waitFor([&] { return heard.training(); }, 60000));
        clock.start();
    }
    std::cout << "[ timing ] the destructor returned in " << clock.elapsed() << " ms" << std::endl;
}

}  // namespace
}  // namespace twinsight::ui
