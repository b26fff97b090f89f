#include "cli/score_sidecars.h"

#include <iostream>
#include <set>

#include "cli/cli_support.h"
#include "core/base/file_errors.h"

namespace twinsight::cli {
namespace {

core::FlagRule parseFlagRule(const std::string& option, const std::string& text, bool above,
                             const std::vector<core::TrainedModel>& models) {
    const std::size_t equals = text.find('=');
    core::FlagRule rule;
    rule.above = above;
    if (equals != std::string::npos) {
        rule.transform = text.substr(0, equals);
    } else if (models.size() == 1) {
        rule.transform = models.front().metadata().transform;
    } else {
        throw UsageError(option + " '" + text + "': name the transformation (TRANSFORM=VALUE) with several models");
    }
    const std::string value = equals == std::string::npos ? text : text.substr(equals + 1);
    // NaN compares false with everything: a rule of nan never flagged, silently. Infinities are refused as well.
    const std::string problem = numberProblem(value, rule.threshold);
    if (!problem.empty()) {
        throw UsageError(option + " '" + core::printableForMessage(text) + "': " + problem +
                         "; expected [TRANSFORM=]VALUE, a finite number, for example blur=2.5");
    }
    return rule;
}

}  // namespace

SidecarRequest makeSidecarRequest(const std::string& naming, const std::vector<std::string>& flagAbove,
                                  const std::vector<std::string>& flagBelow, bool reject, const std::string& label,
                                  const std::vector<core::TrainedModel>& models) {
    SidecarRequest request;
    try {
        request.options.naming = core::parseSidecarNaming(naming);
    } catch (const std::invalid_argument&) {
        throw UsageError("--xmp-naming '" + naming + "': expected full (IMG_1.CR2.xmp) or base (IMG_1.xmp)");
    }
    for (const std::string& text : flagAbove)
        request.flagRules.push_back(parseFlagRule("--flag-above", text, true, models));
    for (const std::string& text : flagBelow)
        request.flagRules.push_back(parseFlagRule("--flag-below", text, false, models));
    request.options.rejectFlagged = reject;
    request.options.label = label;
    std::vector<const core::ModelMetadata*> metadata;
    for (const core::TrainedModel& model : models) metadata.push_back(&model.metadata());
    core::RatingPolicy policy;
    policy.flagRules = request.flagRules;
    core::checkFlagRules(metadata, policy);  // std::invalid_argument: a usage error, exit status 2
    return request;
}

void writeSidecars(const core::MultiModelScores& scores, const std::vector<std::string>& allImages,
                   const std::vector<core::TrainedModel>& models, const SidecarRequest& request, bool dryRun) {
    std::vector<core::ModelMetadata> metadata;
    for (const core::TrainedModel& model : models) metadata.push_back(model.metadata());
    const std::set<std::string> flagged = core::flaggedByRules(metadata, scores, request.flagRules);
    const core::SidecarPlan plan = core::planSidecars(metadata, scores, flagged, request.options, &allImages);
    const core::SidecarOutcome outcome = dryRun ? core::describeSidecars(plan) : core::writeSidecars(plan);
    for (const std::string& line : outcome.lines) std::cout << line << "\n";
    for (const std::string& failure : outcome.failures) std::cerr << core::printableForMessage(failure) << "\n";
    if (plan.skippedFrames > 0) {
        std::cerr << plan.skippedFrames << " frames of multi-frame files have no sidecar (XMP is per file)\n";
    }
    if (!outcome.failures.empty()) {
        throw std::runtime_error(std::to_string(outcome.failures.size()) + " sidecars could not be " +
                                 (dryRun ? "planned" : "written") + " (see above)");
    }
}

}  // namespace twinsight::cli
