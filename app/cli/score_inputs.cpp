#include "cli/score_inputs.h"

#include <filesystem>
#include <set>
#include <stdexcept>

#include "cli/cli_support.h"
#include "core/imageio/image_source.h"

namespace twinsight::cli {

std::vector<core::TrainedModel> loadModelsOnePerTransform(const std::vector<std::string>& files,
                                                          const std::string& device) {
    std::vector<core::TrainedModel> models;
    std::set<std::string> transforms;
    for (const std::string& path : files) {
        models.push_back(loadModel(path, device));
        if (!transforms.insert(models.back().metadata().transform).second) {
            throw UsageError("--model " + path + ": a second " + models.back().metadata().transform +
                             " model; give one model per transformation");
        }
    }
    return models;
}

std::vector<core::FlagRule> rulesOrNoticeable(std::vector<core::FlagRule> rules,
                                              const std::vector<core::TrainedModel>& models) {
    if (!rules.empty()) return rules;
    std::vector<const core::ModelMetadata*> metadata;
    for (const core::TrainedModel& model : models) metadata.push_back(&model.metadata());
    return core::defaultFlagRules(metadata);
}

void requireNotAnImage(const std::string& option, const std::string& output, const std::vector<std::string>& images) {
    std::error_code error;
    if (output.empty() || !std::filesystem::is_regular_file(output, error)) return;  // nothing there to lose
    std::set<std::string> files;
    for (const std::string& image : images) files.insert(core::parseImageSource(image).file);
    for (const std::string& file : files) {
        if (std::filesystem::equivalent(output, file, error)) {
            throw UsageError(option + " " + output + ": is one of the images; write the output elsewhere");
        }
    }
}

void requirePathArguments(const std::vector<std::string>& paths) {
    for (const std::string& path : paths) {
        std::error_code error;
        if (!std::filesystem::exists(std::filesystem::symlink_status(core::parseImageSource(path).file, error))) {
            throw std::runtime_error(path + ": no such file or folder");
        }
    }
}

}  // namespace twinsight::cli
