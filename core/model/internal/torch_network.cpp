// The network module (network_backend.h): LibTorch's side of the engine, loaded on first use. Its one exported
// symbol is twinsight_network_backend().

#include <chrono>
#include <cmath>
#include <cstring>
#include <sstream>
#include <stdexcept>

#include "core/model/internal/branch_network.h"
#include "core/model/network_backend.h"
#include "twinsight_version.h"

namespace twinsight::core {
namespace {

torch::Device deviceFor(bool gpu) { return gpu ? torch::Device(torch::kCUDA) : torch::Device(torch::kCPU); }

// LibTorch's errors carry a backtrace over many lines: the message alone leaves the module.
[[noreturn]] void rethrowWithoutBacktrace(const c10::Error& error, const char* doing) {
    throw std::runtime_error(std::string(doing) + " failed in LibTorch: " + error.what_without_backtrace());
}

class TorchBranch : public BranchNetwork {
public:
    TorchBranch(Branch branch, torch::Device device) : m_branch(std::move(branch)), m_device(device) {
        m_branch->to(m_device);
        m_branch->eval();
    }

    std::vector<float> score(const InputBatch& batch) override {
        try {
            return scoreWithBranch(m_branch, batch, m_device);
        } catch (const c10::Error& error) {
            rethrowWithoutBacktrace(error, "scoring");
        }
    }

    bool onGpu() const override { return m_device.is_cuda(); }

    std::string weights() const override {
        std::ostringstream stream;
        try {
            torch::save(m_branch, stream);
        } catch (const c10::Error& error) {
            rethrowWithoutBacktrace(error, "writing the weights");
        }
        return stream.str();
    }

    bool weightsFinite() const override {
        try {
            return everyWeightFinite();
        } catch (const c10::Error& error) {
            rethrowWithoutBacktrace(error, "checking the weights");
        }
    }

private:
    bool everyWeightFinite() const {
        const torch::NoGradGuard noGrad;
        std::vector<torch::Tensor> tensors = m_branch->parameters();
        const std::vector<torch::Tensor> buffers = m_branch->buffers();  // batch-norm statistics
        tensors.insert(tensors.end(), buffers.begin(), buffers.end());
        for (const torch::Tensor& tensor : tensors) {
            if (tensor.is_floating_point() && !torch::isfinite(tensor).all().item<bool>()) return false;
        }
        return true;
    }

    mutable Branch m_branch;  // torch::save takes a non-const holder
    torch::Device m_device;
};

class TorchOptimiser : public BranchOptimiser {
public:
    TorchOptimiser(const ArchitectureSpec& architecture, torch::Device device, double learningRate)
        : m_device(device),
          m_branch(architecture),
          m_optimizer(m_branch->parameters(), torch::optim::AdamOptions(learningRate)) {
        m_branch->to(m_device);
    }

    StepLosses step(const RankingStep& step) override {
        try {
            return optimise(step);
        } catch (const c10::Error& error) {
            rethrowWithoutBacktrace(error, "training");
        }
    }

    std::vector<float> score(const InputBatch& batch) override {
        try {
            m_branch->eval();
            std::vector<float> scores = scoreWithBranch(m_branch, batch, m_device);
            m_branch->train();
            return scores;
        } catch (const c10::Error& error) {
            m_branch->train();
            rethrowWithoutBacktrace(error, "scoring");
        }
    }

    bool onGpu() const override { return m_device.is_cuda(); }

    std::unique_ptr<BranchNetwork> finish() override {
        try {
            return std::make_unique<TorchBranch>(m_branch, m_device);
        } catch (const c10::Error& error) {
            rethrowWithoutBacktrace(error, "training");
        }
    }

private:
    StepLosses optimise(const RankingStep& step) {
        for (auto& group : m_optimizer.param_groups()) {
            static_cast<torch::optim::AdamOptions&>(group.options()).lr(step.learningRate);
        }
        m_branch->train();
        // Both copies go through the branch in one call: the same weights, one pass.
        const torch::Tensor inputs = torch::cat({toTensor(step.first, m_device), toTensor(step.second, m_device)});
        const torch::Tensor context =
            step.first.contextSize > 0
                ? torch::cat({contextTensor(step.first, m_device), contextTensor(step.second, m_device)})
                : torch::Tensor();
        const torch::Tensor scores = m_branch->forward(inputs, context);
        const auto count = static_cast<std::int64_t>(step.labels.size());
        const torch::Tensor difference = scores.slice(0, 0, count) - scores.slice(0, count, 2 * count);
        const torch::Tensor labels = floatTensor(step.labels);
        const torch::Tensor rankLoss = torch::binary_cross_entropy_with_logits(difference, labels);
        const bool linear = step.linearityWeight > 0.0 && !step.linearTargets.empty();
        const torch::Tensor loss =
            linear ? rankLoss + step.linearityWeight * torch::mse_loss(difference, floatTensor(step.linearTargets))
                   : rankLoss;
        StepLosses losses{rankLoss.item<double>(), loss.item<double>(), {}};
        if (std::isfinite(losses.rank) && std::isfinite(losses.total)) {
            m_optimizer.zero_grad();
            loss.backward();
            m_optimizer.step();
        }
        const torch::Tensor kept = scores.detach().to(torch::kCPU).contiguous();
        losses.scores.assign(kept.data_ptr<float>(), kept.data_ptr<float>() + kept.numel());
        return losses;
    }

