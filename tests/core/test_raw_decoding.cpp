// Camera RAW decoding on DNG files written by the test: the half-size raw path, the embedded preview path, the
// orientation of both, the megapixel limit and one-line errors for damaged files.

#include "core/imageio/internal/raw_decoding.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <opencv2/imgproc.hpp>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "support/dng_writer.h"
#include "support/temp_folder.h"

using namespace twinsight::core;
using twinsight::testing::DngContent;
using twinsight::testing::DngPreview;
using twinsight::testing::TempFolder;

namespace {

// Sensor size of the test files: small and fast, yet over LibRaw's 22-pixel minimum.
const cv::Size kSensor(240, 160);
// Preview size: fewer pixels than the sensor, as LibRaw takes the largest image for the raw one.
const cv::Size kPreview(180, 120);
// Shorter side of the half-size decode.
constexpr int kHalfShorter = 80;
// Blue and red halves of the preview: nothing like the grey gradient of the raw data.
const cv::Scalar kBlue(255, 0, 0), kRed(0, 0, 255);

// Grey, dark on the left and bright on the right.
cv::Mat gradientScene() {
    cv::Mat scene(kSensor, CV_8UC3);
    for (int x = 0; x < scene.cols; ++x) scene.col(x).setTo(cv::Scalar::all(20 + x * 200 / (scene.cols - 1)));
    return scene;
}

cv::Mat twoHalves(cv::Size size, cv::Scalar left, cv::Scalar right) {
    cv::Mat image(size, CV_8UC3, left);
    image.colRange(size.width / 2, size.width).setTo(right);
    return image;
}

DngContent content(int orientation, DngPreview previewKind) {
    DngContent dng;
    dng.mosaic = twinsight::testing::bayerMosaic(gradientScene());
    dng.orientation = orientation;
    dng.previewKind = previewKind;
    if (previewKind != DngPreview::None) dng.preview = twoHalves(kPreview, kBlue, kRed);
    return dng;
}

// Mean colour of the quarter of `image` on side 'L', 'R', 'T' or 'B'.
cv::Scalar sideMean(const cv::Mat& image, char side) {
    const int w = image.cols / 4, h = image.rows / 4;
    const cv::Rect rect = side == 'L'   ? cv::Rect(0, 0, w, image.rows)
                          : side == 'R' ? cv::Rect(image.cols - w, 0, w, image.rows)
                          : side == 'T' ? cv::Rect(0, 0, image.cols, h)
                                        : cv::Rect(0, image.rows - h, image.cols, h);
    return cv::mean(image(rect));
}

char opposite(char side) { return side == 'L' ? 'R' : side == 'R' ? 'L' : side == 'T' ? 'B' : 'T'; }

bool isGrey(const cv::Scalar& colour) {
    return std::abs(colour[0] - colour[1]) < 20 && std::abs(colour[1] - colour[2]) < 20;
}

// Where the left side of the stored image ends up for a TIFF orientation.
struct Orientation {
    int tag;
    bool portrait;
    char leftGoesTo;
};
const std::vector<Orientation> kOrientations = {{1, false, 'L'}, {3, false, 'R'}, {6, true, 'T'}, {8, true, 'B'}};

std::string errorOf(const std::string& path, int workingSize = 64, double maxMegapixels = 100) {
    try {
        decodeRawImage(path, workingSize, maxMegapixels);
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "";
}

void writeBytes(const std::string& path, const std::string& bytes) { std::ofstream(path, std::ios::binary) << bytes; }

}  // namespace

TEST(RawDecoding, RawOnlyDngUsesHalfSizeDecodeWithTheSceneGradient) {
    const TempFolder folder;
    const std::string path = folder.file("gradient.dng");
    twinsight::testing::writeDng(path, content(1, DngPreview::None));
    const cv::Mat image = decodeRawImage(path, /*workingSize=*/64, /*maxMegapixels=*/100);
    ASSERT_EQ(image.type(), CV_8UC3);
    EXPECT_EQ(image.size(), cv::Size(kSensor.width / 2, kSensor.height / 2));
    const cv::Scalar left = sideMean(image, 'L'), right = sideMean(image, 'R');
    EXPECT_LT(left[1] + 60, right[1]) << "left " << left << " right " << right;
    EXPECT_TRUE(isGrey(left) && isGrey(right)) << "grey scene, camera white balance: " << left << right;
}

TEST(RawDecoding, HalfSizeDecodeAppliesTheOrientation) {
    const TempFolder folder;
    for (const Orientation& orientation : kOrientations) {
        SCOPED_TRACE("Orientation " + std::to_string(orientation.tag));
        const std::string path = folder.file("o" + std::to_string(orientation.tag) + ".dng");
        twinsight::testing::writeDng(path, content(orientation.tag, DngPreview::None));
        const cv::Mat image = decodeRawImage(path, /*workingSize=*/64, /*maxMegapixels=*/100);
        const cv::Size half(kSensor.width / 2, kSensor.height / 2);
        EXPECT_EQ(image.size(), orientation.portrait ? cv::Size(half.height, half.width) : half);
        const char dark = orientation.leftGoesTo;
        EXPECT_LT(sideMean(image, dark)[1] + 60, sideMean(image, opposite(dark))[1]);
    }
}

class RawPreview : public ::testing::TestWithParam<DngPreview> {};

TEST_P(RawPreview, LargeEnoughPreviewIsUsedWithTheOrientation) {
    const TempFolder folder;
    for (const Orientation& orientation : kOrientations) {
        SCOPED_TRACE("Orientation " + std::to_string(orientation.tag));
        const std::string path = folder.file("p" + std::to_string(orientation.tag) + ".dng");
        twinsight::testing::writeDng(path, content(orientation.tag, GetParam()));
        const cv::Mat image = decodeRawImage(path, /*workingSize=*/kPreview.height, /*maxMegapixels=*/100);
        ASSERT_EQ(image.type(), CV_8UC3);
        const cv::Size preview = orientation.portrait ? cv::Size(kPreview.height, kPreview.width) : kPreview;
        EXPECT_EQ(image.size(), preview);
        const cv::Scalar blue = sideMean(image, orientation.leftGoesTo);
        const cv::Scalar red = sideMean(image, opposite(orientation.leftGoesTo));
        EXPECT_GT(blue[0], 200) << blue;
        EXPECT_LT(blue[2], 60) << blue;
        EXPECT_GT(red[2], 200) << red;
        EXPECT_LT(red[0], 60) << red;
    }
}

TEST_P(RawPreview, JpegPreviewIsDecodedReducedWhenThatStillCoversTheWorkingSize) {
    const TempFolder folder;
    const std::string path = folder.file("reduced.dng");
    twinsight::testing::writeDng(path, content(6, GetParam()));
    const cv::Mat image = decodeRawImage(path, /*workingSize=*/kPreview.height / 2, /*maxMegapixels=*/100);
    const int factor = GetParam() == DngPreview::Jpeg ? 2 : 1;  // bitmaps have no cheap reduced decode
    EXPECT_EQ(image.size(), cv::Size(kPreview.height / factor, kPreview.width / factor));
    EXPECT_GT(sideMean(image, 'T')[0], 200);  // still the preview, rotated: its blue left half on top
}

TEST_P(RawPreview, TooSmallPreviewFallsBackToHalfSizeRaw) {
    const TempFolder folder;
    const std::string path = folder.file("small_preview.dng");
    twinsight::testing::writeDng(path, content(6, GetParam()));
    const cv::Mat image = decodeRawImage(path, /*workingSize=*/kPreview.height + 1, /*maxMegapixels=*/100);
    EXPECT_EQ(image.size(), cv::Size(kSensor.height / 2, kSensor.width / 2));  // portrait half-size raw
    EXPECT_TRUE(isGrey(sideMean(image, 'T')) && isGrey(sideMean(image, 'B'))) << "raw data, not the preview";
    EXPECT_LT(sideMean(image, 'T')[1] + 60, sideMean(image, 'B')[1]);
}

TEST_P(RawPreview, UnreadablePreviewFallsBackToHalfSizeRaw) {
    const TempFolder folder;
    const std::string path = folder.file("damaged_preview.dng");
    DngContent dng = content(1, GetParam());
    dng.previewPastEnd = true;  // LibRaw fails on it and resets itself: the file must be opened again
    twinsight::testing::writeDng(path, dng);
    const cv::Mat image = decodeRawImage(path, /*workingSize=*/kPreview.height, /*maxMegapixels=*/100);
    EXPECT_EQ(image.size(), cv::Size(kSensor.width / 2, kSensor.height / 2));
    EXPECT_LT(sideMean(image, 'L')[1] + 60, sideMean(image, 'R')[1]);
}

INSTANTIATE_TEST_SUITE_P(BitmapAndJpeg, RawPreview, ::testing::Values(DngPreview::Bitmap, DngPreview::Jpeg),
                         [](const auto& info) { return info.param == DngPreview::Jpeg ? "Jpeg" : "Bitmap"; });

TEST(RawDecoding, RefusesImagesOverTheMegapixelLimit) {
    const TempFolder folder;
    const std::string path = folder.file("limit.dng");
    twinsight::testing::writeDng(path, content(1, DngPreview::Bitmap));
    EXPECT_EQ(errorOf(path, 64, /*maxMegapixels=*/0.01), path + ": 0.0 megapixels is over the 0.01 megapixel limit");
    EXPECT_EQ(errorOf(path, 64, /*maxMegapixels=*/0.04), "");  // 240 x 160 = 0.0384 megapixels
}

TEST(RawDecoding, DamagedFilesGiveOneLineErrorsNamingThePath) {
    const TempFolder folder;
    const std::string dng = twinsight::testing::dngBytes(content(1, DngPreview::None));
    std::mt19937 random(/*seed=*/7);
    std::string noise(4096, '\0');
    for (char& c : noise) c = static_cast<char>(random() & 0xFF);
    const std::vector<std::pair<std::string, std::string>> files = {
        {"truncated.dng", dng.substr(0, dng.size() - kSensor.area())},  // half of the 16-bit sensor data missing
        {"header_only.dng", dng.substr(0, 100)},
        {"noise.nef", noise},
        {"empty.cr2", ""}};
    for (const auto& [name, bytes] : files) {
        const std::string path = folder.file(name);
        writeBytes(path, bytes);
        ::testing::internal::CaptureStderr();
        const std::string message = errorOf(path);
        const std::string stderrText = ::testing::internal::GetCapturedStderr();
        EXPECT_EQ(message.rfind(path + ": ", 0), 0u) << message;
        EXPECT_EQ(message.find('\n'), std::string::npos) << message;
        EXPECT_GT(message.size(), path.size() + 10) << message;
        EXPECT_EQ(stderrText, "") << name;
    }
    EXPECT_EQ(errorOf(folder.file("truncated.dng")),
              folder.file("truncated.dng") + ": corrupt RAW data (unexpected end of file)");
    EXPECT_EQ(errorOf(folder.file("empty.cr2")), folder.file("empty.cr2") + ": empty file");
    EXPECT_EQ(errorOf(folder.file("noise.nef")),
              folder.file("noise.nef") + ": not a RAW image LibRaw can read (Unsupported file format or not RAW file)");
    EXPECT_EQ(errorOf(folder.file("missing.dng")), folder.file("missing.dng") + ": file does not exist");
}

TEST(RawDecoding, FilesCutAnywhereDecodeOrThrowWithThePath) {
    const TempFolder folder;
    const std::string dng = twinsight::testing::dngBytes(content(6, DngPreview::Jpeg));
    const std::string path = folder.file("cut.dng");
    for (std::size_t length = 0; length < dng.size(); length += dng.size() / 23) {
        writeBytes(path, dng.substr(0, length));
        const std::string message = errorOf(path, kPreview.height + 1);  // the raw data is needed, not the preview
        EXPECT_EQ(message.rfind(path + ": ", 0), 0u) << length << ": " << message;
    }
}

TEST(RawDecoding, RejectsBadArguments) {
    EXPECT_THROW(decodeRawImage("x.dng", 0, 100), std::invalid_argument);
    EXPECT_THROW(decodeRawImage("x.dng", 64, 0), std::invalid_argument);
}

TEST(RawDecoding, DecodesFromSeveralThreadsAtOnce) {
    const TempFolder folder;
    std::vector<std::string> paths;
    for (int i = 0; i < 4; ++i) {
        paths.push_back(folder.file("t" + std::to_string(i) + ".dng"));
        twinsight::testing::writeDng(paths.back(), content(i % 2 == 0 ? 1 : 6, DngPreview::None));
    }
    std::vector<cv::Mat> images(paths.size());
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < paths.size(); ++i) {
        threads.emplace_back([&, i] { images[i] = decodeRawImage(paths[i], 64, 100); });
    }
    for (std::thread& thread : threads) thread.join();
    for (std::size_t i = 0; i < paths.size(); ++i) {
        EXPECT_EQ(std::min(images[i].cols, images[i].rows), kHalfShorter);
        EXPECT_EQ(cv::norm(images[i], images[i % 2], cv::NORM_INF), 0) << "same file content, same pixels";
    }
}

TEST(RawDecoding, RecognisesRawExtensions) {
    for (const char* path : {"a.cr2", "b/IMG_0001.CR3", "c.NEF", "d.arw", "e.Raf", "f.dng", "g.rw2", "h.orf", "i.pef",
                             "j.srw", "k.x3f", "l.3fr", "m.iiq", "n.raw", "o.RWL", "p.mos"}) {
        EXPECT_TRUE(hasRawExtension(path)) << path;
    }
    for (const char* path : {"a.jpg", "b.tiff", "c.png", "dng", "e.dng.txt", "folder.nef/file", "f.", ""}) {
        EXPECT_FALSE(hasRawExtension(path)) << path;
    }
}
