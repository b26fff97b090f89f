#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <fstream>
#include <functional>
#include <utility>
#include <vector>

#include "core/base/atomic_file.h"
#include "support/temp_folder.h"
#include "training_fixture.h"

namespace twinsight::core {
namespace {
using twinsight::testing::TempFolder;

// The checksum the model file uses (FNV-1a, 64 bits).
std::uint64_t fnv1a(const std::string& bytes) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (unsigned char byte : bytes) hash = (hash ^ byte) * 0x100000001b3ULL;
    return hash;
}

std::uint64_t readInteger(const std::string& bytes, std::size_t at, int size) {
    std::uint64_t value = 0;
    for (int i = 0; i < size; ++i) value |= std::uint64_t(static_cast<unsigned char>(bytes[at + i])) << (8 * i);
    return value;
}

void appendInteger(std::string& out, std::uint64_t value, int size) {
    for (int i = 0; i < size; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}

constexpr std::size_t kMagicSize = 16;  // "TWINSIGHT-MODEL\n"

// A format-4 file cut into its header JSON and what follows it (the weights with their length and checksum).
struct ModelParts {
    nlohmann::json header;
    std::string weights;
};

ModelParts splitFormat4(const std::string& bytes) {
    EXPECT_EQ(readInteger(bytes, kMagicSize, 4), 4U);
    const std::size_t jsonSize = readInteger(bytes, kMagicSize + 4, 8);
    const std::size_t jsonAt = kMagicSize + 4 + 8 + 8;
    EXPECT_EQ(readInteger(bytes, kMagicSize + 12, 8), fnv1a(bytes.substr(jsonAt, jsonSize)));
    return {nlohmann::json::parse(bytes.substr(jsonAt, jsonSize)), bytes.substr(jsonAt + jsonSize)};
}

// A file as a writer of `version` lays it out: from format 4 with the header's checksum, before without.
std::string assemble(int version, const nlohmann::json& header, const std::string& weights) {
    const std::string json = header.dump(2);
    std::string bytes = "TWINSIGHT-MODEL\n";
    appendInteger(bytes, static_cast<std::uint64_t>(version), 4);
    appendInteger(bytes, json.size(), 8);
    if (version >= 4) appendInteger(bytes, fnv1a(json), 8);
    return bytes + json + weights;
}

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
    EXPECT_EQ(metadata.architecture.contextJoin, ContextJoin::Alone);
}

TEST_F(ModelFile, FilesWrittenBeforeTheContextJoinPutTheContextInTheHead) {
    nlohmann::json json = outcome().model.metadata().toJson();
    EXPECT_EQ(json["architecture"]["context_join"], "alone");
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
    const ModelParts parts = splitFormat4(good);
    std::string badJson = assemble(4, parts.header, parts.weights);
    badJson[16 + 4 + 8 + 8] = '#';  // the header's first byte, its checksum made to match below
    const std::size_t jsonSize = readInteger(badJson, 16 + 4, 8);
    std::string fixedHash;
    appendInteger(fixedHash, fnv1a(badJson.substr(16 + 4 + 8 + 8, jsonSize)), 8);
    badJson.replace(16 + 4 + 8, 8, fixedHash);
    expectLoadError(badJson, "metadata is damaged");
}

TEST_F(ModelFile, ATamperedHeaderFailsItsChecksumNamingTheFile) {
    const std::string good = readWholeFile(saved());
    const std::string key = "\"input_size\": 48";
    std::string tampered = good;
    const std::size_t at = tampered.find(key);
    ASSERT_NE(at, std::string::npos);
    tampered.replace(at, key.size(), "\"input_size\": 64");  // same length, still a valid header
    expectLoadError(tampered, "model header is damaged (checksum)");
}

TEST_F(ModelFile, AFormat3FileWithoutAHeaderChecksumStillLoads) {
    const std::string good = readWholeFile(saved());
    ModelParts parts = splitFormat4(good);
    parts.header["format_version"] = 3;
    const std::string path = m_folder.file("format3.twinsight");
    writeFileAtomically(path, assemble(3, parts.header, parts.weights));
    const TrainedModel loaded = TrainedModel::load(path, "cpu");
    EXPECT_EQ(loaded.metadata().formatVersion, 3);
    const auto images = twinsight::testing::sampleImageSet(2, /*seed=*/56).images;
    const auto before = outcome().model.estimate(images);
    const auto after = loaded.estimate(images);
    for (std::size_t i = 0; i < images.size(); ++i) EXPECT_EQ(before[i].score, after[i].score);
}

TEST_F(ModelFile, EachHeaderFieldOutsideTrainingsBoundsIsRefusedByName) {
    const ModelParts parts = splitFormat4(readWholeFile(saved()));
    const int contextSize = findTransform("blur").contextSize();
    const std::vector<std::pair<std::function<void(nlohmann::json&)>, std::string>> cases = {
        {[](nlohmann::json& h) { h["input_size"] = 0; }, "input_size 0 is outside 16..1024"},
        {[](nlohmann::json& h) { h["input_size"] = 100000; }, "input_size 100000 is outside 16..1024"},
        {[](nlohmann::json& h) { h["working_size"] = 8; }, "working_size 8 is outside 48..16384"},
        {[](nlohmann::json& h) { h["working_size"] = 1000000; }, "working_size 1000000 is outside 48..16384"},
        {[](nlohmann::json& h) {
             h["range"] = {0.0, 1e6};
         },
         "range: blur: range 0:1e+06 is outside the valid range"},
        {[](nlohmann::json& h) {
             h["range"] = {3.0, 1.0};
         },
         "range: blur: range 3:1 needs min < max"},
        {[](nlohmann::json& h) { h["transform"] = "sepia"; }, "transform: unknown transformation 'sepia'"},
        {[](nlohmann::json& h) { h["format_version"] = 3; }, "format_version 3 does not match"},
        {[](nlohmann::json& h) {
             h["calibration"]["scores"] = nlohmann::json::array();
             h["calibration"]["magnitudes"] = nlohmann::json::array();
         },
         "calibration.scores is empty"},
        {[](nlohmann::json& h) {
             h["calibration"]["magnitudes"] = {5.0, 1.0};
         },
         "calibration: knots are not"},
        {[](nlohmann::json& h) { h["calibration"]["magnitudes"][0] = -100.0; },
         "calibration.magnitudes -100 is outside"},
        {[](nlohmann::json& h) {
             h["calibration"]["lowest_score"] = 10.0;
             h["calibration"]["highest_score"] = -10.0;
         },
         "calibration: lowest_score exceeds highest_score"},
        {[](nlohmann::json& h) { h["architecture"]["input_channels"] = 4; },
         "architecture.input_channels 4 is outside 3..3"},
        {[](nlohmann::json& h) { h["architecture"]["widths"][0] = 0; }, "architecture.widths 0 is outside 1..1024"},
        {[](nlohmann::json& h) { h["architecture"]["strides"][0] = 100; }, "architecture.strides 100 is outside 1..8"},
        {[](nlohmann::json& h) { h["architecture"]["head_width"] = 0; }, "architecture.head_width 0 is outside"},
        {[](nlohmann::json& h) { h["architecture"]["name"] = "resnet"; }, "architecture.name 'resnet'"},
        {[](nlohmann::json& h) { h["training"]["steps"] = 0; }, "training.steps 0 is outside"},
        {[](nlohmann::json& h) { h["training"]["batch_size"] = -1; }, "training.batch_size -1 is outside"},
        {[contextSize](nlohmann::json& h) { h["architecture"]["context_size"] = contextSize + 1; },
         "architecture.context_size " + std::to_string(contextSize + 1) + " does not match the blur transformation's " +
             std::to_string(contextSize) + " context values"},
        {[](nlohmann::json& h) { h["architecture"]["context_size"] = 0; },
         "architecture.context_join alone needs context values (context_size is 0)"},
    };
    for (const auto& [edit, expected] : cases) {
        nlohmann::json header = parts.header;
        edit(header);
        SCOPED_TRACE(expected);
        expectLoadError(assemble(4, header, parts.weights), expected);
    }
}

TEST_F(ModelFile, AMismatchedContextSizeIsRefusedNamingTheFile) {
    // A format-3 file (no header checksum): the context size alone is wrong, and the file is named.
    ModelParts parts = splitFormat4(readWholeFile(saved()));
    parts.header["format_version"] = 3;
    parts.header["architecture"]["context_size"] = findTransform("blur").contextSize() + 2;
    expectLoadError(assemble(3, parts.header, parts.weights), "architecture.context_size");
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
