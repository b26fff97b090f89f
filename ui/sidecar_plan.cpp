#include "ui/sidecar_plan.h"

#include "core/image_source.h"
#include "core/sidecar_ratings.h"

namespace twinsight::ui {
namespace {
// Stars of a flagged image the user keeps (not rejected): the lowest rating, below every unflagged image's.
constexpr int kFlaggedStars = 1;
}  // namespace

SidecarPlan planSidecars(const std::vector<core::ModelMetadata>& models, const core::MultiModelScores& scores,
                         const std::set<std::string>& flagged, const SidecarOptions& options) {
    std::vector<const core::ModelMetadata*> metadata;
    for (const core::ModelMetadata& model : models) metadata.push_back(&model);
    core::RatingPolicy policy;  // no rules: the Ranking tab has decided what is flagged
    policy.rejectFlagged = options.rejectFlagged;
    policy.flagLabel = options.label;
    SidecarPlan plan;
    for (std::size_t i = 0; i < scores.paths.size(); ++i) {
        const std::string& path = scores.paths[i];
        if (core::parseImageSource(path).frame > 0) {
            ++plan.skippedFrames;
            continue;
        }
        core::XmpUpdate update = core::makeXmpUpdate(metadata, scores.estimates[i], policy);
        if (flagged.count(path) > 0) {
            update.flagged = true;
            update.rating = options.rejectFlagged ? -1 : kFlaggedStars;
            ++plan.flagged;
        }
        plan.items.push_back({core::sidecarPath(path, options.naming), std::move(update)});
    }
    return plan;
}

SidecarOutcome describeSidecars(const SidecarPlan& plan) {
    SidecarOutcome outcome;
    for (const SidecarPlan::Item& item : plan.items) {
        try {
            outcome.lines.push_back(core::describeXmpUpdate(item.sidecar, item.update));
        } catch (const std::exception& error) {
            outcome.failures.emplace_back(error.what());
        }
    }
    return outcome;
}

SidecarOutcome writeSidecars(const SidecarPlan& plan) {
    SidecarOutcome outcome;
    for (const SidecarPlan::Item& item : plan.items) {
        try {
            core::writeXmpSidecar(item.sidecar, item.update);
            ++outcome.written;
        } catch (const std::exception& error) {
            outcome.failures.emplace_back(error.what());
        }
    }
    return outcome;
}

}  // namespace twinsight::ui
