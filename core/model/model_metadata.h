#pragma once
// What a .twinsight model file says about itself besides its weights (docs/design.md, "Model file").

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/base/statistics.h"
#include "core/degrade/transform.h"
#include "core/model/calibration.h"

namespace twinsight::core {

// Bumped whenever the layout of the file or the meaning of a field changes. 2: the architecture's context_size
// (whole-image values beside the crops) and the validation intervals; 3: its context_join; 4: a checksum of the JSON
// header, as the weights have. Older files still load.
inline constexpr int kModelFormatVersion = 4;

// Bounds a model file's sizes must keep (training's own lower bound; the upper ones keep scoring's crops and images
// allocatable). validateModelMetadata refuses a file outside them.
inline constexpr int kMinInputSize = 16;
inline constexpr int kMaxInputSize = 1024;
inline constexpr int kMaxWorkingSize = 16384;

std::string toString(ContextJoin join);
ContextJoin contextJoinFromString(const std::string& text);

// The branch network's shape: enough to rebuild it before loading its weights.
struct ArchitectureSpec {
    std::string name = "convnet";
    int inputChannels = 3;
    std::vector<int> widths{16, 32, 48, 64, 64, 64};  // one 3x3 convolution each
    // Every layer halves the crop: a quarter of the cost of a full-resolution first layer, so that four times
    // the steps fit in the same time, which paid more than the resolution (docs/quality.md).
    std::vector<int> strides{2, 2, 2, 2, 2, 2};
    int headWidth = 32;
    // Values describing the whole image (Transform::globalContext) that join the pooled crop features before the
    // head; 0 for crops alone, as in files written before the field existed.
    int contextSize = 0;
    ContextJoin contextJoin = ContextJoin::Head;
};

struct TrainingSummary {
    int steps = 0;
    int batchSize = 0;
    double learningRate = 0.0;
    double crossImageShare = 0.0;
    double linearityWeight = 0.0;  // 0 in files written before the linearity loss existed
    std::uint64_t seed = 0;
    double seconds = 0.0;
    double pairsPerSecond = 0.0;
    std::string device;
    int threads = 0;
    int trainImages = 0;
    int validationImages = 0;
    int skippedFiles = 0;
    double valPairAccuracy = 0.0;
    double valPearson = 0.0;
    double valSpearman = 0.0;
    // 90% bootstrap intervals over the held-out images; unknown in files written before they existed.
    Interval valPairAccuracyInterval;
    Interval valPearsonInterval;
    Interval valSpearmanInterval;
    // Median absolute error of the calibrated estimate on held-out images, in the unit; NaN when unknown.
    double valMedianAbsError = std::nan("");
    int calibrationImages = 0;  // images whose sweeps the calibration was fitted on; 0 when unknown
    double finalLoss = 0.0;
};

struct ModelMetadata {
    int formatVersion = kModelFormatVersion;
    std::string transform;
    Range range;
    std::string unit;
    int workingSize = 0;
    int inputSize = 0;
    View view = View::Patches;
    PoolRule pool;
    ArchitectureSpec architecture;
    Calibration calibration;
    TrainingSummary training;
    std::string created;  // ISO 8601, UTC
    std::string appVersion;

    nlohmann::json toJson() const;
    // Throws std::invalid_argument naming the first missing or malformed field.
    static ModelMetadata fromJson(const nlohmann::json& json);
};

// Checks every field against the bounds training keeps: known transformation, range inside its valid range, sizes
// within the bounds above, the architecture buildable with the transformation's context size (or none, as older
// files), a non-empty monotone calibration of finite knots. Throws std::invalid_argument naming the field and its
// bounds ("input_size 0 is outside 16..1024").
void validateModelMetadata(const ModelMetadata& metadata);

// Floating-point operations (a multiply and an add count two) of one forward pass of the branch over one sample:
// a crop of `inputSize` pixels square through the convolutions (3x3, padding 1, each stride) and the head; for a
// network on the context alone, the head only.
double forwardFlopsPerSample(const ArchitectureSpec& spec, int inputSize);

// Current time as ISO 8601 UTC, for `created`.
std::string utcTimestamp();

}  // namespace twinsight::core