    // A copy on the device: from_blob does not own `values`, and backward() reads the tensor later.
    torch::Tensor floatTensor(const std::vector<float>& values) const {
        return torch::from_blob(const_cast<float*>(values.data()), {static_cast<std::int64_t>(values.size())},
                                torch::kFloat32)
            .clone()
            .to(m_device);
    }

    torch::Device m_device;
    Branch m_branch;
    torch::optim::Adam m_optimizer;
};

class TorchBackend : public NetworkBackend {
public:
    DeviceSupport probeDevices() const override {
        DeviceSupport support;
        if (!torch::cuda::is_available()) {
            support.reason = "no CUDA GPU found, or this LibTorch was built without CUDA";
            return support;
        }
        support.cudaAvailable = true;
        support.cudaDevices = static_cast<int>(torch::cuda::device_count());
        return support;
    }

    void setThreads(int threads) const override { torch::set_num_threads(threads); }

    std::unique_ptr<BranchNetwork> loadBranch(const ArchitectureSpec& architecture, const std::string& weights,
                                              bool gpu) const override {
        Branch branch{nullptr};
        try {
            branch = Branch(architecture);
            std::istringstream stream(weights);
            torch::load(branch, stream, torch::Device(torch::kCPU));
        } catch (const c10::Error&) {
            throw std::runtime_error("model weights do not match the architecture in its metadata");
        } catch (const std::exception&) {
            // LibTorch's archive reader reports some damage with its own errors, over several lines.
            throw std::runtime_error("model weights are damaged (unreadable archive)");
        }
        try {
            return std::make_unique<TorchBranch>(std::move(branch), deviceFor(gpu));
        } catch (const c10::Error& error) {
            rethrowWithoutBacktrace(error, "moving the model to its device");
        }
    }

    std::unique_ptr<BranchOptimiser> startTraining(const ArchitectureSpec& architecture, bool gpu, double learningRate,
                                                   std::uint64_t seed) const override {
        try {
            torch::manual_seed(seed);
            return std::make_unique<TorchOptimiser>(architecture, deviceFor(gpu), learningRate);
        } catch (const c10::Error& error) {
            rethrowWithoutBacktrace(error, "training");
        }
    }

    double matrixProductFlopRate(bool gpu, int side) const override {
        const torch::Device target = deviceFor(gpu);
        torch::NoGradGuard noGradient;
        const auto options = torch::TensorOptions().dtype(torch::kFloat32).device(target);
        const torch::Tensor a = torch::rand({side, side}, options);
        const torch::Tensor b = torch::rand({side, side}, options);
        torch::Tensor product = torch::matmul(a, b);  // warm-up: threads started, kernels chosen
        const auto start = std::chrono::steady_clock::now();
        int products = 0;
        double seconds = 0.0;
        while (seconds < 0.5) {  // long enough for a steady rate, short beside the rest of the benchmark
            product = torch::matmul(a, b);
            if (target.is_cuda()) torch::cuda::synchronize();
            ++products;
            seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        }
        return 2.0 * side * side * static_cast<double>(side) * products / seconds;
    }
};

}  // namespace
}  // namespace twinsight::core

// The module's entry: the backend when the engine asking was built for this interface and version, else null.
extern "C" __attribute__((visibility("default"))) const twinsight::core::NetworkBackend* twinsight_network_backend(
    int interfaceVersion, const char* engineVersion) {
    if (interfaceVersion != twinsight::core::kNetworkInterfaceVersion ||
        std::strcmp(engineVersion, twinsight::kVersion) != 0) {
        return nullptr;
    }
    static const twinsight::core::TorchBackend backend;
    return &backend;
}
