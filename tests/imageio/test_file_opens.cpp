// How often loading a folder opens each file. JPEG, PNG and RAW: once, by their decoder. DICOM: twice, once for its
// frame count while the folder is listed (frame K of a file is an image of its own, "FILE#K") and once to decode,
// however many frames it has (the parsed file is kept while its frames decode); without an extension too, since the
// read that finds the signature parses the file in the same pass. Files that are never images (XMP sidecars,
// notes) are not opened.

#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "core/imageio/image_loading.h"
#include "core/samples/sample_scenes.h"
#include "open_counter.h"
#include "support/dicom_writer.h"
#include "support/dng_writer.h"
#include "support/temp_folder.h"
#include "support/xmp_samples.h"

namespace twinsight {
namespace {

using testing::TempFolder;

// One file of each kind Twinsight reads, and two it must leave alone.
void writeMixedFolder(const TempFolder& folder) {
    const cv::Mat scene = core::renderSampleScene(/*seed=*/3, /*index=*/0, {640, 480});
    cv::imwrite(folder.file("photo.jpg"), scene);
    cv::imwrite(folder.file("drawing.png"), scene);
    testing::DngContent dng;
    dng.mosaic = testing::bayerMosaic(scene);
    testing::writeDng(folder.file("camera.dng"), dng);
    testing::DngContent withPreview = dng;
    withPreview.previewKind = testing::DngPreview::Jpeg;
    cv::resize(scene, withPreview.preview, {}, 0.5, 0.5, cv::INTER_AREA);
    testing::writeDng(folder.file("camera-preview.dng"), withPreview);
    cv::Mat grey;
    cv::cvtColor(scene, grey, cv::COLOR_BGR2GRAY);
    testing::DicomSpec dicom;
    dicom.frames = {grey};
    testing::writeDicom(folder.file("slice.dcm"), dicom);
    testing::writeDicom(folder.file("IM000002"), dicom);  // DICOM as scanners name it: no extension
    testing::DicomSpec series = dicom;
    series.frames = {grey, grey, grey};
    testing::writeDicom(folder.file("series.dcm"), series);
    std::ofstream(folder.file("photo.xmp")) << testing::kDarktableSidecar;
    std::ofstream(folder.file("notes.txt")) << "shot on the 3rd\n";
}

TEST(FileOpens, LoadingAFolderOpensEachImageOnceAndNothingElse) {
    const TempFolder folder;
    writeMixedFolder(folder);
    testing::startCountingOpens(folder.path().string() + "/");
    const core::ImageSet set = core::loadImagesFrom({folder.path().string()}, 256, /*threads=*/1);
    const std::map<std::string, int> opens = testing::stopCountingOpens();

    ASSERT_TRUE(set.skipped.empty()) << set.skipped.front().path << ": " << set.skipped.front().reason;
    EXPECT_EQ(set.images.size(), 9U);  // 7 files, one of them 3 frames
    std::string table;
    for (const auto& [path, count] : opens) table += "  " + path.substr(folder.path().string().size() + 1) + " " +
                                                     std::to_string(count) + "\n";
    std::cout << "opens per file:\n" << table;
    const std::map<std::string, int> expected = {{"photo.jpg", 1}, {"drawing.png", 1}, {"camera.dng", 1},
                                                 {"camera-preview.dng", 1}, {"slice.dcm", 2}, {"series.dcm", 2},
                                                 {"IM000002", 2}};
    for (const auto& [image, count] : expected) {
        const auto found = opens.find(folder.file(image));
        EXPECT_EQ(found == opens.end() ? 0 : found->second, count) << image << "\n" << table;
    }
    EXPECT_EQ(opens.count(folder.file("photo.xmp")), 0U) << table;
    EXPECT_EQ(opens.count(folder.file("notes.txt")), 0U) << table;
}

// Once listed, decoding opens each file once, whatever its kind and however many frames it holds: the kind decided
// from the name (or, without a known extension, from the signature read by the same open that parses the file)
// sends it to its decoder alone.
TEST(FileOpens, DecodingTheListedImagesOpensEachFileOnce) {
    const TempFolder folder;
    writeMixedFolder(folder);
    const std::vector<std::string> names = core::expandImagePaths({folder.path().string()});
    ASSERT_EQ(names.size(), 9U);
    testing::startCountingOpens(folder.path().string() + "/");
    for (const std::string& name : names) EXPECT_FALSE(core::loadImage(name, 256).empty()) << name;
    const std::map<std::string, int> opens = testing::stopCountingOpens();
    for (const char* file : {"photo.jpg", "drawing.png", "camera.dng", "camera-preview.dng", "slice.dcm", "series.dcm",
                             "IM000002"}) {
        const auto found = opens.find(folder.file(file));
        EXPECT_EQ(found == opens.end() ? 0 : found->second, 1) << file;
    }
    EXPECT_EQ(opens.size(), 7U);
}

}  // namespace
}  // namespace twinsight
