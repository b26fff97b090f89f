#pragma once
// The network's side of the engine: everything that runs LibTorch sits behind these interfaces, in a module
// (libtwinsight-network.so) loaded the first time a network is trained or used. LibTorch's start costs about
// 0.25 s of CPU (its operator registration, the loader's look-ups in libtorch_cpu): the commands and the window
// that never run a network start without it (docs/architecture.md, "The network module").
//
// The interfaces carry plain data only (batches of floats, the architecture, strings), so that the module needs
// nothing of the engine's code, and every LibTorch error leaves the module as std::runtime_error (or
// std::invalid_argument for a bad argument) with LibTorch's message, without its backtrace.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/model/device.h"
#include "core/model/model_metadata.h"
#include "core/model/network_input.h"

namespace twinsight::core {

// Bumped whenever a class below changes: a module built for another version is refused by name.
inline constexpr int kNetworkInterfaceVersion = 1;

// One branch with its weights, on its device, for scoring.
class BranchNetwork {
public:
    virtual ~BranchNetwork() = default;
    // One score per sample of `batch`, in inference mode.
    virtual std::vector<float> score(const InputBatch& batch) = 0;
    virtual bool onGpu() const = 0;
    // The weights in LibTorch's archive format, as a model file holds them.
    virtual std::string weights() const = 0;
    // Whether every weight and batch-norm statistic is a finite number.
    virtual bool weightsFinite() const = 0;
};

// One optimisation step's pairs: the first copies, the second copies, and what the losses ask of them.
struct RankingStep {
    const InputBatch& first;
    const InputBatch& second;
    const std::vector<float>& labels;  // 1 where the first copy is the more degraded
    double learningRate = 0.0;
    // Score differences asked for by the linearity loss, one per pair; empty (or a zero weight): RankNet alone.
    const std::vector<float>& linearTargets;
    double linearityWeight = 0.0;
};

struct StepLosses {
    double rank = 0.0;          // RankNet's: log 2 means chance
    double total = 0.0;         // with the linearity loss; the weights were left unchanged when either is not finite
    std::vector<float> scores;  // the branch's scores of the step's samples: first copies, then second copies
};

// A branch being trained with Adam.
class BranchOptimiser {
public:
    virtual ~BranchOptimiser() = default;
    virtual StepLosses step(const RankingStep& step) = 0;
    // Scores with the branch as it is now, in evaluation mode; training goes on afterwards.
    virtual std::vector<float> score(const InputBatch& batch) = 0;
    virtual bool onGpu() const = 0;
    // The trained branch, for a model; the optimiser is not used afterwards.
    virtual std::unique_ptr<BranchNetwork> finish() = 0;
};

class NetworkBackend {
public:
    virtual ~NetworkBackend() = default;
    virtual DeviceSupport probeDevices() const = 0;
    virtual void setThreads(int threads) const = 0;
    // A branch of `architecture` holding `weights` (as BranchNetwork::weights writes them). Throws
    // std::runtime_error saying why when the weights do not fit the architecture or cannot be read.
    virtual std::unique_ptr<BranchNetwork> loadBranch(const ArchitectureSpec& architecture, const std::string& weights,
                                                      bool gpu) const = 0;
    // A new branch of `architecture`, its weights drawn from `seed`.
    virtual std::unique_ptr<BranchOptimiser> startTraining(const ArchitectureSpec& architecture, bool gpu,
                                                           double learningRate, std::uint64_t seed) const = 0;
    // Floating-point operations per second in a product of two square float matrices of side `side`.
    virtual double matrixProductFlopRate(bool gpu, int side) const = 0;
};

// The module, loaded on the first call from whichever thread (the others wait). Throws std::runtime_error with
// one line naming the module when it is missing, cannot be loaded or was built for another version.
const NetworkBackend& networkBackend();

// Where the module is looked for: $TWINSIGHT_NETWORK_MODULE when set, else the installed place beside the program
// (../lib/.../twinsight from its folder), else the build folder's.
std::string networkModulePath();

}  // namespace twinsight::core
