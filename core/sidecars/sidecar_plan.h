#pragma once
// What "Write XMP sidecars" writes: one update per scored whole file, its stars from the models' estimates and its
// flag from a set of flagged images (the desktop's Ranking tab, or the command line's rules); frames of multi-frame
// files get none. Shared by `score --write-xmp` and the desktop's dialog, which builds and writes it on a pool thread.

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/model/model_metadata.h"
#include "core/scoring/bursts.h"
#include "core/scoring/file_scoring.h"
#include "core/sidecars/sidecar_ratings.h"
#include "core/sidecars/xmp_sidecar.h"

namespace twinsight::core {

struct SidecarOptions {
    SidecarNaming naming = SidecarNaming::AppendExtension;
    bool rejectFlagged = false;  // flagged images get -1 (rejected) instead of 1 star
    std::string label = "Red";   // xmp:Label of flagged images
    // Burst groups of the same scores (score --groups): each sidecar gets its group and whether it is the best, and
    // the best of each group `bestLabel` as xmp:Label (unless flagged; empty: no label).
    const BurstGroups* bursts = nullptr;
    std::string bestLabel;
};

struct SidecarPlan {
    struct Item {
        std::string sidecar;
        XmpUpdate update;
    };
    std::vector<Item> items;
    int skippedFrames = 0;  // frames of multi-frame files: XMP describes whole files
    int flagged = 0;
    // "SIDECAR: reason" for images whose sidecar another image already takes (IMG_1.CR2 and IMG_1.JPG under the
    // base naming): they get none, rather than one merged over the other.
    std::vector<std::string> clashes;
};

// `models` in the order of `scores`' estimates; `flagged`: image names (paths or FILE#K) the user flagged.
// `allImages`, when given, is the whole list that `scores` is one shard of: a sidecar belongs to the first image of
// that list that maps to it, so that two shards never write one sidecar.
SidecarPlan planSidecars(const std::vector<ModelMetadata>& models, const MultiModelScores& scores,
                         const std::set<std::string>& flagged, const SidecarOptions& options,
                         const std::vector<std::string>* allImages = nullptr);

struct SidecarOutcome {
    std::vector<std::string> lines;  // a dry run's description lines, or nothing when written
    int written = 0;
    std::vector<std::string> failures;  // one "SIDECAR: reason" per file left as it was
    int skippedFrames = 0;              // frames of multi-frame files: XMP describes whole files
};

// The images that any of `rules` flags (RatingPolicy's rules: [TRANSFORM] above or below a value).
// Throws std::invalid_argument when a rule names a transformation no model has.
std::set<std::string> flaggedByRules(const std::vector<ModelMetadata>& models, const MultiModelScores& scores,
                                     const std::vector<FlagRule>& rules);

// describeXmpUpdate for each item; an update that cannot be described becomes a failure, never an exception.
SidecarOutcome describeSidecars(const SidecarPlan& plan);
// writeXmpSidecar for each item; a sidecar that cannot be written is reported and the others are still written.
SidecarOutcome writeSidecars(const SidecarPlan& plan);

// A reviewer's decisions (image name -> keep or reject) merged into each image's sidecar (writeReviewDecision); a
// frame of a multi-frame file gets none, and a sidecar that cannot be written is reported, the others still written.
SidecarOutcome writeReviewDecisions(const std::vector<std::pair<std::string, ReviewDecision>>& decisions,
                                    SidecarNaming naming);

}  // namespace twinsight::core
