// Coverage-guided fuzzing by hand, with clang's libFuzzer (the `fuzz` preset): the surfaces the fixed-seed fuzz tests
// cover, chosen by TWINSIGHT_FUZZ_TARGET. Any input must end in a result or a std::exception with a one-line
// message; anything else (a crash, a sanitizer report, std::bad_alloc, a message of several lines) aborts, and
// libFuzzer keeps the input that did it.
//
//   TWINSIGHT_FUZZ_TARGET=image build/fuzz/tests/fuzz/twinsight_libfuzzer -max_total_time=600 CORPUS_FOLDER
//
// Targets: header (the header sniffers), image (decoding as `score` does; the input is written to a file named
// input.<TWINSIGHT_FUZZ_EXTENSION>, default png), csv (merge's parser and merge), xmp (the sidecar merge), model
// (the model loader).
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <new>
#include <sstream>
#include <stdexcept>
#include <string>
#include <unistd.h>

#include "core/imageio/internal/image_header.h"
#include "core/imageio/image_loading.h"
#include "core/model/trained_model.h"
#include "core/scoring/score_csv_merge.h"
#include "core/sidecars/xmp_sidecar.h"

namespace {

std::string environment(const char* name, const char* fallback) {
    const char* value = std::getenv(name);
    return value != nullptr && *value != '\0' ? value : fallback;
}

// A file of the process's own in the temporary folder, for the readers that take a path.
std::string scratchFile(const std::string& extension) {
    static const std::string folder = [] {
        const auto path = std::filesystem::temp_directory_path() / ("twinsight-libfuzzer-" + std::to_string(getpid()));
        std::filesystem::create_directories(path);
        return path.string();
    }();
    return folder + "/input." + extension;
}

std::string writtenToFile(const std::string& bytes, const std::string& extension) {
    const std::string path = scratchFile(extension);
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
    return path;
}

[[noreturn]] void finding(const std::string& what) {
    std::cerr << "twinsight_libfuzzer: " << what << std::endl;
    std::abort();
}

void runTarget(const std::string& target, const std::string& bytes) {
    if (target == "header") {
        std::istringstream in(bytes);
        const twinsight::core::ImageHeader header = twinsight::core::readImageHeader(in);
        if (header.size && (header.size->width <= 0 || header.size->height <= 0)) finding("a size that is not positive");
    } else if (target == "image") {
        const cv::Mat image =
            twinsight::core::loadImage(writtenToFile(bytes, environment("TWINSIGHT_FUZZ_EXTENSION", "png")), 64);
        if (image.empty() || image.type() != CV_8UC3) finding("an image that is empty or not 8-bit BGR");
    } else if (target == "csv") {
        const twinsight::core::MergedScores merged = twinsight::core::mergeScoreCsvs({{"fuzz.csv", bytes}}, nullptr);
        twinsight::core::parseCsv(merged.csv, "merged");  // what merge writes parses again
    } else if (target == "xmp") {
        const twinsight::core::XmpUpdate update{2, true, "Red", {{"blur", 0.75, 3.0, "px"}}};
        const std::string merged = twinsight::core::mergeXmpPacket(bytes, update, "fuzz.xmp");
        twinsight::core::mergeXmpPacket(merged, update, "again.xmp");  // what Twinsight writes it reads again
    } else if (target == "model") {
        twinsight::core::TrainedModel::load(writtenToFile(bytes, "twinsight"), "cpu");
    } else {
        finding("unknown TWINSIGHT_FUZZ_TARGET '" + target + "' (header, image, csv, xmp, model)");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::string target = environment("TWINSIGHT_FUZZ_TARGET", "header");
    try {
        runTarget(target, std::string(reinterpret_cast<const char*>(data), size));
    } catch (const std::bad_alloc&) {
        finding("std::bad_alloc: a size trusted before it was checked");
    } catch (const std::exception& error) {
        const std::string message = error.what();
        if (target != "csv" && message.find('\n') != std::string::npos) finding("a message of several lines: " + message);
    }
    return 0;
}
