// NIfTI volumes: slice names and counts, scaling, the volume-wide window, axes and spacing, 4D, colour, damaged
// and truncated files, the voxel limit, and a header text that never reaches an output. Every volume is written by
// the test itself through libnifti (support/nifti_writer).
#include "core/imageio/internal/nifti_decoding.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "core/imageio/image_loading.h"
#include "core/imageio/image_source.h"
#include "support/nifti_writer.h"
#include "support/error_of.h"
#include "support/temp_folder.h"

namespace twinsight::core {
namespace {

using testing::NiftiSpec;
using testing::NiftiType;
using testing::errorOf;
using testing::TempFolder;
using testing::writeNifti;

constexpr int kWorkingSize = 4096;  // no downscaling: pixels compared as decoded

int grey(const cv::Mat& bgr, int x, int y) { return bgr.at<cv::Vec3b>(y, x)[1]; }


void cutFile(const std::string& path, double share) {
    const auto size = std::filesystem::file_size(path);
    std::filesystem::resize_file(path, static_cast<std::uintmax_t>(size * share));
}

TEST(NiftiDecoding, A3DVolumeListsOneNamedImagePerSliceAlongZ) {
    TempFolder folder;
    NiftiSpec spec;
    spec.size = {16, 12, 6, 1};
    writeNifti(folder.file("brain.nii.gz"), spec);
    const std::vector<std::string> names = listImageFiles(folder.path().string());
    ASSERT_EQ(names.size(), 6u);
    EXPECT_EQ(names.front(), folder.file("brain.nii.gz") + "#z:1");
    EXPECT_EQ(names.back(), folder.file("brain.nii.gz") + "#z:6");
    const ImageSource source = parseImageSource(names[2]);
    EXPECT_EQ(source.file, folder.file("brain.nii.gz"));
    EXPECT_EQ(source.axis, 'z');
    EXPECT_EQ(source.frame, 3);
    EXPECT_EQ(source.suffix(), "#z:3");
    const cv::Mat slice = loadImage(names[2], kWorkingSize);
    EXPECT_EQ(slice.size(), cv::Size(16, 12)) << "columns along x, rows along y";
    EXPECT_EQ(slice.type(), CV_8UC3);
}

TEST(NiftiDecoding, The4DVolumeNamesCarryTheTimePointAndSortByIt) {
    TempFolder folder;
    NiftiSpec spec;
    spec.size = {8, 8, 3, 4};
    spec.type = NiftiType::Float32;
    writeNifti(folder.file("bold.nii"), spec);
    const std::vector<std::string> names = expandImagePaths({folder.file("bold.nii")});
    ASSERT_EQ(names.size(), 12u);
    EXPECT_EQ(names[0], folder.file("bold.nii") + "#t:1,z:1");
    EXPECT_EQ(names[5], folder.file("bold.nii") + "#t:2,z:3");
    std::vector<std::string> shuffled = {names[11], names[3], names[0], names[7]};
    std::sort(shuffled.begin(), shuffled.end(), imageNameLess);
    EXPECT_EQ(shuffled, (std::vector<std::string>{names[0], names[3], names[7], names[11]}));
    const ImageSource source = parseImageSource(names[5]);
    EXPECT_EQ(source.volume, 2);
    EXPECT_EQ(source.frame, 3);
    EXPECT_EQ(loadImage(names[5], kWorkingSize).size(), cv::Size(8, 8));
    EXPECT_NE(errorOf([&] { loadImage(folder.file("bold.nii") + "#z:1", kWorkingSize); }).find("time point"),
              std::string::npos);
}

TEST(NiftiDecoding, ScalingIsAppliedBeforeTheWindow) {
    // Stored z * 100; a negative slope turns the volume over: the first slice is the brightest.
    TempFolder folder;
    NiftiSpec spec;
    spec.size = {8, 8, 6, 1};
    spec.slope = -2.0;
    spec.intercept = 50.0;
    spec.value = [](int, int, int z, int) { return z * 100.0; };
    writeNifti(folder.file("scaled.nii"), spec);
    const std::string file = folder.file("scaled.nii");
    EXPECT_EQ(grey(loadImage(file + "#z:1", kWorkingSize), 3, 3), 255);
    EXPECT_EQ(grey(loadImage(file + "#z:6", kWorkingSize), 3, 3), 0);
}

TEST(NiftiDecoding, TheWindowSpansTheWholeVolumeSoSlicesStayComparable) {
    // Each slice is flat at its own level (z * 100 + 1000): a window per slice would make them all alike.
    TempFolder folder;
    NiftiSpec spec;
    spec.size = {10, 10, 6, 1};
    spec.value = [](int, int, int z, int) { return 1000.0 + z * 100.0; };
    writeNifti(folder.file("levels.nii.gz"), spec);
    const std::string file = folder.file("levels.nii.gz");
    std::vector<int> levels;
    for (int z = 1; z <= 6; ++z) levels.push_back(grey(loadImage(file + "#z:" + std::to_string(z), kWorkingSize), 5, 5));
    EXPECT_EQ(levels.front(), 0);
    EXPECT_EQ(levels.back(), 255);
    EXPECT_EQ(levels[2], 102) << "(1200 - 1000) / (1500 - 1000) of 255";
    EXPECT_TRUE(std::is_sorted(levels.begin(), levels.end()));
}

TEST(NiftiDecoding, AFewHotVoxelsDoNotSetTheWindow) {
    TempFolder folder;
    NiftiSpec spec;
    spec.size = {20, 20, 5, 1};
    spec.type = NiftiType::Float32;
    spec.value = [](int x, int y, int z, int) { return x == 0 && y == 0 && z == 0 ? 1e9 : x * 10.0; };
    writeNifti(folder.file("hot.nii"), spec);
    const cv::Mat slice = loadImage(folder.file("hot.nii") + "#z:3", kWorkingSize);
    EXPECT_EQ(grey(slice, 19, 10), 255);
    EXPECT_EQ(grey(slice, 0, 10), 0);
    EXPECT_NEAR(grey(slice, 10, 10), 134, 2) << "100 in a window of 0..190";
}

TEST(NiftiDecoding, TheSecondAxisOfASlicePointsUp) {
    TempFolder folder;
    NiftiSpec spec;
    spec.size = {6, 6, 6, 1};
    spec.value = [](int, int y, int z, int) { return y * 10.0 + z; };
    writeNifti(folder.file("up.nii"), spec);
    const cv::Mat axial = loadImage(folder.file("up.nii") + "#z:2", kWorkingSize);
    EXPECT_GT(grey(axial, 2, 0), grey(axial, 2, 5)) << "the top row is the largest y";
}

TEST(NiftiDecoding, AxesAreChosenAndPixelsMadeSquareFromTheSpacing) {
    TempFolder folder;
    NiftiSpec spec;
    spec.size = {20, 16, 5, 1};
    spec.spacing = {1.0f, 1.0f, 3.0f};  // thick slices along z
    writeNifti(folder.file("thick.nii"), spec);
    const std::string file = folder.file("thick.nii");
    const std::vector<std::string> acquisition = expandImagePaths({file});
    ASSERT_EQ(acquisition.size(), 5u) << "the coarsest axis is the acquisition's";
    EXPECT_EQ(acquisition.front(), file + "#z:1");
    const std::vector<std::string> all = expandImagePaths({file}, false, true, SliceAxes::All);
    EXPECT_EQ(all.size(), 20u + 16u + 5u);
    const std::vector<std::string> sagittal = expandImagePaths({file}, false, true, SliceAxes::X);
    ASSERT_EQ(sagittal.size(), 20u);
    EXPECT_EQ(sagittal.front(), file + "#x:1");
    EXPECT_EQ(loadImage(sagittal[4], kWorkingSize).size(), cv::Size(16, 15)) << "5 slices of 3 mm: 15 rows";
    EXPECT_EQ(loadImage(file + "#y:2", kWorkingSize).size(), cv::Size(20, 15));

    NiftiSpec declared = spec;
    declared.spacing = {1.0f, 1.0f, 1.0f};
    declared.sliceDim = 2;  // the header says the slices were acquired along y
    writeNifti(folder.file("coronal.nii"), declared);
    const std::vector<std::string> coronal = expandImagePaths({folder.file("coronal.nii")});
    ASSERT_EQ(coronal.size(), 16u);
    EXPECT_EQ(coronal.front(), folder.file("coronal.nii") + "#y:1");
    EXPECT_EQ(expandImagePaths({file}, false, true, parseSliceAxes("y,x")).size(), 20u + 16u);
    EXPECT_THROW(parseSliceAxes("w"), std::invalid_argument);
    EXPECT_THROW(parseSliceAxes("x,"), std::invalid_argument);
    EXPECT_EQ(parseSliceAxes("all"), SliceAxes::All);
}

TEST(NiftiDecoding, A2DFileIsOneSliceAndAHeaderOfCountlessSlicesIsRefused) {
    TempFolder folder;
    NiftiSpec flat;
    flat.size = {40, 30, 1, 1};
    flat.spacing = {1.5f, 1.6f, 0.0f};  // y the coarsest: its "slices" would be lines
    writeNifti(folder.file("flat.nii"), flat);
    EXPECT_EQ(expandImagePaths({folder.file("flat.nii")}), (std::vector<std::string>{folder.file("flat.nii") + "#z:1"}));
    EXPECT_EQ(loadImage(folder.file("flat.nii") + "#z:1", kWorkingSize).size(), cv::Size(40, 32))
        << "pixels made square from 1.5 x 1.6";

    NiftiSpec countless;
    countless.size = {1, 1, 1, 200000};  // within the voxel limit, but 200000 images
    writeNifti(folder.file("countless.nii"), countless);
    EXPECT_EQ(expandImagePaths({folder.file("countless.nii")}), (std::vector<std::string>{folder.file("countless.nii")}));
    const std::string message = errorOf([&] { loadImage(folder.file("countless.nii"), kWorkingSize); });
    EXPECT_NE(message.find("over the 100000 slice limit"), std::string::npos) << message;
}

TEST(NiftiDecoding, AnRgbVolumeKeepsItsColours) {
    TempFolder folder;
    NiftiSpec spec;
    spec.type = NiftiType::Rgb24;
    spec.value = [](int, int, int, int) { return 120.0; };
    writeNifti(folder.file("colour.nii"), spec);
    const cv::Mat slice = loadImage(folder.file("colour.nii") + "#z:2", kWorkingSize);
    EXPECT_EQ(slice.at<cv::Vec3b>(1, 1), cv::Vec3b(200, 10, 120)) << "BGR of RGB (120, 10, 200)";
}

TEST(NiftiDecoding, DamagedAndTruncatedVolumesAreOneLineEachAndPrintNothing) {
    TempFolder folder;
    NiftiSpec spec;
    spec.size = {32, 32, 8, 1};
    spec.value = [](int x, int y, int z, int) { return (x * 7 + y * 13 + z * 29) % 1000; };
    const std::string cut = folder.file("cut.nii.gz");
    writeNifti(cut, spec);
    cutFile(cut, 0.6);
    const std::string shortRaw = folder.file("short.nii");
    writeNifti(shortRaw, spec);
    cutFile(shortRaw, 0.5);
    const std::string garbage = folder.file("garbage.nii");
    std::ofstream(garbage) << std::string(600, 'x');
    const std::string headerCut = folder.file("header.nii.gz");
    writeNifti(headerCut, spec);
    cutFile(headerCut, 0.001);

    ::testing::internal::CaptureStderr();
    const ImageSet set = loadImagesFrom({folder.path().string()}, 256);
    const std::string printed = ::testing::internal::GetCapturedStderr();
    EXPECT_EQ(printed, "");
    EXPECT_TRUE(set.paths.empty());
    ASSERT_EQ(set.skipped.size(), 8u + 8u + 1u + 1u) << "the volumes whose header reads are listed by slice";
    for (const SkippedFile& skipped : set.skipped) {
        EXPECT_EQ(skipped.reason.find('\n'), std::string::npos) << skipped.reason;
        if (skipped.path.rfind(cut, 0) == 0 || skipped.path.rfind(shortRaw, 0) == 0) {
            EXPECT_EQ(skipped.reason.rfind("truncated or damaged NIfTI data", 0), 0u) << skipped.reason;
        }
    }
    const std::string message = errorOf([&] { loadImage(garbage, 256); });
    EXPECT_EQ(message.rfind(garbage + ": ", 0), 0u) << message;

    // Corrupt compressed data in the middle: zlib's error is no count of voxels.
    const std::string corrupt = folder.file("corrupt.nii.gz");
    NiftiSpec noisy = spec;  // incompressible: the header's deflate blocks end long before the damage
    noisy.size = {64, 64, 32, 1};
    noisy.type = NiftiType::Float32;
    noisy.value = [](int x, int y, int z, int) { return std::sin(x * 12.9898 + y * 78.233 + z * 37.719) * 43758.5453; };
    writeNifti(corrupt, noisy);
    {
        std::fstream file(corrupt, std::ios::in | std::ios::out | std::ios::binary);
        file.seekp(static_cast<std::streamoff>(std::filesystem::file_size(corrupt) / 2));
        file.write("\xff\x00\xff\x00\xff\x00\xff\x00", 8);
    }
    const std::string corruptMessage = errorOf([&] { loadImage(corrupt + "#z:1", 256); });
    EXPECT_EQ(corruptMessage.rfind(corrupt + ": truncated or damaged NIfTI data (", 0), 0u) << corruptMessage;
    EXPECT_EQ(corruptMessage.find("1844674407"), std::string::npos) << corruptMessage;
}

TEST(NiftiDecoding, TheVoxelLimitCountsTheWholeVolumeBeforeReadingIt) {
    TempFolder folder;
    NiftiSpec spec;
    spec.size = {100, 100, 30, 2};  // 0.6 million voxels, 0.01 in a slice
    writeNifti(folder.file("big.nii"), spec);
    ImageSource slice = parseImageSource(folder.file("big.nii") + "#t:1,z:1");
    const std::string message = errorOf([&] { decodeNiftiSlice(slice, 0.5); });
    EXPECT_NE(message.find("0.6 million voxels is over the 0.5 megapixel limit"), std::string::npos) << message;
    EXPECT_EQ(decodeNiftiSlice(slice, 1.0).size(), cv::Size(100, 100));
}

TEST(NiftiDecoding, HeaderTextNeverReachesANameOrAMessage) {
    TempFolder folder;
    NiftiSpec spec;
    spec.description = "PATIENT-SECRET-4711";
    const std::string good = folder.file("good.nii.gz");
    writeNifti(good, spec);
    const std::string cut = folder.file("cut.nii.gz");
    writeNifti(cut, spec);
    cutFile(cut, 0.7);
    const ImageSet set = loadImagesFrom({folder.path().string()}, 256);
    for (const std::string& path : set.paths) EXPECT_EQ(path.find("SECRET"), std::string::npos);
    for (const SkippedFile& skipped : set.skipped) EXPECT_EQ(skipped.reason.find("SECRET"), std::string::npos);
    EXPECT_EQ(set.paths.size(), 4u);
}

TEST(NiftiDecoding, SlicesOfOneVolumeDecodeTogetherFromSeveralThreads) {
    TempFolder folder;
    NiftiSpec spec;
    spec.size = {24, 24, 16, 1};
    spec.value = [](int x, int, int z, int) { return x + z * 24.0; };
    writeNifti(folder.file("shared.nii.gz"), spec);
    const std::vector<std::string> names = listImageFiles(folder.path().string());
    const ImageSet parallel = loadImages(names, kWorkingSize, 4);
    ASSERT_EQ(parallel.paths.size(), 16u);
    // Each slice is its own: the values rise by 24 a slice, so the first column's grey rises slice after slice.
    for (std::size_t i = 1; i < names.size(); ++i) {
        EXPECT_GT(grey(parallel.images[i], 0, 0), grey(parallel.images[i - 1], 0, 0)) << names[i];
        EXPECT_EQ(grey(parallel.images[i], 5, 0), grey(parallel.images[i], 5, 23)) << "the same along y";
    }
}

TEST(NiftiDecoding, TheSlicesOfADamagedVolumeJoinIntoOneSkippedEntry) {
    TempFolder folder;
    NiftiSpec spec;
    spec.size = {16, 16, 5, 1};
    const std::string cut = folder.file("cut.nii");
    writeNifti(cut, spec);
    cutFile(cut, 0.5);
    const std::string single = folder.file("single.nii");
    writeNifti(single, spec);
    std::vector<SkippedFile> skipped = loadImages(expandImagePaths({cut}), 64).skipped;
    ASSERT_EQ(skipped.size(), 5u);
    skipped.push_back({folder.file("other.png"), "not a readable image"});
    skipped.push_back({single + "#z:2", "some reason"});
    const std::vector<SkippedFile> joined = joinSkippedParts(skipped);
    ASSERT_EQ(joined.size(), 3u);
    EXPECT_EQ(joined[0].path, cut);
    EXPECT_EQ(joined[0].reason.rfind("truncated or damaged NIfTI data", 0), 0u) << joined[0].reason;
    EXPECT_NE(joined[0].reason.find("(5 slices)"), std::string::npos) << joined[0].reason;
    EXPECT_EQ(joined[1].path, folder.file("other.png"));
    EXPECT_EQ(joined[2].path, single + "#z:2") << "a single part keeps its name";
}

TEST(ImageSource, VolumeSliceNamesParseOnlyWhenTheirFileExists) {
    TempFolder folder;
    writeNifti(folder.file("v.nii"), NiftiSpec{});
    EXPECT_EQ(parseImageSource(folder.file("v.nii") + "#x:0").axis, 0) << "slices count from 1";
    EXPECT_EQ(parseImageSource(folder.file("v.nii") + "#w:2").axis, 0);
    EXPECT_EQ(parseImageSource(folder.file("v.nii") + "#t:0,z:2").axis, 0);
    EXPECT_EQ(parseImageSource(folder.file("missing.nii") + "#z:2").axis, 0);
    EXPECT_EQ(parseImageSource(folder.file("v.nii") + "#t:2,y:7").volume, 2);
    EXPECT_EQ(volumeSliceName("v.nii", 'y', 7, 2), "v.nii#t:2,y:7");
}

}  // namespace
}  // namespace twinsight::core
