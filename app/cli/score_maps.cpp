#include "cli/score_maps.h"

#include <filesystem>
#include <iostream>
#include <map>
#include <opencv2/imgcodecs.hpp>
#include <stdexcept>

#include "cli/cli_support.h"
#include "core/base/atomic_file.h"
#include "core/base/file_errors.h"
#include "core/evaluation/focus_map.h"
#include "core/imageio/image_loading.h"
#include "core/imageio/image_source.h"
#include "core/scoring/reports.h"

namespace twinsight::cli {
namespace fs = std::filesystem;
namespace {

// The map's file name stem for an image: its file name, with "#K" for a frame or "#z:K" for a slice; a stem already taken gets "-2", "-3"...
std::string uniqueStem(const std::string& image, std::map<std::string, int>& taken) {
    const core::ImageSource source = core::parseImageSource(image);
    std::string stem = fs::path(source.file).filename().string();
    stem += source.suffix();
    const int uses = ++taken[stem];
    return uses == 1 ? stem : stem + "-" + std::to_string(uses);
}

}  // namespace

void prepareFocusMaps(const std::string& folder, const std::vector<core::TrainedModel>& models) {
    bool mapped = false;
    for (const core::TrainedModel& model : models) mapped |= core::hasFocusMap(model);
    if (!mapped) {
        throw UsageError("--map-out: no model given varies across the frame (focus maps exist for blur, noise and "
                         "jpeg)");
    }
    std::error_code error;
    fs::create_directories(folder, error);
    if (error || !fs::is_directory(folder, error)) core::failForFile(folder, "cannot be created as a folder");
}

void writeFocusMaps(const std::string& folder, const core::MultiModelScores& scores,
                    const std::vector<core::TrainedModel>& models) {
    std::map<std::string, int> taken;
    std::string index = "path,transform,map\n";
    int failures = 0;
    for (const std::string& image : scores.paths) {
        const std::string stem = uniqueStem(image, taken);
        for (const core::TrainedModel& model : models) {
            if (!core::hasFocusMap(model)) continue;
            const std::string& transform = model.metadata().transform;
            const std::string name = stem + "." + transform + ".png";
            try {
                const cv::Mat working = core::loadImage(image, model.metadata().workingSize);
                const core::FocusMap map = core::focusMap(model, working);
                std::vector<unsigned char> png;
                cv::imencode(".png", core::renderFocusMap(working, map, model.transform().noticeableMagnitude()), png);
                core::writeFileAtomically((fs::path(folder) / name).string(), std::string(png.begin(), png.end()));
                index += core::csvField(image) + "," + transform + "," + core::csvField(name) + "\n";
            } catch (const std::exception& e) {
                std::cerr << "twinsight-cli: " << core::printableForMessage(e.what()) << " (no focus map)\n";
                ++failures;
            }
        }
    }
    core::writeFileAtomically((fs::path(folder) / "maps.csv").string(), index);
    if (failures > 0) throw std::runtime_error(std::to_string(failures) + " focus maps could not be written");
}

}  // namespace twinsight::cli
