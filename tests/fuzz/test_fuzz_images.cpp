// Mutated real image files (PNG, JPEG, TIFF, WebP, BMP, PNM, DICOM, DNG) through the header sniffers and the decoders:
// each mutant ends in an image or a one-line refusal naming the file; a JPEG or PNG cut short is never decoded as
// whole.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "core/imageio/internal/image_header.h"
#include "core/imageio/image_loading.h"
#include "core/samples/sample_scenes.h"
#include "fuzz/byte_mutator.h"
#include "fuzz/fuzz_outcome.h"
#include "support/dicom_writer.h"
#include "support/nifti_writer.h"
#include "support/dng_writer.h"
#include "support/temp_folder.h"

namespace twinsight::testing {
namespace {

constexpr int kHeaderMutants = 400;
constexpr int kDecodeMutants = 120;
constexpr int kWorkingSize = 64;

cv::Mat scene() { return core::renderSampleScene(3, 0, {96, 72}); }

std::string encoded(const std::string& extension) {
    std::vector<unsigned char> buffer;
    EXPECT_TRUE(cv::imencode(extension, scene(), buffer)) << extension;
    return {buffer.begin(), buffer.end()};
}

void writeBytes(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

std::string readBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

const std::vector<std::string> kEncodedFormats = {".png", ".jpg", ".tiff", ".webp", ".bmp", ".ppm"};

struct DecodingTallies {
    FuzzTally strict;   // loadImage, as `score` runs by default
    FuzzTally lenient;  // loadImageAllowingDamage, as `score --accept-damaged` runs
};

// Decodes every mutant of `original` through the loader, as `score` would; checks what is decoded and returns the
// tallies. Cut-short JPEGs and PNGs must be refused by the strict loader and reported as damaged by the lenient one.
DecodingTallies fuzzDecoding(const std::string& original, const std::string& extension, std::uint64_t seed) {
    TempFolder folder;
    ByteMutator mutator(seed);
    DecodingTallies tallies;
    const bool damageIsDetected = extension == ".png" || extension == ".jpg";
    for (int i = 0; i < kDecodeMutants; ++i) {
        const std::string mutant = mutator.mutate(original);
        const bool cutShort = mutator.lastWasTruncation() && mutant.size() < original.size();
        const std::string path = folder.file("mutant_" + std::to_string(i) + extension);
        writeBytes(path, mutant);
        const std::string name = extension + " mutant " + std::to_string(i);
        const bool decoded = fuzzOne(tallies.strict, path, name, [&] {
            const cv::Mat image = core::loadImage(path, kWorkingSize);
            EXPECT_FALSE(image.empty()) << name;
            EXPECT_EQ(image.type(), CV_8UC3) << name;
        });
        if (cutShort && damageIsDetected) {
            EXPECT_FALSE(decoded) << name << ": cut short, yet decoded as whole";
        }
        fuzzOne(tallies.lenient, path, name, [&] {
            const core::LoadedImage loaded = core::loadImageAllowingDamage(path, kWorkingSize);
            EXPECT_FALSE(loaded.image.empty()) << name;
            if (cutShort && damageIsDetected) {
                EXPECT_FALSE(loaded.damage.empty()) << name << ": damage not reported";
            }
        });
    }
    return tallies;
}

TEST(Fuzz, HeaderSniffersGiveAPositiveSizeOrNone) {
    for (const std::string& extension : kEncodedFormats) {
        const std::string original = encoded(extension);
        std::istringstream whole(original);
        const core::ImageHeader header = core::readImageHeader(whole);
        ASSERT_TRUE(header.size.has_value()) << extension;
        EXPECT_EQ(*header.size, cv::Size(96, 72)) << extension;
        ByteMutator mutator(11);
        FuzzTally tally;
        for (int i = 0; i < kHeaderMutants; ++i) {
            const std::string mutant = mutator.mutate(original);
            fuzzOne(tally, "", extension + " mutant " + std::to_string(i), [&] {
                std::istringstream in(mutant);
                const core::ImageHeader read = core::readImageHeader(in);
                if (read.size) {
                    EXPECT_TRUE(read.size->width > 0 && read.size->height > 0) << extension << " " << i;
                }
            });
        }
        EXPECT_EQ(tally.refusals, 0) << extension << ": the sniffer throws instead of answering 'not understood'";
    }
}

TEST(Fuzz, MutatedImagesDecodeOrAreRefusedNamingTheFile) {
    for (const std::string& extension : kEncodedFormats) {
        const DecodingTallies tallies = fuzzDecoding(encoded(extension), extension, 21);
        // The mutants reach both outcomes: some still decode (PNG's CRCs make nearly every change damage), some are
        // refused.
        EXPECT_GT(tallies.lenient.results, 0) << extension;
        EXPECT_GT(tallies.strict.refusals, 0) << extension;
    }
}

TEST(Fuzz, MutatedDicomFilesDecodeOrAreRefusedNamingTheFile) {
    TempFolder folder;
    cv::Mat grey;
    cv::cvtColor(scene(), grey, cv::COLOR_BGR2GRAY);
    cv::Mat wide;
    grey.convertTo(wide, CV_16UC1, 16.0);
    for (DicomEncoding encoding :
         {DicomEncoding::Uncompressed, DicomEncoding::RleLossless, DicomEncoding::JpegLossless}) {
        DicomSpec spec;
        spec.frames = {wide, wide};
        spec.bitsStored = 12;
        spec.encoding = encoding;
        const std::string path = folder.file("original.dcm");
        writeDicom(path, spec);
        const DecodingTallies tallies = fuzzDecoding(readBytes(path), ".dcm", 31 + static_cast<int>(encoding));
        EXPECT_GT(tallies.strict.results, 0) << static_cast<int>(encoding);
        EXPECT_GT(tallies.strict.refusals, 0) << static_cast<int>(encoding);
    }
}

TEST(Fuzz, MutatedNiftiVolumesListAndDecodeOrAreRefusedNamingTheFile) {
    TempFolder folder;
    for (const char* extension : {".nii", ".nii.gz"}) {
        NiftiSpec spec;
        spec.size = {24, 20, 6, 2};
        spec.slope = 1.5;
        spec.value = [](int x, int y, int z, int t) { return (x * 13 + y * 7 + z * 3 + t) % 200; };
        const std::string original = folder.file(std::string("original") + extension);
        writeNifti(original, spec);
        const std::string bytes = readBytes(original);
        ByteMutator mutator(41);
        FuzzTally tally;
        for (int i = 0; i < kDecodeMutants; ++i) {
            const std::string path = folder.file("mutant_" + std::to_string(i) + extension);
            writeBytes(path, mutator.mutate(bytes));
            const std::string name = std::string(extension) + " mutant " + std::to_string(i);
            // As a folder scan would: the slices the header names (the file itself when it names none), then the
            // first and last of them decoded.
            fuzzOne(tally, path, name, [&] {
                const std::vector<std::string> names = core::expandImagePaths({path});
                ASSERT_FALSE(names.empty()) << name;
                for (const std::string& slice : {names.front(), names.back()}) {
                    const cv::Mat image = core::loadImage(slice, kWorkingSize);
                    EXPECT_EQ(image.type(), CV_8UC3) << name;
                }
            });
        }
        EXPECT_GT(tally.results, 0) << extension;
        EXPECT_GT(tally.refusals, 0) << extension;
    }
}

TEST(Fuzz, MutatedRawFilesDecodeOrAreRefusedNamingTheFile) {
    for (DngPreview preview : {DngPreview::None, DngPreview::Jpeg}) {
        DngContent content;
        content.mosaic = bayerMosaic(core::renderSampleScene(3, 1, {128, 96}));
        content.previewKind = preview;
        if (preview != DngPreview::None) content.preview = core::renderSampleScene(3, 1, {64, 64});
        const DecodingTallies tallies = fuzzDecoding(dngBytes(content), ".dng", 41 + static_cast<int>(preview));
        EXPECT_GT(tallies.strict.results, 0) << static_cast<int>(preview);
        EXPECT_GT(tallies.strict.refusals, 0) << static_cast<int>(preview);
    }
}

}  // namespace
}  // namespace twinsight::testing
