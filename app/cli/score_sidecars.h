#pragma once
// `score --write-xmp`: the user's flag rules and naming, and the sidecars written (or listed, in a dry run).

#include <string>
#include <vector>

#include "core/model/trained_model.h"
#include "core/scoring/file_scoring.h"
#include "core/sidecars/sidecar_plan.h"
#include "core/sidecars/sidecar_ratings.h"
#include "core/sidecars/xmp_sidecar.h"

namespace twinsight::cli {

struct SidecarRequest {
    core::SidecarOptions options;
    std::vector<core::FlagRule> flagRules;  // an image is flagged when any rule holds
};

// Parses "--flag-above [TRANSFORM=]VALUE" rules (TRANSFORM may be left out with one model) and the naming; throws
// UsageError naming the bad value.
SidecarRequest makeSidecarRequest(const std::string& naming, const std::vector<std::string>& flagAbove,
                                  const std::vector<std::string>& flagBelow, bool reject, const std::string& label,
                                  const std::vector<core::TrainedModel>& models);

// One sidecar per scored whole file (frames of multi-frame files get none); a dry run prints what would be written
// on standard output. A sidecar that cannot be written is reported and left as it was, the others are still
// written, and std::runtime_error is thrown at the end if any failed.
// `allImages`: the whole list when `scores` is one shard of it, so that two shards never write one sidecar.
void writeSidecars(const core::MultiModelScores& scores, const std::vector<std::string>& allImages,
                   const std::vector<core::TrainedModel>& models, const SidecarRequest& request, bool dryRun);

}  // namespace twinsight::cli
