#pragma once
// Internal to the network module (network_backend.h): the branch as a LibTorch module.

#include <torch/torch.h>

#include "core/model/model_metadata.h"
#include "core/model/network_input.h"

namespace twinsight::core {

// One branch of the siamese network: a small CNN encoder and an MLP head to one score per image (with
// ContextJoin::Alone, the head alone on the image's context).
class BranchImpl : public torch::nn::Module {
public:
    explicit BranchImpl(const ArchitectureSpec& spec);
    // [N, C, H, W] and [N, contextSize] (an empty tensor without context) -> [N]
    torch::Tensor forward(torch::Tensor input, torch::Tensor context = {});

private:
    void initialiseWeights();

    torch::nn::Sequential m_encoder{nullptr};
    torch::nn::Sequential m_head{nullptr};
    int m_contextSize = 0;
    ContextJoin m_contextJoin = ContextJoin::Head;
    torch::nn::Linear m_contextTerm{nullptr};  // ContextJoin::LinearTerm
};
TORCH_MODULE(Branch);

torch::Tensor toTensor(const InputBatch& batch, const torch::Device& device);
// The batch's whole-image context as [N, contextSize]; an undefined tensor when it has none.
torch::Tensor contextTensor(const InputBatch& batch, const torch::Device& device);

// Scores a batch with the branch in inference mode.
std::vector<float> scoreWithBranch(Branch& branch, const InputBatch& batch, const torch::Device& device);

}  // namespace twinsight::core
