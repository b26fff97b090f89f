#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <fstream>

#include "core/atomic_file.h"
#include "support/temp_folder.h"
#include "training_fixture.h"

namespace twinsight::core {
namespace {
using twinsight::testing::TempFolder;

class ModelFile : public twinsight::testing::TrainedBlurModel {
protected:
    std::string saved() {
        const std::string path = m_folder.file("blur.twinsight");
        outcome().model.save(path);
        return path;
    }
    void expectLoadError(const std::string& bytes, const std::string& expected) {
        const std::string path = m_folder.file("bad.twinsight");
        writeFileAtomically(path, bytes);
        try {
            TrainedModel::load(path, "cpu");
            FAIL() << "loading should fail with: " << expected;
        } catch (const std::runtime_error& error) {
            const std::string message = error.what();
            EXPECT_NE(message.find(expected), std::string::npos) << message;
            EXPECT_EQ(message.rfind(path, 0), 0U) << "the message should start with the path: " << message;
            EXPECT_EQ(message.find('\n'), std::string::npos) << "one line: " << message;
        }
    }
    TempFolder m_folder;
};

TEST_F(ModelFile, SaveAndLoadGiveIdenticalScoresAndMetadata) {
    const TrainedModel loaded = TrainedModel::load(saved(), "cpu");
    const auto images = twinsight::testing::sampleImageSet(4, /*seed=*/55).images;
    const auto before = outcome().model.estimate(images);
    const auto after = loaded.estimate(images);
    for (std::size_t i = 0; i < images.size(); ++i) {
        EXPECT_EQ(before[i].score, after[i].score);
        EXPECT_EQ(before[i].estimate, after[i].estimate);
    }
    const ModelMetadata& metadata = loaded.metadata();
    EXPECT_EQ(metadata.transform, "blur");
    EXPECT_EQ(metadata.unit, "px");
    EXPECT_EQ(metadata.workingSize, 144);
    EXPECT_EQ(metadata.inputSize, 48);
    EXPECT_EQ(metadata.formatVersion, kModelFormatVersion);
    const TrainingSummary& trained = outcome().model.metadata().training;
    EXPECT_EQ(metadata.training.valSpearman, trained.valSpearman);
    EXPECT_TRUE(metadata.training.valSpearmanInterval.known());
    EXPECT_EQ(metadata.training.valSpearmanInterval.low, trained.valSpearmanInterval.low);
    EXPECT_EQ(metadata.training.valPearsonInterval.high, trained.valPearsonInterval.high);
    EXPECT_EQ(metadata.training.valMedianAbsError, trained.valMedianAbsError);
    EXPECT_EQ(metadata.training.calibrationImages, trained.calibrationImages);
    EXPECT_FALSE(metadata.created.empty());
    EXPECT_EQ(metadata.architecture.contextSize, findTransform("blur").contextSize());
    EXPECT_EQ(metadata.architecture.contextJoin, ContextJoin::LinearTerm);
}

TEST_F(ModelFile, FilesWrittenBeforeTheContextJoinPutTheContextInTheHead) {
    nlohmann::json json = outcome().model.metadata().toJson();
    EXPECT_EQ(json["architecture"]["context_join"], "linear-term");
    ASSERT_EQ(json["architecture"].erase("context_join"), 1U);
    EXPECT_EQ(ModelMetadata::fromJson(json).architecture.contextJoin, ContextJoin::Head);
    json["architecture"]["context_join"] = "sideways";
    EXPECT_THROW(ModelMetadata::fromJson(json), std::invalid_argument);
}

TEST_F(ModelFile, FilesWrittenBeforeTheIntervalsLoadWithThemUnknown) {
    nlohmann::json json = outcome().model.metadata().toJson();
    for (const char* field :
         {"val_pair_accuracy_low", "val_pair_accuracy_high", "val_pearson_low", "val_pearson_high", "val_spearman_low",
          "val_spearman_high", "val_median_abs_error", "n_calibration_images"}) {
        ASSERT_EQ(json["training"].erase(field), 1U) << field;
    }
    const ModelMetadata old = ModelMetadata::fromJson(json);
    EXPECT_FALSE(old.training.valSpearmanInterval.known());
    EXPECT_FALSE(std::isfinite(old.training.valMedianAbsError));
    EXPECT_EQ(old.training.calibrationImages, 0);
    EXPECT_EQ(old.training.valSpearman, outcome().model.metadata().training.valSpearman);
}

TEST_F(ModelFile, DamagedFilesGiveClearErrors) {
    const std::string good = readWholeFile(saved());
    expectLoadError("", "not a Twinsight model file");
    expectLoadError("\x89PNG\r\n\x1a\n and so on, an image renamed", "not a Twinsight model file");
    expectLoadError(good.substr(0, good.size() / 2), "truncated");
    std::string flipped = good;
    flipped[flipped.size() - 100] ^= 0x5A;
    expectLoadError(flipped, "damaged (checksum)");
    std::string newer = good;
    newer[16] = 99;  // format version, just after the magic
    expectLoadError(newer, "newer than this Twinsight reads");
    std::string badJson = good;
    badJson[16 + 4 + 8] = '#';
    expectLoadError(badJson, "metadata is damaged");
}

TEST_F(ModelFile, MissingFileIsNamed) {
    EXPECT_THROW(TrainedModel::load(m_folder.file("absent.twinsight")), std::runtime_error);
}

TEST_F(ModelFile, SavingIntoAMissingFolderLeavesNothingBehind) {
    const std::string path = m_folder.file("no/such/folder/model.twinsight");
    EXPECT_THROW(outcome().model.save(path), std::runtime_error);
    EXPECT_TRUE(std::filesystem::is_empty(m_folder.path()));
}

}  // namespace
}  // namespace twinsight::core
