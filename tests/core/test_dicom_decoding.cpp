// DICOM decoding: bit depths, windows, MONOCHROME1, frames, compression, bad files and privacy of messages.
// Every DICOM file is written by the test itself (support/dicom_writer).
#include "core/imageio/internal/dicom_decoding.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <functional>
#include <opencv2/imgcodecs.hpp>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "support/dicom_writer.h"
#include "support/error_of.h"
#include "support/temp_folder.h"

namespace twinsight::core {
namespace {

using testing::DicomEncoding;
using testing::DicomSpec;
using testing::errorOf;
using testing::TempFolder;
using testing::writeDicom;

// Generous for every file here, so that only the megapixel test meets the limit.
constexpr double kLimit = 100.0;

// rows x columns, value = f(x, y) saturated to CV_8U, CV_16U or CV_16S.
cv::Mat makeFrame(int rows, int columns, int type, const std::function<double(int, int)>& value) {
    cv::Mat_<double> values(rows, columns);
    for (int y = 0; y < rows; ++y) {
        for (int x = 0; x < columns; ++x) values(y, x) = value(x, y);
    }
    cv::Mat frame;
    values.convertTo(frame, type);
    return frame;
}

int grey(const cv::Mat& bgr, int x, int y) { return bgr.at<cv::Vec3b>(y, x)[1]; }


void expectOneLineFromPath(const std::string& message, const std::string& path) {
    EXPECT_EQ(message.rfind(path + ": ", 0), 0u) << message;
    EXPECT_EQ(message.find('\n'), std::string::npos) << message;
}

// 16-bit gradient along y (top dark), values 1000..1000+16*rows.
DicomSpec sixteenBitGradient() {
    DicomSpec spec;
    spec.frames = {makeFrame(64, 48, CV_16U, [](int, int y) { return 1000 + 16 * y; })};
    return spec;
}

TEST(DicomDecoding, RecognisesExtensionsAndSignature) {
    for (const char* name : {"/a/b/scan.dcm", "scan.DICOM", "x.Dcm"}) EXPECT_TRUE(hasDicomExtension(name)) << name;
    for (const char* name : {"scan.png", "dcm", "scan.dcm.txt"}) EXPECT_FALSE(hasDicomExtension(name)) << name;
    TempFolder folder;
    writeDicom(folder.file("IM000001"), sixteenBitGradient());
    EXPECT_TRUE(hasDicomSignature(folder.file("IM000001")));
    cv::imwrite(folder.file("photo.png"), cv::Mat(300, 300, CV_8UC3, cv::Scalar(1, 2, 3)));
    std::ofstream(folder.file("short.dcm")) << "DICM";
    for (const char* name : {"photo.png", "short.dcm", "missing.dcm"}) {
        EXPECT_FALSE(hasDicomSignature(folder.file(name))) << name;
    }
    EXPECT_EQ(dicomFrameCount(folder.file("IM000001")), 1);
}

TEST(DicomDecoding, EightBitMonochromeIsShownAsStored) {
    TempFolder folder;
    DicomSpec spec;
    spec.frames = {makeFrame(8, 256, CV_8U, [](int x, int) { return x; })};
    writeDicom(folder.file("a.dcm"), spec);
    const cv::Mat image = decodeDicomFrame(folder.file("a.dcm"), 0, kLimit);
    ASSERT_EQ(image.type(), CV_8UC3);
    ASSERT_EQ(image.size(), cv::Size(256, 8));
    for (int x = 0; x < 256; x += 15) EXPECT_EQ(image.at<cv::Vec3b>(4, x), cv::Vec3b(x, x, x)) << x;
}

TEST(DicomDecoding, SixteenBitWithoutWindowIsStretchedTopDarkBottomBright) {
    TempFolder folder;
    writeDicom(folder.file("a.dcm"), sixteenBitGradient());
    const cv::Mat image = decodeDicomFrame(folder.file("a.dcm"), 0, kLimit);
    ASSERT_EQ(image.size(), cv::Size(48, 64));
    EXPECT_LE(grey(image, 10, 0), 5);
    EXPECT_GE(grey(image, 10, 63), 250);
    for (int y = 1; y < 64; ++y) EXPECT_GE(grey(image, 10, y), grey(image, 10, y - 1)) << y;
}

TEST(DicomDecoding, AppliesSignedRescaleThenTheFilesWindow) {
    TempFolder folder;
    DicomSpec spec;
    const std::vector<int> stored = {-2000, 500, 800, 850, 1100, 2000};
    spec.frames = {makeFrame(2, 6, CV_16S, [&](int x, int) { return stored[x]; })};
    spec.rescale = {{2.0, -1000.0}};  // modality values -5000, 0, 600, 700, 1200, 3000
    spec.window = {{600.0, 1000.0}};  // 100 and below black, 1100 and above white
    writeDicom(folder.file("a.dcm"), spec);
    const cv::Mat image = decodeDicomFrame(folder.file("a.dcm"), 0, kLimit);
    // The first would be white if the pixels were read as unsigned; the third 179, 0 or 255 if the rescale, its
    // slope or its intercept were ignored.
    const std::vector<int> expected = {0, 0, 128, 153, 255, 255};
    for (int x = 0; x < 6; ++x) EXPECT_NEAR(grey(image, x, 0), expected[x], 1.0) << x;
}

TEST(DicomDecoding, PercentileWindowIgnoresAFewOutliers) {
    TempFolder folder;
    DicomSpec spec;
    cv::Mat frame = makeFrame(64, 64, CV_16U, [](int x, int) { return 1000 + 2 * x; });
    for (int i = 0; i < 8; ++i) frame.at<std::uint16_t>(i, 0) = 65535;  // 0.2% hot pixels
    for (int i = 0; i < 8; ++i) frame.at<std::uint16_t>(i, 1) = 0;      // and dead ones
    spec.frames = {frame};
    writeDicom(folder.file("a.dcm"), spec);
    const cv::Mat image = decodeDicomFrame(folder.file("a.dcm"), 0, kLimit);
    EXPECT_LE(grey(image, 0, 32), 10);  // with a min/max window the whole gradient would be 4 grey levels
    EXPECT_GE(grey(image, 63, 32), 245);
    EXPECT_NEAR(grey(image, 32, 32), 128, 10);
}

TEST(DicomDecoding, TwelveBitsStoredIgnoresTheUnusedHighBits) {
    TempFolder folder;
    DicomSpec spec;
    spec.frames = {makeFrame(4, 64, CV_16U, [](int x, int) { return 0xF000 | (x * 64); })};
    spec.bitsStored = 12;
    spec.window = {{2048.0, 4096.0}};  // the whole 12-bit range
    writeDicom(folder.file("a.dcm"), spec);
    const cv::Mat image = decodeDicomFrame(folder.file("a.dcm"), 0, kLimit);
    for (int x = 0; x < 64; x += 7) EXPECT_NEAR(grey(image, x, 1), x * 64 * 255.0 / 4095.0, 1.0) << x;
}

TEST(DicomDecoding, MonochromeOneIsInverted) {
    TempFolder folder;
    DicomSpec spec;
    spec.frames = {makeFrame(4, 256, CV_8U, [](int x, int) { return x; })};
    spec.photometric = "MONOCHROME1";
    writeDicom(folder.file("a.dcm"), spec);
    const cv::Mat image = decodeDicomFrame(folder.file("a.dcm"), 0, kLimit);
    for (int x = 0; x < 256; ++x) EXPECT_EQ(grey(image, x, 0), 255 - x) << x;
    DicomSpec sixteen = sixteenBitGradient();
    writeDicom(folder.file("m2.dcm"), sixteen);
    sixteen.photometric = "MONOCHROME1";
    writeDicom(folder.file("m1.dcm"), sixteen);
    cv::Mat inverse;
    cv::bitwise_not(decodeDicomFrame(folder.file("m2.dcm"), 0, kLimit), inverse);
    EXPECT_EQ(cv::norm(decodeDicomFrame(folder.file("m1.dcm"), 0, kLimit), inverse, cv::NORM_INF), 0.0);
}

TEST(DicomDecoding, RgbComesOutAsBgr) {
    TempFolder folder;
    DicomSpec spec;
    cv::Mat rgb(10, 20, CV_8UC3, cv::Scalar(255, 0, 0));  // red, in RGB order
    rgb.colRange(10, 20).setTo(cv::Scalar(0, 0, 255));    // blue
    spec.frames = {rgb};
    writeDicom(folder.file("a.dcm"), spec);
    const cv::Mat image = decodeDicomFrame(folder.file("a.dcm"), 0, kLimit);
    EXPECT_EQ(image.at<cv::Vec3b>(5, 2), cv::Vec3b(0, 0, 255));
    EXPECT_EQ(image.at<cv::Vec3b>(5, 15), cv::Vec3b(255, 0, 0));
}

TEST(DicomDecoding, EachFrameOfAMultiFrameFileDecodesToItsOwnContent) {
    TempFolder folder;
    DicomSpec spec;
    const std::vector<int> levels = {10, 120, 240};
    for (int level : levels) spec.frames.push_back(makeFrame(16, 24, CV_8U, [=](int, int) { return level; }));
    const std::string path = folder.file("cine.dcm");
    writeDicom(path, spec);
    ASSERT_EQ(dicomFrameCount(path), 3);
    for (int i = 0; i < 3; ++i) EXPECT_EQ(grey(decodeDicomFrame(path, i, kLimit), 12, 8), levels[i]) << i;
    EXPECT_EQ(errorOf([&] { decodeDicomFrame(path, 3, kLimit); }), path + ": frame 4 requested, the file has 3");
    EXPECT_THROW(decodeDicomFrame(path, -1, kLimit), std::invalid_argument);
    spec.claimedFrames = 9;  // a header that claims more frames than the pixel data holds
    writeDicom(path, spec);
    EXPECT_EQ(dicomFrameCount(path), 3);
    spec.encoding = DicomEncoding::UnsupportedJpeg2000;  // 3 fragments: 3 frames at most
    writeDicom(folder.file("fragments.dcm"), spec);
    EXPECT_EQ(dicomFrameCount(folder.file("fragments.dcm")), 3);
    EXPECT_EQ(errorOf([&] { decodeDicomFrame(path, 3, kLimit); }), path + ": frame 4 requested, the file has 3");
}

TEST(DicomDecoding, RefusesFramesOverTheMegapixelLimit) {
    TempFolder folder;
    DicomSpec spec;
    spec.frames = {cv::Mat(1000, 2000, CV_8U, cv::Scalar(7))};
    const std::string path = folder.file("big.dcm");
    writeDicom(path, spec);
    EXPECT_EQ(errorOf([&] { decodeDicomFrame(path, 0, 1.0); }),
              path + ": 2.0 megapixels is over the 1 megapixel limit");
    EXPECT_EQ(decodeDicomFrame(path, 0, 2.0).size(), cv::Size(2000, 1000));
}

class CompressedDicom : public ::testing::TestWithParam<DicomEncoding> {};

TEST_P(CompressedDicom, DecodesLikeTheUncompressedFile) {
    TempFolder folder;
    DicomSpec spec;
    spec.frames = {makeFrame(40, 50, CV_16U, [](int x, int y) { return 500 + 37 * x + 11 * y + (x * y) % 13; }),
                   makeFrame(40, 50, CV_16U, [](int x, int y) { return 3000 - 20 * x + 5 * y; })};
    spec.bitsStored = 12;
    writeDicom(folder.file("plain.dcm"), spec);
    spec.encoding = GetParam();
    writeDicom(folder.file("packed.dcm"), spec);
    ASSERT_NE(std::filesystem::file_size(folder.file("plain.dcm")),
              std::filesystem::file_size(folder.file("packed.dcm")));
    for (int frame = 0; frame < 2; ++frame) {
        const cv::Mat plain = decodeDicomFrame(folder.file("plain.dcm"), frame, kLimit);
        const cv::Mat packed = decodeDicomFrame(folder.file("packed.dcm"), frame, kLimit);
        ASSERT_EQ(plain.size(), packed.size());
        EXPECT_EQ(cv::norm(plain, packed, cv::NORM_INF), 0.0) << frame;
    }
}

INSTANTIATE_TEST_SUITE_P(Lossless, CompressedDicom,
                         ::testing::Values(DicomEncoding::RleLossless, DicomEncoding::JpegLossless,
                                           DicomEncoding::JpegLsLossless));

TEST(DicomDecoding, BadFilesGiveOneLineStartingWithThePath) {
    TempFolder folder;
    DicomSpec spec = sixteenBitGradient();
    spec.patientName = "SECRET^PATIENT";
    writeDicom(folder.file("whole.dcm"), spec);
    const auto size = std::filesystem::file_size(folder.file("whole.dcm"));
    std::vector<std::string> bad;
    for (const auto& [name, keep] : {std::pair{"cut_pixels.dcm", size - 1000}, {"cut_header.dcm", 300}}) {
        std::filesystem::copy_file(folder.file("whole.dcm"), folder.file(name));
        std::filesystem::resize_file(folder.file(name), keep);
        bad.push_back(folder.file(name));
    }
    std::mt19937 random(7);
    std::string noise(5000, '\0');
    for (char& byte : noise) byte = static_cast<char>(random());
    std::ofstream(folder.file("noise.dcm"), std::ios::binary) << noise;
    std::ofstream(folder.file("empty.dcm")).close();
    std::ofstream(folder.file("text.dcm")) << "SECRET^PATIENT is not an image\n";
    DicomSpec noImage;
    noImage.patientName = "SECRET^PATIENT";
    writeDicom(folder.file("report.dcm"), noImage);
    for (const char* name : {"noise.dcm", "empty.dcm", "text.dcm", "report.dcm", "missing.dcm"}) {
        bad.push_back(folder.file(name));
    }
    for (const std::string& path : bad) {
        expectOneLineFromPath(errorOf([&] { decodeDicomFrame(path, 0, kLimit); }), path);
        expectOneLineFromPath(errorOf([&] { dicomFrameCount(path); }), path);
    }
    spec.encoding = DicomEncoding::UnsupportedJpeg2000;
    writeDicom(folder.file("j2k.dcm"), spec);
    EXPECT_EQ(dicomFrameCount(folder.file("j2k.dcm")), 1);
    EXPECT_EQ(
        errorOf([&] { decodeDicomFrame(folder.file("j2k.dcm"), 0, kLimit); }),
        folder.file("j2k.dcm") + ": cannot decode pixel data (unsupported transfer syntax JPEG 2000 (Lossless only))");
}

TEST(DicomDecoding, RleSegmentOffsetsOutsideTheFragmentAreRefusedBeforeDcmtkDecodes) {
    TempFolder folder;
    DicomSpec spec = sixteenBitGradient();
    spec.encoding = DicomEncoding::RleLossless;
    writeDicom(folder.file("rle.dcm"), spec);
    std::ifstream in(folder.file("rle.dcm"), std::ios::binary);
    std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    // The fragment's header: 2 segments (16-bit samples), the first at byte 64, then the second's offset.
    const std::size_t header = bytes.find(std::string("\x02\0\0\0\x40\0\0\0", 8));
    ASSERT_NE(header, std::string::npos);
    ASSERT_FALSE(decodeDicomFrame(folder.file("rle.dcm"), 0, kLimit).empty());
    for (const std::uint32_t offset : {0xFFFFFF00u, 0x40u, 0x20u}) {
        std::string damaged = bytes;
        for (int i = 0; i < 4; ++i)
            damaged[header + 8 + std::size_t(i)] = static_cast<char>((offset >> (8 * i)) & 0xFF);
        std::ofstream(folder.file("damaged.dcm"), std::ios::binary | std::ios::trunc) << damaged;
        EXPECT_EQ(errorOf([&] { decodeDicomFrame(folder.file("damaged.dcm"), 0, kLimit); }),
                  folder.file("damaged.dcm") + ": damaged RLE pixel data (frame 1)")
            << std::hex << offset;
    }
}

TEST(DicomDecoding, NoMessageOrLogQuotesThePatientName) {
    TempFolder folder;
    DicomSpec spec = sixteenBitGradient();
    spec.patientName = "SECRET^PATIENT";
    const std::string whole = folder.file("whole.dcm");
    const std::string cut = folder.file("cut.dcm");
    writeDicom(whole, spec);
    std::filesystem::copy_file(whole, cut);
    std::filesystem::resize_file(cut, std::filesystem::file_size(whole) - 2000);
    ::testing::internal::CaptureStderr();
    const std::vector<std::string> messages = {errorOf([&] { decodeDicomFrame(cut, 0, kLimit); }),
                                               errorOf([&] { decodeDicomFrame(whole, 5, kLimit); }),
                                               errorOf([&] { decodeDicomFrame(whole, 0, 0.001); })};
    EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");  // DCMTK logs the truncation when its logging is on
    for (const std::string& message : messages) EXPECT_EQ(message.find("SECRET"), std::string::npos) << message;
}

TEST(DicomDecoding, DecodesFromSeveralThreadsAtOnce) {
    TempFolder folder;
    DicomSpec spec = sixteenBitGradient();
    std::vector<std::string> paths;
    for (DicomEncoding encoding : {DicomEncoding::Uncompressed, DicomEncoding::RleLossless, DicomEncoding::JpegLossless,
                                   DicomEncoding::JpegLsLossless}) {
        spec.encoding = encoding;
        paths.push_back(folder.file("f" + std::to_string(paths.size()) + ".dcm"));
        writeDicom(paths.back(), spec);
    }
    const cv::Mat expected = decodeDicomFrame(paths.front(), 0, kLimit);
    std::atomic<int> mismatches{0};
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < 8; ++t) {
        threads.emplace_back([&, t] {
            for (std::size_t round = 0; round < 20; ++round) {
                try {  // an exception must not leave the thread
                    const cv::Mat image = decodeDicomFrame(paths[(t + round) % paths.size()], 0, kLimit);
                    if (cv::norm(image, expected, cv::NORM_INF) != 0) ++mismatches;
                } catch (const std::exception&) {
                    ++mismatches;
                }
            }
        });
    }
    for (std::thread& thread : threads) thread.join();
    EXPECT_EQ(mismatches, 0);
}

}  // namespace
}  // namespace twinsight::core
