#pragma once
// What "Write XMP sidecars" writes: one update per scored whole file, its stars from the models' estimates and its
// flag from the Ranking tab's flagged list (a rule-free policy); frames of multi-frame files get none. Plain C++,
// so that the dialog can build, list and write a plan on a pool thread.

#include <set>
#include <string>
#include <vector>

#include "core/file_scoring.h"
#include "core/model_metadata.h"
#include "core/xmp_sidecar.h"

namespace twinsight::ui {

struct SidecarOptions {
    core::SidecarNaming naming = core::SidecarNaming::AppendExtension;
    bool rejectFlagged = false;  // flagged images get -1 (rejected) instead of 1 star
    std::string label = "Red";   // xmp:Label of flagged images
};

struct SidecarPlan {
    struct Item {
        std::string sidecar;
        core::XmpUpdate update;
    };
    std::vector<Item> items;
    int skippedFrames = 0;  // frames of multi-frame files: XMP describes whole files
    int flagged = 0;
};

// `models` in the order of `scores`' estimates; `flagged`: image names (paths or FILE#K) the user flagged.
SidecarPlan planSidecars(const std::vector<core::ModelMetadata>& models, const core::MultiModelScores& scores,
                         const std::set<std::string>& flagged, const SidecarOptions& options);

struct SidecarOutcome {
    std::vector<std::string> lines;  // a dry run's description lines, or nothing when written
    int written = 0;
    std::vector<std::string> failures;  // one "SIDECAR: reason" per file left as it was
};

// describeXmpUpdate for each item; an update that cannot be described becomes a failure, never an exception.
SidecarOutcome describeSidecars(const SidecarPlan& plan);
// writeXmpSidecar for each item; a sidecar that cannot be written is reported and the others are still written.
SidecarOutcome writeSidecars(const SidecarPlan& plan);

}  // namespace twinsight::ui
