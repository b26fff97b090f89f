#pragma once
// One real, short blur training on sample scenes, shared by the tests that need a trained model.

#include <gtest/gtest.h>

#include "core/samples/sample_scenes.h"
#include "core/training/trainer.h"

namespace twinsight::testing {

inline core::ImageSet sampleImageSet(int count, std::uint64_t seed, cv::Size size = {192, 144}) {
    core::ImageSet set;
    for (int i = 0; i < count; ++i) {
        set.images.push_back(core::renderSampleScene(seed, i, size));
        set.paths.push_back("scene_" + std::to_string(i));
    }
    return set;
}

// Small enough for CI on two cores, large enough to learn blur well (the default branch's steps are cheap: 600 of
// them cost about what 250 did with a full-resolution first layer).
inline core::TrainerConfig quickBlurConfig() {
    core::TrainerConfig config;
    config.transform = "blur";
    config.steps = 600;
    config.batchSize = 16;
    config.workingSize = 144;
    config.inputSize = 48;
    config.valFraction = 0.25;
    config.device = "cpu";
    config.seed = 12;
    return config;
}

class TrainedBlurModel : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        if (s_outcome) return;
        std::atomic_bool cancel{false};
        core::Trainer trainer(quickBlurConfig());
        s_outcome = new core::TrainingOutcome(trainer.run(sampleImageSet(32, /*seed=*/21), {}, cancel));
    }
    static const core::TrainingOutcome& outcome() { return *s_outcome; }

private:
    static inline core::TrainingOutcome* s_outcome = nullptr;  // kept for the whole test program
};

}  // namespace twinsight::testing
