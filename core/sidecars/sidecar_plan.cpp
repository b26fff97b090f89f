#include "core/sidecars/sidecar_plan.h"

#include <filesystem>
#include <map>

#include "core/base/atomic_file.h"
#include "core/imageio/image_source.h"
#include "core/sidecars/sidecar_ratings.h"

namespace twinsight::core {
namespace {
// Runs `write`; when it throws, the reason becomes one of the outcome's failures instead.
template <typename Write>
void runReporting(SidecarOutcome& outcome, Write write) {
    try {
        write();
    } catch (const std::exception& error) {
        outcome.failures.emplace_back(error.what());
    }
}

// Runs `action` on each item; an item that throws becomes a failure line, and the others still run.
template <typename Action>
SidecarOutcome forEachItem(const SidecarPlan& plan, Action action) {
    SidecarOutcome outcome;
    outcome.failures = plan.clashes;
    for (const SidecarPlan::Item& item : plan.items) runReporting(outcome, [&] { action(item, outcome); });
    return outcome;
}

}  // namespace

SidecarPlan planSidecars(const std::vector<ModelMetadata>& models, const MultiModelScores& scores,
                         const std::set<std::string>& flagged, const SidecarOptions& options,
                         const std::vector<std::string>* allImages) {
    std::vector<const ModelMetadata*> metadata;
    for (const ModelMetadata& model : models) metadata.push_back(&model);
    RatingPolicy policy;  // no rules: the Ranking tab has decided what is flagged
    policy.rejectFlagged = options.rejectFlagged;
    policy.flagLabel = options.label;
    SidecarPlan plan;
    std::map<std::string, std::string> owners;  // sidecar -> the image that takes it
    if (allImages) {
        for (const std::string& image : *allImages) {
            if (parseImageSource(image).frame == 0) owners.emplace(sidecarPath(image, options.naming), image);
        }
    }
    for (std::size_t i = 0; i < scores.paths.size(); ++i) {
        const std::string& path = scores.paths[i];
        if (parseImageSource(path).frame > 0) {
            ++plan.skippedFrames;
            continue;
        }
        const std::string sidecar = sidecarPath(path, options.naming);
        const auto [owner, isFirst] = owners.emplace(sidecar, path);
        if (!isFirst && owner->second != path) {
            plan.clashes.push_back(sidecar + ": already the sidecar of " + owner->second + "; " + path +
                                   " gets none (use the full naming, IMG_1.CR2.xmp)");
            continue;
        }
        XmpUpdate update = makeXmpUpdate(metadata, scores.estimates[i], policy);
        if (options.bursts) {
            update.burstGroup = options.bursts->group.at(i) + 1;
            update.bestInGroup = options.bursts->best.at(i);
            update.bestLabel = options.bestLabel;
        }
        if (flagged.count(path) > 0) {
            markFlagged(update, options.rejectFlagged);
            ++plan.flagged;
        }
        plan.items.push_back({sidecar, std::move(update)});
    }
    return plan;
}

std::set<std::string> flaggedByRules(const std::vector<ModelMetadata>& models, const MultiModelScores& scores,
                                     const std::vector<FlagRule>& rules) {
    std::vector<const ModelMetadata*> metadata;
    for (const ModelMetadata& model : models) metadata.push_back(&model);
    RatingPolicy policy;
    policy.flagRules = rules;
    checkFlagRules(metadata, policy);
    std::set<std::string> flagged;
    for (std::size_t i = 0; i < scores.paths.size(); ++i) {
        if (!scores.withoutDetail(i) && isFlagged(metadata, scores.estimates[i], rules)) flagged.insert(scores.paths[i]);
    }
    return flagged;
}

SidecarOutcome describeSidecars(const SidecarPlan& plan) {
    return forEachItem(plan, [](const SidecarPlan::Item& item, SidecarOutcome& outcome) {
        std::error_code error;
        if (std::filesystem::exists(item.sidecar, error)) {  // what the real run would refuse, the dry run refuses
            mergeXmpPacket(readWholeFile(item.sidecar), item.update, item.sidecar);
        }
        outcome.lines.push_back(describeXmpUpdate(item.sidecar, item.update));
    });
}

SidecarOutcome writeSidecars(const SidecarPlan& plan) {
    return forEachItem(plan, [](const SidecarPlan::Item& item, SidecarOutcome& outcome) {
        writeXmpSidecar(item.sidecar, item.update);
        ++outcome.written;
    });
}

SidecarOutcome writeReviewDecisions(const std::vector<std::pair<std::string, ReviewDecision>>& decisions,
                                    SidecarNaming naming) {
    SidecarOutcome outcome;
    for (const auto& [image, decision] : decisions) {
        if (parseImageSource(image).frame > 0) {
            ++outcome.skippedFrames;
            continue;
        }
        const std::string sidecar = sidecarPath(image, naming);
        runReporting(outcome, [&] {
            writeReviewDecision(sidecar, decision);
            ++outcome.written;
        });
    }
    return outcome;
}

}  // namespace twinsight::core
