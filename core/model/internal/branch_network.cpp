#include "core/model/internal/branch_network.h"

#include <stdexcept>

namespace twinsight::core {

BranchImpl::BranchImpl(const ArchitectureSpec& spec)
    : m_contextSize(spec.contextSize), m_contextJoin(spec.contextJoin) {
    if (m_contextJoin == ContextJoin::Alone && m_contextSize <= 0) {
        throw std::invalid_argument("architecture: a branch on the context alone needs context values");
    }
    m_encoder = register_module("encoder", torch::nn::Sequential());
    int channels = spec.inputChannels;
    // On the context alone there is no encoder: no weights that the pixels would never train.
    const std::size_t layers = m_contextJoin == ContextJoin::Alone ? 0 : spec.widths.size();
    for (std::size_t i = 0; i < layers; ++i) {
        m_encoder->push_back(torch::nn::Conv2d(
            torch::nn::Conv2dOptions(channels, spec.widths[i], /*kernel_size=*/3).stride(spec.strides[i]).padding(1)));
        m_encoder->push_back(torch::nn::ReLU());
        channels = spec.widths[i];
    }
    int headInputs = channels;
    if (m_contextJoin == ContextJoin::Head) headInputs = channels + m_contextSize;
    if (m_contextJoin == ContextJoin::Alone) headInputs = m_contextSize;
    m_head = register_module("head", torch::nn::Sequential(torch::nn::Linear(headInputs, spec.headWidth),
                                                           torch::nn::ReLU(), torch::nn::Linear(spec.headWidth, 1)));
    if (m_contextJoin == ContextJoin::LinearTerm && m_contextSize > 0) {
        m_contextTerm = register_module("context_term", torch::nn::Linear(m_contextSize, 1));
    }
    initialiseWeights();
    if (m_contextTerm) {
        // The term starts at zero: training starts from the crops' own score and adds the context as it pays.
        torch::NoGradGuard noGradient;
        torch::nn::init::zeros_(m_contextTerm->weight);
    }
}

void BranchImpl::initialiseWeights() {
    // He initialisation (He et al. 2015) keeps the signal's scale through the ReLU stack. LibTorch's default
    // shrinks it layer by layer: every output then starts nearly equal, the RankNet loss sits at log 2, and blur
    // training spent its first ~80 of 600 steps there.
    torch::NoGradGuard noGradient;
    for (auto& module : modules(/*include_self=*/false)) {
        if (auto* conv = module->as<torch::nn::Conv2d>()) {
            torch::nn::init::kaiming_normal_(conv->weight, 0.0, torch::kFanOut, torch::kReLU);
            torch::nn::init::zeros_(conv->bias);
        } else if (auto* linear = module->as<torch::nn::Linear>()) {
            torch::nn::init::kaiming_normal_(linear->weight, 0.0, torch::kFanIn, torch::kReLU);
            torch::nn::init::zeros_(linear->bias);
        }
    }
}

torch::Tensor BranchImpl::forward(torch::Tensor input, torch::Tensor context) {
    if (m_contextSize > 0) {
        if (!context.defined() || context.size(0) != input.size(0) || context.size(1) != m_contextSize) {
            throw std::invalid_argument("network input: the branch needs " + std::to_string(m_contextSize) +
                                        " context values per sample");
        }
        if (m_contextJoin == ContextJoin::Alone) return m_head->forward(context).squeeze(1);
    }
    // Global average pooling lets one branch score crops and whole frames of any size.
    torch::Tensor features = m_encoder->forward(input).mean({2, 3});
    if (m_contextSize > 0) {
        if (m_contextJoin == ContextJoin::LinearTerm) {
            return (m_head->forward(features) + m_contextTerm->forward(context)).squeeze(1);
        }
        features = torch::cat({features, context}, 1);
    }
    return m_head->forward(features).squeeze(1);
}

torch::Tensor toTensor(const InputBatch& batch, const torch::Device& device) {
    // A batch of contexts alone: no pixel values, only the sample count the branch checks the context against.
    if (batch.sampleSize() == 0) return torch::zeros({batch.count, batch.channels, 0, 0}, torch::TensorOptions(device));
    // from_blob does not copy; clone() gives the tensor its own storage before the batch goes away.
    torch::Tensor tensor = torch::from_blob(const_cast<float*>(batch.values.data()),
                                            {batch.count, batch.channels, batch.height, batch.width}, torch::kFloat32);
    return device.is_cpu() ? tensor.clone() : tensor.to(device);
}

torch::Tensor contextTensor(const InputBatch& batch, const torch::Device& device) {
    if (batch.contextSize == 0) return {};
    torch::Tensor tensor =
        torch::from_blob(const_cast<float*>(batch.context.data()), {batch.count, batch.contextSize}, torch::kFloat32);
    return device.is_cpu() ? tensor.clone() : tensor.to(device);
}

std::vector<float> scoreWithBranch(Branch& branch, const InputBatch& batch, const torch::Device& device) {
    if (batch.count == 0) return {};
    c10::InferenceMode inference;
    const torch::Tensor scores =
        branch->forward(toTensor(batch, device), contextTensor(batch, device)).to(torch::kCPU).contiguous();
    return {scores.data_ptr<float>(), scores.data_ptr<float>() + scores.numel()};
}

}  // namespace twinsight::core
