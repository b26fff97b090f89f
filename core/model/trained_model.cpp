#include <algorithm>
#include <cmath>
#include <filesystem>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "core/base/atomic_file.h"
#include "core/base/file_errors.h"
#include "core/base/internal/fnv1a.h"
#include "core/model/device.h"
#include "core/model/internal/trained_model_impl.h"
#include "core/samples/sample_scenes.h"

namespace twinsight::core {
namespace {

// File layout: magic, format version (u32), metadata JSON (u64 length, from format 4 a u64 FNV-1a hash, bytes),
// weights (u64 length, u64 FNV-1a hash, bytes). Integers little-endian. The hashes tell a damaged file from a
// foreign one.
constexpr char kMagic[] = "TWINSIGHT-MODEL\n";
constexpr std::size_t kMagicSize = sizeof(kMagic) - 1;
constexpr std::uint64_t kFirstVersionWithHeaderHash = 4;

void appendInteger(std::string& out, std::uint64_t value, int bytes) {
    for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}

class ByteReader {
public:
    ByteReader(const std::string& bytes, const std::string& path) : m_bytes(bytes), m_path(path) {}
    std::uint64_t integer(int bytes) {
        need(bytes);
        std::uint64_t value = 0;
        for (int i = 0; i < bytes; ++i)
            value |= std::uint64_t(static_cast<unsigned char>(m_bytes[m_at + i])) << (8 * i);
        m_at += bytes;
        return value;
    }
    std::string chunk(std::uint64_t size) {
        need(size);
        std::string out = m_bytes.substr(m_at, size);
        m_at += size;
        return out;
    }

private:
    void need(std::uint64_t size) const {
        if (size > m_bytes.size() - m_at) throw std::runtime_error(m_path + ": model file is truncated");
    }
    const std::string& m_bytes;
    const std::string& m_path;
    std::size_t m_at = kMagicSize;
};

ModelMetadata readMetadata(ByteReader& reader, const std::string& path) {
    const std::uint64_t version = reader.integer(4);
    if (version > static_cast<std::uint64_t>(kModelFormatVersion)) {
        throw std::runtime_error(path + ": model format version " + std::to_string(version) +
                                 " is newer than this Twinsight reads (" + std::to_string(kModelFormatVersion) +
                                 "); update Twinsight");
    }
    const std::uint64_t jsonSize = reader.integer(8);
    const std::uint64_t jsonHash = version >= kFirstVersionWithHeaderHash ? reader.integer(8) : 0;
    const std::string jsonText = reader.chunk(jsonSize);
    if (version >= kFirstVersionWithHeaderHash && fnv1a(jsonText) != jsonHash) {
        throw std::runtime_error(path + ": model header is damaged (checksum)");
    }
    ModelMetadata metadata;
    try {
        metadata = ModelMetadata::fromJson(nlohmann::json::parse(jsonText));
    } catch (const std::exception& error) {
        throw std::runtime_error(path + ": model metadata is damaged (" + error.what() + ")");
    }
    if (static_cast<std::uint64_t>(metadata.formatVersion) != version) {
        throw std::runtime_error(path + ": format_version " + std::to_string(metadata.formatVersion) +
                                 " does not match the file's format version " + std::to_string(version));
    }
    try {
        validateModelMetadata(metadata);  // the bounds training keeps, before anything is allocated from them
    } catch (const std::invalid_argument& error) {
        throw std::runtime_error(path + ": " + error.what());
    }
    return metadata;
}

// Finite weights can still score NaN (a negative batch-norm variance, products that overflow): one scene is scored
// at load, so such a file is refused once instead of ranking every image nowhere.
void requireFiniteScores(const TrainedModel& model, const std::string& path) {
    const int side = std::max(kMinSampleSceneSide, 2 * model.metadata().inputSize);
    const std::vector<double> scores = model.scorer().scoreAll({renderSampleScene(1, 0, {side, side})});
    if (scores.size() != 1 || !std::isfinite(scores.front()))
        throw std::runtime_error(path + ": model weights give scores that are not finite numbers");
}

}  // namespace

TrainedModel::TrainedModel(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
TrainedModel::TrainedModel(TrainedModel&&) noexcept = default;
TrainedModel& TrainedModel::operator=(TrainedModel&&) noexcept = default;
TrainedModel::~TrainedModel() = default;

TrainedModel TrainedModel::load(const std::string& path, const std::string& device) {
    std::error_code statusError;
    if (!std::filesystem::exists(std::filesystem::symlink_status(path, statusError))) {
        throw std::runtime_error(path + ": model file not found");
    }
    requireRegularFile(path, "a model file");  // a FIFO is never opened: nothing hangs
    const std::string bytes = readWholeFile(path);
    if (bytes.compare(0, kMagicSize, kMagic) != 0) {
        throw std::runtime_error(path + ": not a Twinsight model file");
    }
    ByteReader reader(bytes, path);
    auto impl = std::make_unique<Impl>();
    impl->metadata = readMetadata(reader, path);
    const std::uint64_t weightsSize = reader.integer(8);
    const std::uint64_t weightsHash = reader.integer(8);
    const std::string weights = reader.chunk(weightsSize);
    if (fnv1a(weights) != weightsHash) throw std::runtime_error(path + ": model weights are damaged (checksum)");
    const bool gpu = resolveDeviceName(device) == "cuda";
    const NetworkBackend& backend = networkBackend();  // its own errors name the module, not this file
    try {
        impl->network = backend.loadBranch(impl->metadata.architecture, weights, gpu);
    } catch (const std::runtime_error& error) {
        throw std::runtime_error(path + ": " + error.what());
    }
    if (!impl->network->weightsFinite()) {
        // Weights edited or damaged with their checksum made to match would give NaN scores, which rank nowhere.
        throw std::runtime_error(path + ": model weights hold values that are not finite numbers");
    }
    TrainedModel model(std::move(impl));
    try {
        model.scorer();  // refuses a context size the transformation does not have, before any image is read
    } catch (const std::invalid_argument& error) {
        throw std::runtime_error(path + ": " + error.what());
    }
    requireFiniteScores(model, path);
    return model;
}

void TrainedModel::save(const std::string& path) const {
    std::string weights;
    try {
        weights = m_impl->network->weights();
    } catch (const std::runtime_error&) {
        throw std::runtime_error(path + ": cannot serialise the model weights");
    }
    const std::string json = m_impl->metadata.toJson().dump(2);
    std::string bytes(kMagic, kMagicSize);
    appendInteger(bytes, static_cast<std::uint64_t>(m_impl->metadata.formatVersion), 4);
    appendInteger(bytes, json.size(), 8);
    if (static_cast<std::uint64_t>(m_impl->metadata.formatVersion) >= kFirstVersionWithHeaderHash) {
        appendInteger(bytes, fnv1a(json), 8);
    }
    bytes += json;
    appendInteger(bytes, weights.size(), 8);
    appendInteger(bytes, fnv1a(weights), 8);
    bytes += weights;
    writeFileAtomically(path, bytes);
}

const ModelMetadata& TrainedModel::metadata() const { return m_impl->metadata; }

const Transform& TrainedModel::transform() const { return findTransform(m_impl->metadata.transform); }

std::string TrainedModel::deviceName() const { return m_impl->network->onGpu() ? "cuda" : "cpu"; }

std::vector<float> TrainedModel::scoreBatch(const InputBatch& batch) const { return m_impl->network->score(batch); }

ImageScorer TrainedModel::scorer() const {
    const ArchitectureSpec& architecture = m_impl->metadata.architecture;
    return ImageScorer(
        transform(), m_impl->metadata.inputSize, m_impl->metadata.pool, architecture.contextSize,
        [this](const InputBatch& batch) { return scoreBatch(batch); }, architecture.contextJoin == ContextJoin::Alone);
}

std::vector<ImageEstimate> TrainedModel::estimate(const std::vector<cv::Mat>& images) const {
    const Calibration& calibration = m_impl->metadata.calibration;
    std::vector<ImageEstimate> estimates;
    for (double score : scorer().scoreAll(images)) {
        estimates.push_back({score, calibration.estimate(score), calibration.inRange(score)});
    }
    return estimates;
}

double matrixProductFlopRate(const std::string& device, int side) {
    return networkBackend().matrixProductFlopRate(resolveDeviceName(device) == "cuda", side);
}

}  // namespace twinsight::core
