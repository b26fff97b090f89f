#pragma once
// Internal: what a TrainedModel holds, for the trainer that makes one.

#include <memory>

#include "core/model/network_backend.h"
#include "core/model/trained_model.h"

namespace twinsight::core {

struct TrainedModel::Impl {
    ModelMetadata metadata;
    std::unique_ptr<BranchNetwork> network;
};

}  // namespace twinsight::core
