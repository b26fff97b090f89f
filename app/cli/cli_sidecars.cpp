#include "cli/cli_sidecars.h"

#include <iostream>

#include "cli/cli_support.h"
#include "core/image_source.h"

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
    try {
        std::size_t used = 0;
        rule.threshold = std::stod(value, &used);
        if (used != value.size()) throw std::invalid_argument(value);
    } catch (const std::exception&) {
        throw UsageError(option + " '" + text + "': expected [TRANSFORM=]VALUE, for example blur=2.5");
    }
    return rule;
}

}  // namespace

SidecarRequest makeSidecarRequest(const std::string& naming, const std::vector<std::string>& flagAbove,
                                  const std::vector<std::string>& flagBelow, bool reject, const std::string& label,
                                  const std::vector<core::TrainedModel>& models) {
    SidecarRequest request;
    try {
        request.naming = core::parseSidecarNaming(naming);
    } catch (const std::invalid_argument&) {
        throw UsageError("--xmp-naming '" + naming + "': expected full (IMG_1.CR2.xmp) or base (IMG_1.xmp)");
    }
    for (const std::string& text : flagAbove) {
        request.policy.flagRules.push_back(parseFlagRule("--flag-above", text, true, models));
    }
    for (const std::string& text : flagBelow) {
        request.policy.flagRules.push_back(parseFlagRule("--flag-below", text, false, models));
    }
    request.policy.rejectFlagged = reject;
    request.policy.flagLabel = label;
    std::vector<const core::ModelMetadata*> metadata;
    for (const core::TrainedModel& model : models) metadata.push_back(&model.metadata());
    try {
        core::checkFlagRules(metadata, request.policy);
    } catch (const std::invalid_argument& error) {
        throw UsageError(error.what());
    }
    return request;
}

void writeSidecars(const core::MultiModelScores& scores, const std::vector<core::TrainedModel>& models,
                   const SidecarRequest& request, bool dryRun) {
    std::vector<const core::ModelMetadata*> metadata;
    for (const core::TrainedModel& model : models) metadata.push_back(&model.metadata());
    std::size_t frames = 0, failed = 0;
    for (std::size_t i = 0; i < scores.paths.size(); ++i) {
        if (core::parseImageSource(scores.paths[i]).frame > 0) {
            ++frames;
            continue;
        }
        const std::string sidecar = core::sidecarPath(scores.paths[i], request.naming);
        const core::XmpUpdate update = core::makeXmpUpdate(metadata, scores.estimates[i], request.policy);
        if (dryRun) {
            std::cout << core::describeXmpUpdate(sidecar, update) << "\n";
            continue;
        }
        try {
            core::writeXmpSidecar(sidecar, update);
        } catch (const std::exception& error) {
            std::cerr << error.what() << "\n";
            ++failed;
        }
    }
    if (frames > 0) std::cerr << frames << " frames of multi-frame files have no sidecar (XMP is per file)\n";
    if (failed > 0) throw std::runtime_error(std::to_string(failed) + " sidecars could not be written (see above)");
}

}  // namespace twinsight::cli
