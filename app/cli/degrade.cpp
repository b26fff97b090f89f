// `degrade`: a degraded copy of one image.

#include <filesystem>
#include <limits>
#include <opencv2/imgcodecs.hpp>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "core/base/atomic_file.h"
#include "core/degrade/transform.h"
#include "core/imageio/image_loading.h"
#include "core/training/trainer.h"

namespace twinsight::cli {
namespace fs = std::filesystem;

void addDegradeCommand(CLI::App& app) {
    struct Options {
        std::string transform, out, image;
        double magnitude = 0.0;
        int workingSize = core::TrainerConfig{}.workingSize;
    };
    auto options = std::make_shared<Options>();
    CLI::App* command = app.add_subcommand("degrade", "Write a degraded copy of an image");
    command->add_option("--transform", options->transform, "Transformation name")->required();
    command->add_option("--magnitude", options->magnitude, "Magnitude in the transformation's unit")->required();
    command->add_option("--out", options->out, "Output image file (format from its extension)")->required();
    command
        ->add_option("--working-size", options->workingSize,
                     "Shorter side the image is brought to first, as in training (0: keep full size; at most 4096)")
        ->capture_default_str();
    command->add_option("IMAGE", options->image, "Input image")->required();
    command->callback([options] {
        const core::Transform& transform = core::findTransform(options->transform);
        requireInRange("--working-size", options->workingSize, 0, kMaxCliWorkingSize);
        requireWritableFile(options->out, {options->image});  // a folder is named as one, not as a format
        const std::string extension = fs::path(options->out).extension().string();
        if (extension.empty() || !cv::haveImageWriter(options->out)) {
            throw UsageError("--out " + options->out + ": unsupported image format (use .png, .jpg, .tif, ...)");
        }
        const int size = options->workingSize > 0 ? options->workingSize : std::numeric_limits<int>::max();
        const cv::Mat image =
            whileDoing("loading " + options->image, [&] { return core::loadImage(options->image, size); });
        const cv::Mat degraded =
            whileDoing("degrading " + options->image, [&] { return transform.apply(image, options->magnitude); });
        std::vector<uchar> bytes;
        if (!whileDoing("encoding " + options->out, [&] { return cv::imencode(extension, degraded, bytes); })) {
            throw std::runtime_error(options->out + ": cannot encode");
        }
        core::writeFileAtomically(options->out, std::string(bytes.begin(), bytes.end()));
    });
}

}  // namespace twinsight::cli
