#include "cli/cli_commands.h"

#include <filesystem>
#include <iomanip>
#include <iostream>
#include <limits>
#include <opencv2/imgcodecs.hpp>

#include "cli/cli_support.h"
#include "core/base/atomic_file.h"
#include "core/imageio/image_loading.h"
#include "core/samples/sample_scenes.h"
#include "core/training/trainer.h"

namespace twinsight::cli {
namespace fs = std::filesystem;

void addTransformsCommand(CLI::App& app) {
    CLI::App* command = app.add_subcommand("transforms", "List the transformations: name, unit, range, view");
    command->callback([] {
        for (const core::Transform* t : core::allTransforms()) {
            const core::Range range = t->defaultRange();
            std::cout << std::left << std::setw(11) << t->name() << " unit=" << t->unit() << "  default=" << range.min
                      << ":" << range.max << "  view=" << core::toString(t->view()) << "  " << t->description() << "\n";
        }
    });
}

void addSamplesCommand(CLI::App& app) {
    struct Options {
        std::string out;
        int count = 60;
        std::uint64_t seed = 1;
    };
    auto options = std::make_shared<Options>();
    CLI::App* command = app.add_subcommand("samples", "Write the built-in sample scenes as PNG files");
    command->add_option("--out", options->out, "Folder to write into (created if missing; its parent must exist)")
        ->required();
    command->add_option("--count", options->count, "Number of scenes (at most 10000)")->capture_default_str();
    command->add_option("--seed", options->seed, "Scene family (0 or more)")
        ->check(notNegative())
        ->capture_default_str();
    command->callback([options] {
        requireInRange("--count", options->count, 1, kMaxSampleCount);
        requireOutputFolder(options->out);
        const auto paths = whileDoing("painting " + std::to_string(options->count) + " sample scenes", [&] {
            return core::writeSampleScenes(options->out, options->count, options->seed);
        });
        std::cout << "wrote " << paths.size() << " scenes to " << options->out << "\n";
    });
}

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
