// Camera RAW and DICOM through the ordinary loaders: folder listings, FILE#K frames, working size, orientation.

#include <gtest/gtest.h>

#include <fstream>

#include "core/imageio/image_loading.h"
#include "support/dicom_writer.h"
#include "support/dng_writer.h"
#include "support/temp_folder.h"

namespace twinsight::core {
namespace {

cv::Mat frameOf(int rows, int cols, int value) { return cv::Mat(rows, cols, CV_8UC1, cv::Scalar(value)); }

class FormatListing : public ::testing::Test {
protected:
    void SetUp() override {
        testing::DicomSpec series;
        series.frames = {frameOf(60, 80, 10), frameOf(60, 80, 120), frameOf(60, 80, 250)};
        testing::writeDicom(m_folder.file("ct.DCM"), series);
        testing::DicomSpec slice;
        slice.frames = {frameOf(40, 50, 77)};
        testing::writeDicom(m_folder.file("IM0001"), slice);
        std::ofstream(m_folder.file("notes.txt")) << "not an image";
        std::ofstream(m_folder.file("IMG_0001.CR2.xmp")) << "<x:xmpmeta/>";
        testing::DngContent dng;
        dng.mosaic = testing::bayerMosaic(cv::Mat(120, 160, CV_8UC3, cv::Scalar(40, 90, 200)));
        dng.orientation = 6;
        testing::writeDng(m_folder.file("IMG_0002.dng"), dng);
    }
    testing::TempFolder m_folder;
};

TEST_F(FormatListing, ListsFramesExtensionlessDicomAndRawButNotOtherFiles) {
    const std::vector<std::string> expected = {m_folder.file("IM0001"), m_folder.file("IMG_0002.dng"),
                                               m_folder.file("ct.DCM#1"), m_folder.file("ct.DCM#2"),
                                               m_folder.file("ct.DCM#3")};
    EXPECT_EQ(listImageFiles(m_folder.path().string()), expected);
    const std::vector<std::string> files = {m_folder.file("IM0001"), m_folder.file("IMG_0002.dng"),
                                            m_folder.file("ct.DCM")};
    EXPECT_EQ(listImageFiles(m_folder.path().string(), /*expandFrames=*/false), files);
}

TEST_F(FormatListing, EachFrameLoadsItsOwnContent) {
    EXPECT_EQ(loadImage(m_folder.file("ct.DCM#1"), 100).at<cv::Vec3b>(5, 5), cv::Vec3b(10, 10, 10));
    EXPECT_EQ(loadImage(m_folder.file("ct.DCM#3"), 100).at<cv::Vec3b>(5, 5), cv::Vec3b(250, 250, 250));
    EXPECT_EQ(loadImage(m_folder.file("IM0001"), 100).at<cv::Vec3b>(5, 5), cv::Vec3b(77, 77, 77));
    try {
        loadImage(m_folder.file("ct.DCM#4"), 100);
        FAIL() << "frame 4 of 3 loaded";
    } catch (const std::runtime_error& error) {
        EXPECT_NE(std::string(error.what()).find("frame 4"), std::string::npos) << error.what();
    }
}

TEST_F(FormatListing, RawComesOutAtWorkingSizeWithItsOrientation) {
    const cv::Mat image = loadImage(m_folder.file("IMG_0002.dng"), 40);
    EXPECT_EQ(image.type(), CV_8UC3);
    EXPECT_EQ(std::min(image.cols, image.rows), 40);
    EXPECT_GT(image.rows, image.cols) << "Orientation 6 turns the landscape sensor to portrait";
}

TEST_F(FormatListing, ExpandingPathsKeepsOrderAndNamesEachImageOnce) {
    const auto names = expandImagePaths(
        {m_folder.file("ct.DCM"), m_folder.path().string(), m_folder.file("IM0001"), m_folder.file("ct.DCM#2")});
    ASSERT_EQ(names.size(), 5U);
    EXPECT_EQ(names[0], m_folder.file("ct.DCM#1"));
    EXPECT_EQ(names[3], m_folder.file("IM0001"));
    EXPECT_THROW(expandImagePaths({m_folder.file("missing.png")}), std::runtime_error);
}

TEST_F(FormatListing, LoadingAFolderSkipsBrokenFilesWithTheirReasons) {
    std::ofstream(m_folder.file("broken.dcm")) << "DICM? no";
    std::ofstream(m_folder.file("broken.nef")) << "no raw here";
    const ImageSet set = loadImagesFrom({m_folder.path().string()}, 64, 1);
    EXPECT_EQ(set.images.size(), 5U);
    ASSERT_EQ(set.skipped.size(), 2U);
    for (const SkippedFile& file : set.skipped) EXPECT_FALSE(file.reason.empty()) << file.path;
}

}  // namespace
}  // namespace twinsight::core
