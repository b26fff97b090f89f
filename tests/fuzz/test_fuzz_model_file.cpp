// Mutated model files through the loader: raw byte damage, and header fields or weights changed with their checksums
// made to match again (what a hand edit or a foreign tool does), so that the checks after the checksums are reached.
// Each mutant loads or is refused in one line naming the file.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include <nlohmann/json.hpp>

#include "core/base/internal/fnv1a.h"
#include "core/samples/sample_scenes.h"
#include "core/training/trainer.h"
#include "core/training_fixture.h"
#include "fuzz/byte_mutator.h"
#include "fuzz/fuzz_outcome.h"
#include "support/temp_folder.h"

namespace twinsight::testing {
namespace {

constexpr int kRawMutants = 300;
constexpr int kHeaderMutants = 400;
constexpr int kWeightMutants = 60;
constexpr char kMagic[] = "TWINSIGHT-MODEL\n";
constexpr std::size_t kMagicSize = sizeof(kMagic) - 1;

// A model file taken apart (format 4 and later: magic, u32 version, u64 size + u64 hash + header JSON, u64 size +
// u64 hash + weights), to be put together again with matching checksums.
struct ModelFileParts {
    std::uint32_t version = 0;
    std::string header;
    std::string weights;
};

std::uint64_t readInteger(const std::string& bytes, std::size_t& at, int width) {
    std::uint64_t value = 0;
    for (int i = 0; i < width; ++i) value |= std::uint64_t(static_cast<unsigned char>(bytes.at(at + i))) << (8 * i);
    at += std::size_t(width);
    return value;
}

void appendInteger(std::string& out, std::uint64_t value, int width) {
    for (int i = 0; i < width; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}

ModelFileParts split(const std::string& bytes) {
    ModelFileParts parts;
    std::size_t at = kMagicSize;
    parts.version = static_cast<std::uint32_t>(readInteger(bytes, at, 4));
    const std::uint64_t headerSize = readInteger(bytes, at, 8);
    at += 8;
    parts.header = bytes.substr(at, headerSize);
    at += headerSize;
    const std::uint64_t weightsSize = readInteger(bytes, at, 8);
    at += 8;
    parts.weights = bytes.substr(at, weightsSize);
    return parts;
}

std::string assemble(const ModelFileParts& parts) {
    std::string bytes(kMagic, kMagicSize);
    appendInteger(bytes, parts.version, 4);
    appendInteger(bytes, parts.header.size(), 8);
    appendInteger(bytes, core::fnv1a(parts.header), 8);
    bytes += parts.header;
    appendInteger(bytes, parts.weights.size(), 8);
    appendInteger(bytes, core::fnv1a(parts.weights), 8);
    return bytes + parts.weights;
}

// One header field (any value in the tree) set to a value that breaks bounds or types, or removed.
nlohmann::json mutatedHeader(const nlohmann::json& header, std::mt19937_64& random) {
    const nlohmann::json flat = header.flatten();
    auto field = flat.begin();
    std::advance(field, std::uniform_int_distribution<long>(0, long(flat.size()) - 1)(random));
    const nlohmann::json::json_pointer pointer(field.key());
    const std::vector<nlohmann::json> replacements = {
        0,      -1,     1,   1e308, -1e308,  std::uint64_t(1) << 63,  100000,
        0.5,    "",     "x", true,  nullptr, nlohmann::json::array(), nlohmann::json::object(),
        "blur", "alone"};
    const std::size_t pick = std::uniform_int_distribution<std::size_t>(0, replacements.size())(random);
    nlohmann::json mutant = header;
    if (pick < replacements.size()) {
        mutant[pointer] = replacements[pick];
    } else if (mutant[pointer.parent_pointer()].is_object()) {
        mutant[pointer.parent_pointer()].erase(pointer.back());
    } else {
        mutant[pointer.parent_pointer()].erase(std::stoul(pointer.back()));
    }
    return mutant;
}

class ModelFileFuzz : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        core::TrainerConfig config = quickBlurConfig();  // cut to two steps: the weights need not be good
        config.steps = 2;
        config.batchSize = 4;
        config.workingSize = 96;
        config.inputSize = 32;
        const core::ImageSet images = sampleImageSet(4, /*seed=*/7, {128, 96});
        std::atomic_bool cancel{false};
        s_folder = new TempFolder();
        core::Trainer(config).run(images, {}, cancel).model.save(s_folder->file("original.twinsight"));
        std::ifstream in(s_folder->file("original.twinsight"), std::ios::binary);
        s_original = new std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    static void TearDownTestSuite() {
        delete s_folder;
        delete s_original;
    }

    // Writes `bytes` as a model file and loads it; a loaded model must score an image.
    static bool load(FuzzTally& tally, const std::string& bytes, const std::string& name) {
        const std::string path = s_folder->file("mutant.twinsight");
        std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
        return fuzzOne(tally, path, name, [&] {
            const core::TrainedModel model = core::TrainedModel::load(path, "cpu");
            const cv::Mat image =
                core::renderSampleScene(7, 9, {model.metadata().workingSize, model.metadata().workingSize});
            const std::vector<core::ImageEstimate> estimates = model.estimate({image});
            ASSERT_EQ(estimates.size(), 1U) << name;
            EXPECT_TRUE(std::isfinite(estimates[0].score)) << name << ": a loaded model scores " << estimates[0].score;
        });
    }

    static inline TempFolder* s_folder = nullptr;
    static inline std::string* s_original = nullptr;
};

TEST_F(ModelFileFuzz, RawByteDamageIsRefusedNamingTheFile) {
    ByteMutator mutator(71);
    FuzzTally tally;
    for (int i = 0; i < kRawMutants; ++i) load(tally, mutator.mutate(*s_original), "raw mutant " + std::to_string(i));
    EXPECT_GT(tally.refusals, kRawMutants * 9 / 10);
}

TEST_F(ModelFileFuzz, HeaderFieldsOutOfBoundsAreRefusedNamingTheFileAndTheField) {
    const ModelFileParts original = split(*s_original);
    FuzzTally whole;
    ASSERT_TRUE(load(whole, assemble(original), "reassembled original"));
    const nlohmann::json header = nlohmann::json::parse(original.header);
    std::mt19937_64 random(72);
    FuzzTally tally;
    for (int i = 0; i < kHeaderMutants; ++i) {
        ModelFileParts parts = original;
        parts.header = mutatedHeader(header, random).dump(2);
        load(tally, assemble(parts), "header mutant " + std::to_string(i));
    }
    // Fields outside the model's own checks (its creation time, training counts within bounds) still load.
    EXPECT_GT(tally.results, 0);
    EXPECT_GT(tally.refusals, kHeaderMutants / 4);
}

TEST_F(ModelFileFuzz, DamagedWeightsWithAMatchingChecksumAreRefusedNamingTheFile) {
    const ModelFileParts original = split(*s_original);
    ByteMutator mutator(73);
    FuzzTally tally;
    for (int i = 0; i < kWeightMutants; ++i) {
        ModelFileParts parts = original;
        parts.weights = mutator.mutate(original.weights);
        load(tally, assemble(parts), "weights mutant " + std::to_string(i));
    }
    EXPECT_GT(tally.refusals, 0);
}

}  // namespace
}  // namespace twinsight::testing
