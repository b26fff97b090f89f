// twinsight-bench: the figures Twinsight is judged by, printed beside their references in one run.

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include "bench_bursts.h"
#include "bench_collections.h"
#include "bench_processes.h"
#include "bench_quality.h"
#include "bench_speed.h"
#include "core/base/process_setup.h"
#include "core/imageio/image_loading.h"
#include "core/model/device.h"
#include "core/model/trained_model.h"
#include "core/samples/sample_scenes.h"
#include "core/training/trainer.h"
#include "twinsight_version.h"

namespace fs = std::filesystem;
using namespace twinsight;

namespace {

struct Options {
    std::string train, test, device = "auto", burstsOut;
    std::vector<std::string> transforms;
    int levels = 8;
    int largeJpegs = 40;
    int memoryImages = 10000;
    bool skipQuality = false, skipSpeed = false;
    bench::CollectionSettings collections;
    bench::BurstSettings bursts;
};

std::string cpuName() {
    std::ifstream info("/proc/cpuinfo");
    for (std::string line; std::getline(info, line);) {
        if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
    }
    return "unknown CPU";
}

std::string blurModelForSpeed(const Options& options, const fs::path& work, const std::string& trainFolder) {
    const std::string path = (work / "blur.twinsight").string();
    if (fs::exists(path)) return path;
    std::cout << "(training a short blur model for the speed figures)\n";
    core::TrainerConfig config;
    config.steps = 60;
    config.device = options.device;
    std::atomic_bool cancel{false};
    core::Trainer(config).run(core::loadImagesFrom({trainFolder}, config.workingSize), {}, cancel).model.save(path);
    return path;
}

// "1.09 kFLOP", "35.2 MFLOP", "7.80 GFLOP": three figures in the unit that fits.
std::string flopText(double flops) {
    const char* units[] = {"FLOP", "kFLOP", "MFLOP", "GFLOP", "TFLOP"};
    int unit = 0;
    while (flops >= 1000.0 && unit < 4) {
        flops /= 1000.0;
        ++unit;
    }
    char text[32];
    std::snprintf(text, sizeof text, "%.3g %s", flops, units[unit]);
    return text;
}

// Training pairs per second, all in (the sampler feeding the other core, validations) and in optimisation alone,
// beside the network's forward and backward arithmetic (about three forward passes, two samples a pair) against
// the matrix-product rate: blur at its default steps (a head on the image's edge widths), noise on its crops.
void printTrainingThroughput(const Options& options, const std::string& trainFolder, double matrixRate) {
    for (const auto& [transform, steps] : {std::pair{"blur", 0}, std::pair{"noise", 600}}) {
        core::TrainerConfig config;
        config.transform = transform;
        if (steps > 0) config.steps = steps;
        config.device = options.device;
        const core::ImageSet images = core::loadImagesFrom({trainFolder}, config.workingSize);
        std::atomic_bool cancel{false};
        const auto start = std::chrono::steady_clock::now();
        const core::TrainingOutcome outcome = core::Trainer(config).run(images, {}, cancel);
        const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const core::ModelMetadata& metadata = outcome.model.metadata();
        const double pairs = double(metadata.training.steps) * metadata.training.batchSize;
        const double flopsPerPair = 2.0 * 3.0 * core::forwardFlopsPerSample(metadata.architecture, metadata.inputSize);
        const double networkRate = metadata.training.pairsPerSecond * flopsPerPair;
        std::printf(
            "| training %s, %d steps x %d pairs | %.0f pairs/s all in (%.1f s), %.0f in optimisation | %s/s of "
            "network arithmetic against %s/s | %.3g%% of the matrix-product rate |\n",
            transform, metadata.training.steps, metadata.training.batchSize, pairs / wall, wall,
            metadata.training.pairsPerSecond, flopText(networkRate).c_str(), flopText(matrixRate).c_str(),
            100.0 * networkRate / matrixRate);
    }
}

// The programs as a user runs them, each a fresh process: start-up (median of several), and peak memory scoring
// a folder of many files (hard links to the large JPEGs) and one image at the 100-megapixel limit.
void printStartupAndMemory(const Options& options, const fs::path& work, const std::string& model,
                           const std::vector<std::string>& large) {
    const std::string cli = TWINSIGHT_CLI_PROGRAM;
    std::cout << "timing start-up, then scoring " << options.memoryImages << " files for peak memory...\n"
              << std::flush;
    const double version = bench::medianSeconds(5, cli, {"--version"});
    const double transforms = bench::medianSeconds(5, cli, {"transforms"});
    const double scoreOne = bench::medianSeconds(3, cli, {"score", "--model", model, large.front()});
    const double window = bench::medianWindowSeconds(3, TWINSIGHT_DESKTOP_PROGRAM);
    bench::linkFolder((work / "many").string(), large, options.memoryImages);
    const bench::ProcessRun many = bench::runProcess(
        cli, {"score", "--model", model, "--out", (work / "many.csv").string(), (work / "many").string()});
    const bench::ProcessRun grid = bench::desktopGridFilled(TWINSIGHT_DESKTOP_PROGRAM, (work / "many").string());
    const bench::ProcessRun huge =
        bench::runProcess(cli, {"score", "--model", model, bench::writeLargePng(work.string(), 10000, 10000)});
    if (many.exitCode != 0 || huge.exitCode != 0)
        throw std::runtime_error("scoring for memory failed: " + many.err + huge.err);
    std::printf("\nStart-up and memory (the programs as run by a user, fresh processes)\n");
    std::printf("| figure | Twinsight | target |\n|---|---|---|\n");
    std::printf("| `twinsight-cli --version` (median of 5) | %.3f s | < 0.1 s |\n", version);
    std::printf("| `twinsight-cli transforms` (median of 5) | %.3f s | < 0.1 s |\n", transforms);
    std::printf("| `twinsight-cli score` of one 12-megapixel JPEG, all in (median of 3) | %.3f s | < 0.5 s |\n",
                scoreOne);
    if (window >= 0.0) {
        std::printf("| desktop window painted, from the process's start (median of 3, %s) | %.3f s | < 1 s |\n",
                    std::getenv("DISPLAY") ? "X display" : "offscreen", window);
    }
    std::printf(
        "| peak memory, `score` of a folder of %d 12-megapixel JPEGs (%.1f images/s) | %.0f MiB | < 1024 MiB |\n",
        options.memoryImages, options.memoryImages / many.seconds, many.peakMiB);
    if (grid.exitCode == 0) {
        std::printf(
            "| peak memory, desktop program with the grid of those %d files filled (%.1f s) | %.0f MiB | < 1024 "
            "MiB |\n",
            options.memoryImages, grid.seconds, grid.peakMiB);
    }
    std::printf("| peak memory, `score` of one 100-megapixel PNG (%.1f s) | %.0f MiB | < 1024 MiB |\n", huge.seconds,
                huge.peakMiB);
}

void runSpeed(const Options& options, const fs::path& work, const std::string& trainFolder) {
    const std::string model = blurModelForSpeed(options, work, trainFolder);
    fs::create_directories(work / "large");
    std::cout << "writing " << options.largeJpegs << " 12-megapixel JPEGs...\n" << std::flush;
    const auto large = bench::writeLargeJpegs((work / "large").string(), options.largeJpegs);
    const int workingSize = core::TrainedModel::load(model).metadata().workingSize;
    const int reduction = core::jpegReductionFor(bench::kLargeJpegSize, workingSize);
    const double fullDecode = bench::decodeOnlyRate(large, 1);
    const double reducedDecode = bench::decodeOnlyRate(large, reduction);
    const double scoring = bench::scoringRate(model, large);
    const cv::Size working(workingSize * bench::kLargeJpegSize.width / bench::kLargeJpegSize.height, workingSize);
    const double flopsPerImage = bench::networkFlopsPerImage(model, working);
    const double matrixRate = core::matrixProductFlopRate(options.device);
    std::printf("\nSpeed (12-megapixel JPEGs, %d files)\n", options.largeJpegs);
    std::printf("| figure | Twinsight | reference | target |\n|---|---|---|---|\n");
    std::printf(
        "| scoring vs decode-only at the scorer's reduction | %.2f img/s | %.2f img/s (OpenCV at 1/%d, all "
        "cores) | ratio %.2f (>= 0.80) |\n",
        scoring, reducedDecode, reduction, scoring / reducedDecode);
    std::printf(
        "| scoring vs full decode, for scale | %.2f img/s | %.2f img/s (OpenCV in full, all cores) | ratio "
        "%.2f |\n",
        scoring, fullDecode, scoring / fullDecode);
    std::printf(
        "| network arithmetic while scoring | %s/image x %.2f img/s = %s/s | %s/s (LibTorch 512x512 matrix "
        "product) | %.3g%% of it |\n",
        flopText(flopsPerImage).c_str(), scoring, flopText(flopsPerImage * scoring).c_str(),
        flopText(matrixRate).c_str(), 100.0 * flopsPerImage * scoring / matrixRate);
    printTrainingThroughput(options, trainFolder, matrixRate);
    printStartupAndMemory(options, work, model, large);
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
    core::preferPassiveOpenMpWaiting();
    Options options;
    CLI::App app("twinsight-bench: quality and speed of Twinsight against its references", "twinsight-bench");
    app.set_version_flag("--version", std::string("twinsight-bench ") + kVersion);
    app.add_option("--train", options.train, "Training folder (default: built-in sample scenes)");
    app.add_option("--test", options.test, "Held-out folder (default: other sample scenes)");
    app.add_option("--transforms", options.transforms, "Transformations to measure (default: all)")->delimiter(',');
    app.add_option("--levels", options.levels, "Magnitudes per held-out image")->capture_default_str();
    app.add_option("--device", options.device, "auto, cpu or cuda")->capture_default_str();
    app.add_option("--large-jpegs", options.largeJpegs, "12-megapixel JPEGs for the speed figures")
        ->capture_default_str();
    app.add_option("--memory-images", options.memoryImages, "Files in the folder scored for peak memory")
        ->capture_default_str();
    app.add_flag("--skip-quality", options.skipQuality, "Only the speed figures");
    app.add_flag("--skip-speed", options.skipSpeed, "Only the quality figures");
    app.add_option("--collections", options.collections.folder,
                   "Folder of photo collections (one sub-folder each; a NIfTI volume in it counts as three, one per "
                   "axis): hold each out in turn, and train on it too");
    app.add_option("--seeds", options.collections.seeds, "Training seeds for --collections")->delimiter(',');
    app.add_option("--modes", options.collections.modes, "leave-out, self or both, for --collections")->delimiter(',');
    app.add_option("--held-out", options.collections.heldOut, "Only these collections held out (default: each)")
        ->delimiter(',');
    app.add_option("--steps", options.collections.steps, "Training steps for --collections (default: the trainer's)");
    app.add_option("--cross-share", options.collections.crossShare, "Share of cross-image pairs for --collections");
    app.add_option("--linearity", options.collections.linearity, "Weight of the linearity loss for --collections");
    app.add_flag("--thorough", options.collections.thorough, "Train with the thorough setting");
    app.add_option("--runs-out", options.collections.runsOut, "CSV file every --collections run is appended to");
    app.add_option("--head-width", options.collections.headWidth, "Units of the head for --collections");
    app.add_option("--widths", options.collections.widths, "Convolution widths for --collections")->delimiter(',');
    app.add_option("--strides", options.collections.strides, "Convolution strides for --collections")->delimiter(',');
    app.add_option("--models-out", options.collections.modelsOut, "Folder to save every --collections model in");
    app.add_flag("--detail-only", options.collections.detailOnly,
                 "Leave images without detail (empty slices) out of --collections, for both measures");
    app.add_option("--bursts", options.bursts.folders, "Collections to make bursts from (one per photo)")
        ->delimiter(',');
    app.add_option("--burst-model", options.bursts.models,
                   "Blur model that picks the best of each burst: one, or one per --bursts folder")
        ->delimiter(',');
    app.add_option("--burst-seeds", options.bursts.seeds, "Burst generations per collection")->delimiter(',');
    app.add_option("--bursts-out", options.burstsOut,
                   "Write the --bursts photos' bursts here as JPEGs with EXIF times");
    app.add_option("--burst-similarity", options.bursts.grouping.minSimilarity, "Look similarity that groups shots")
        ->capture_default_str();
    app.add_option("--burst-similarity-timed", options.bursts.grouping.minSimilarityWithinGap,
                   "Look similarity that groups shots taken within the gap")
        ->capture_default_str();
    CLI11_PARSE(app, argc, argv);
    try {
        const fs::path work = fs::temp_directory_path() / ("twinsight-bench-" + std::to_string(getpid()));
        fs::create_directories(work);
        std::string train = options.train, test = options.test;
        if (train.empty() != test.empty()) throw std::invalid_argument("give both --train and --test, or neither");
        const bool collections = !options.collections.folder.empty();
        const bool needsScenes = train.empty() && (!options.skipSpeed || (!collections && !options.skipQuality));
        if (needsScenes) {
            train = (work / "train").string();
            test = (work / "test").string();
            core::writeSampleScenes(train, 60, /*seed=*/1);
            core::writeSampleScenes(test, 24, /*seed=*/2);
        }
        if (options.transforms.empty()) {
            for (const core::Transform* t : core::allTransforms()) options.transforms.push_back(t->name());
        }
        std::printf("twinsight-bench %s on %s, %u cores, device %s, LibTorch threads %d\n", kVersion, cpuName().c_str(),
                    std::thread::hardware_concurrency(), core::resolveDeviceName(options.device).c_str(),
                    core::defaultThreadCount());
        if (collections) std::printf("collections %s\n", options.collections.folder.c_str());
        if (!train.empty()) std::printf("train %s\ntest  %s\n", train.c_str(), test.c_str());
        if (!options.burstsOut.empty()) bench::writeBurstFolder(options.bursts, options.burstsOut);
        if (!options.bursts.folders.empty() && options.burstsOut.empty()) {
            if (options.bursts.models.empty()) throw std::invalid_argument("--bursts needs --burst-model");
            bench::runBurstBenchmark(options.bursts);
        }
        if (!options.collections.folder.empty() && !options.skipQuality) {
            options.collections.levels = options.levels;
            options.collections.device = options.device;
            bench::runCollectionBenchmark(options.collections, options.transforms);
            options.skipQuality = true;
        }
        std::vector<bench::QualityRow> rows;
        for (const std::string& transform : options.skipQuality ? std::vector<std::string>{} : options.transforms) {
            std::cout << "training " << transform << "...\n" << std::flush;
            const std::string modelOut = transform == "blur" ? (work / "blur.twinsight").string() : "";
            rows.push_back(bench::measureQuality(transform, train, test, options.levels, options.device, modelOut));
        }
        if (!rows.empty()) bench::printQualityTable(rows);
        if (!options.skipSpeed) runSpeed(options, work, train);
        fs::remove_all(work);
    } catch (const std::exception& error) {
        std::cerr << "twinsight-bench: " << error.what() << "\n";
        return 1;
    }
    return 0;
}
