// Folder scans, decoding to 8-bit BGR at the working size, header sizes and the reasons bad files are skipped.

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <random>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

#include "core/imageio/internal/image_header.h"
#include "core/imageio/image_loading.h"

namespace fs = std::filesystem;
using namespace twinsight::core;

namespace {

std::string be16(std::uint32_t v) { return {static_cast<char>(v >> 8), static_cast<char>(v & 0xFF)}; }
std::string be32(std::uint32_t v) { return be16(v >> 16) + be16(v & 0xFFFF); }
std::string le16(std::uint32_t v) { return {static_cast<char>(v & 0xFF), static_cast<char>(v >> 8)}; }
std::string le32(std::uint32_t v) { return le16(v & 0xFFFF) + le16(v >> 16); }

// An APP1 segment whose big-endian TIFF block holds one IFD entry: Orientation (0x0112), SHORT.
std::string exifSegment(int orientation) {
    const std::string tiff = std::string("MM\0*", 4) + be32(8) + be16(1) + be16(0x0112) + be16(3) + be32(1) +
                             be16(orientation) + be16(0) + be32(0);
    const std::string payload = std::string("Exif\0\0", 6) + tiff;
    return "\xFF\xE1" + be16(static_cast<std::uint32_t>(payload.size() + 2)) + payload;
}

std::string afterSoi(const std::string& jpeg, const std::string& segment) {
    return jpeg.substr(0, 2) + segment + jpeg.substr(2);
}

// Left half one colour, right half another: shows where the content went after rotation or reduction.
cv::Mat twoHalves(int width, int height, cv::Scalar left, cv::Scalar right) {
    cv::Mat image(height, width, CV_8UC3, left);
    image.colRange(width / 2, width).setTo(right);
    return image;
}

class ImageLoadingTest : public ::testing::Test {
protected:
    void SetUp() override {
        static int counter = 0;
        const auto now = std::chrono::steady_clock::now().time_since_epoch().count();
        m_dir = fs::temp_directory_path() / ("twinsight_image_loading_" + std::to_string(std::random_device{}()) + "_" +
                                             std::to_string(now) + "_" + std::to_string(counter++));
        fs::create_directories(m_dir);
    }
    void TearDown() override {
        std::error_code ignored;
        fs::permissions(m_dir, fs::perms::all, ignored);
        fs::remove_all(m_dir, ignored);
    }
    std::string path(const std::string& name) const {
        fs::create_directories((m_dir / name).parent_path());
        return (m_dir / name).string();
    }
    std::string write(const std::string& name, const cv::Mat& image, const std::vector<int>& params = {}) const {
        const std::string file = path(name);
        EXPECT_TRUE(cv::imwrite(file, image, params)) << file;
        return file;
    }
    std::string writeBytes(const std::string& name, const std::string& bytes) const {
        const std::string file = path(name);
        std::ofstream(file, std::ios::binary) << bytes;
        return file;
    }
    static std::string readBytes(const std::string& file) {
        std::ostringstream bytes;
        bytes << std::ifstream(file, std::ios::binary).rdbuf();
        return bytes.str();
    }
    static std::string messageOf(const std::string& file, int workingSize = 100) {
        try {
            loadImage(file, workingSize);
        } catch (const std::runtime_error& e) {
            return e.what();
        }
        return "no error";
    }
    fs::path m_dir;
};

TEST_F(ImageLoadingTest, ListsImagesRecursivelySortedIgnoringOtherAndHiddenFiles) {
    for (const char* name : {"z.Jpeg", "b.JPG", "a.png", "sub/c.TiFf", "sub/deeper/d.webp", "e.BMP", "f.pgm", "g.PPM",
                             "h.tif", "folder.png/k.png", "notes.txt", "readme", "photo.jpg.txt", "anim.gif",
                             ".hidden.png", ".cache/i.png", "sub/.thumbs/j.jpg"}) {
        writeBytes(name, "x");
    }
    const std::vector<std::string> expected = {
        "a.png", "b.JPG", "e.BMP", "f.pgm", "folder.png/k.png", "g.PPM", "h.tif", "sub/c.TiFf", "sub/deeper/d.webp",
        "z.Jpeg"};
    std::vector<std::string> found;
    for (const std::string& file : listImageFiles(m_dir.string())) {
        found.push_back(fs::relative(file, m_dir).generic_string());
    }
    EXPECT_EQ(found, expected);
}

TEST_F(ImageLoadingTest, ListingAMissingFolderOrAFileThrowsNamingIt) {
    const std::string missing = path("nowhere");
    const std::string file = writeBytes("file.png", "x");
    try {
        listImageFiles(missing);
        FAIL() << "no exception";
    } catch (const std::runtime_error& e) {
        EXPECT_EQ(std::string(e.what()), missing + ": folder does not exist");
    }
    try {
        listImageFiles(file);
        FAIL() << "no exception";
    } catch (const std::runtime_error& e) {
        EXPECT_EQ(std::string(e.what()), file + ": not a folder");
    }
    EXPECT_THROW(loadImagesFrom({m_dir.string(), missing}, 100), std::runtime_error);
}

TEST(ImageExtensions, MatchCaseInsensitivelyAndOnlyTheSupportedOnes) {
    for (const char* name : {"a.jpg", "a.JPEG", "x.y/a.Png", "a.bmp", "a.TIF", "a.tiff", "a.WebP", "a.pgm", "a.ppm"}) {
        EXPECT_TRUE(hasImageExtension(name)) << name;
    }
    for (const char* name : {"a.gif", "a.jpg.txt", "jpg", "a.heic", "a.png~", "a.pbm", ".png"}) {
        EXPECT_FALSE(hasImageExtension(name)) << name;
    }
}

TEST_F(ImageLoadingTest, GreySixteenBitAndAlphaPngsBecomeEightBitBgr) {
    cv::Mat grey(30, 40, CV_8UC1, cv::Scalar(77));
    grey.at<uchar>(5, 6) = 200;
    const cv::Mat greyLoaded = loadImage(write("grey.png", grey), 100);
    ASSERT_EQ(greyLoaded.type(), CV_8UC3);
    EXPECT_EQ(greyLoaded.size(), cv::Size(40, 30));
    EXPECT_EQ(greyLoaded.at<cv::Vec3b>(5, 6), cv::Vec3b(200, 200, 200));
    EXPECT_EQ(greyLoaded.at<cv::Vec3b>(0, 0), cv::Vec3b(77, 77, 77));

    cv::Mat deep(10, 12, CV_16UC3, cv::Scalar(65535, 25700, 200));  // 200 / 257 rounds to 1; a plain >> 8 gives 0
    deep.at<cv::Vec3w>(2, 3) = cv::Vec3w(0, 65535, 65000);          // 253 when divided by 257, 254 by 256
    const cv::Mat deepLoaded = loadImage(write("deep.png", deep), 100);
    ASSERT_EQ(deepLoaded.type(), CV_8UC3);
    EXPECT_EQ(deepLoaded.at<cv::Vec3b>(0, 0), cv::Vec3b(255, 100, 1));
    EXPECT_EQ(deepLoaded.at<cv::Vec3b>(2, 3), cv::Vec3b(0, 255, 253));
    const cv::Mat deepGrey = loadImage(write("deep_grey.png", cv::Mat(8, 8, CV_16UC1, cv::Scalar(65535))), 100);
    ASSERT_EQ(deepGrey.type(), CV_8UC3);
    EXPECT_EQ(deepGrey.at<cv::Vec3b>(4, 4), cv::Vec3b(255, 255, 255));

    cv::Mat rgba(16, 16, CV_8UC4, cv::Scalar(10, 20, 30, 128));
    rgba.at<cv::Vec4b>(1, 1) = cv::Vec4b(200, 100, 50, 0);  // alpha is dropped: the stored colour stays
    const cv::Mat rgbaLoaded = loadImage(write("rgba.png", rgba), 100);
    ASSERT_EQ(rgbaLoaded.type(), CV_8UC3);
    EXPECT_EQ(rgbaLoaded.at<cv::Vec3b>(0, 0), cv::Vec3b(10, 20, 30));
    EXPECT_EQ(rgbaLoaded.at<cv::Vec3b>(1, 1), cv::Vec3b(200, 100, 50));
}

TEST_F(ImageLoadingTest, ShorterSideComesDownToWorkingSizeAndSmallImagesStay) {
    const cv::Mat landscape = twoHalves(400, 300, cv::Scalar::all(0), cv::Scalar::all(255));
    const cv::Mat loaded = loadImage(write("landscape.png", landscape), 150);
    EXPECT_EQ(loaded.size(), cv::Size(200, 150));
    EXPECT_EQ(loaded.at<cv::Vec3b>(75, 10), cv::Vec3b(0, 0, 0));
    EXPECT_EQ(loaded.at<cv::Vec3b>(75, 190), cv::Vec3b(255, 255, 255));
    EXPECT_EQ(loadImage(write("portrait.png", cv::Mat(600, 300, CV_8UC3)), 150).size(), cv::Size(150, 300));

    cv::Mat small(80, 100, CV_8UC3);
    cv::randu(small, 0, 256);
    const cv::Mat smallLoaded = loadImage(write("small.png", small), 150);
    ASSERT_EQ(smallLoaded.size(), small.size());
    EXPECT_EQ(cv::norm(smallLoaded, small, cv::NORM_INF), 0.0);
    EXPECT_EQ(loadImage(write("exact.png", small), 80).size(), small.size());
}

TEST(ToWorkingSize, ScalesTheShorterSideOnlyDownAndRejectsBadArguments) {
    EXPECT_EQ(toWorkingSize(cv::Mat(600, 300, CV_8UC3), 150).size(), cv::Size(150, 300));
    EXPECT_EQ(toWorkingSize(cv::Mat(301, 1000, CV_8UC3), 100).size(), cv::Size(332, 100));
    EXPECT_EQ(toWorkingSize(cv::Mat(50, 70, CV_8UC3), 100).size(), cv::Size(70, 50));
    EXPECT_THROW(toWorkingSize(cv::Mat(50, 70, CV_8UC3), 0), std::invalid_argument);
    EXPECT_THROW(toWorkingSize(cv::Mat(), 100), std::invalid_argument);
}

TEST_F(ImageLoadingTest, LargeJpegIsDecodedReducedWhenThatStillCoversTheWorkingSize) {
    cv::Mat texture(300, 400, CV_8UC3);  // fine detail, so that reduced and full decodes give different pixels
    cv::randu(texture, 0, 256);
    cv::resize(texture, texture, cv::Size(4000, 3000), 0, 0, cv::INTER_LINEAR);
    const std::string file = write("large.jpg", texture);
    // 375 is exactly 3000 / 8 and 376 just past it: a wrong factor gives a smaller image or different pixels.
    const std::vector<std::tuple<int, int, cv::Size>> cases = {{375, cv::IMREAD_REDUCED_COLOR_8, {500, 375}},
                                                               {376, cv::IMREAD_REDUCED_COLOR_4, {501, 376}},
                                                               {1000, cv::IMREAD_REDUCED_COLOR_2, {1333, 1000}},
                                                               {3000, cv::IMREAD_COLOR, {4000, 3000}},
                                                               {5000, cv::IMREAD_COLOR, {4000, 3000}}};
    for (const auto& [workingSize, flag, expected] : cases) {
        const cv::Mat image = loadImage(file, workingSize);
        ASSERT_EQ(image.size(), expected) << "working size " << workingSize;
        ASSERT_EQ(image.type(), CV_8UC3);
        const cv::Mat reference = toWorkingSize(cv::imread(file, flag), workingSize);
        EXPECT_EQ(cv::norm(image, reference, cv::NORM_INF), 0.0) << "working size " << workingSize;
    }
    const cv::Mat fromFull = toWorkingSize(cv::imread(file, cv::IMREAD_COLOR), 1000);
    EXPECT_GT(cv::norm(loadImage(file, 1000), fromFull, cv::NORM_INF), 0.0);  // the comparison above can tell
}

TEST_F(ImageLoadingTest, ExifOrientationIsAppliedAlsoWhenDecodingReduced) {
    const cv::Scalar red(0, 0, 255);
    const cv::Scalar blue(255, 0, 0);
    std::vector<uchar> encoded;
    // Stored landscape; the second one is large enough to be decoded at a quarter of its size.
    const std::vector<std::tuple<std::string, cv::Size, int, cv::Size>> cases = {
        {"small.jpg", {40, 20}, 100, {20, 40}}, {"reduced.jpg", {1600, 800}, 200, {200, 400}}};
    for (const auto& [name, stored, workingSize, shown] : cases) {
        ASSERT_TRUE(cv::imencode(".jpg", twoHalves(stored.width, stored.height, red, blue), encoded));
        const std::string file = writeBytes(name, afterSoi({encoded.begin(), encoded.end()}, exifSegment(6)));
        EXPECT_EQ(readImageSize(file), stored);  // the header holds the stored size, before rotation
        const cv::Mat image = loadImage(file, workingSize);
        ASSERT_EQ(image.size(), shown) << name;
        // Orientation 6 turns the stored frame 90 degrees clockwise: its left half (red) comes to the top.
        EXPECT_GT(image.at<cv::Vec3b>(2, image.cols / 2)[2], 200) << name;
        EXPECT_GT(image.at<cv::Vec3b>(image.rows - 3, image.cols / 2)[0], 200) << name;
    }
}

TEST_F(ImageLoadingTest, BadFilesAreSkippedWithTheirReasonsInOrder) {
    cv::Mat noise(64, 64, CV_8UC3);
    cv::randu(noise, 0, 256);
    const std::string good1 = write("good1.png", noise);
    const std::string png = readBytes(good1);
    const std::vector<std::string> paths = {good1,
                                            writeBytes("empty.jpg", ""),
                                            writeBytes("text.jpg", "hello, I am not an image\n"),
                                            writeBytes("truncated.png", png.substr(0, png.size() / 2)),
                                            write("good2.jpg", noise),
                                            path("missing.png")};
    const ImageSet set = loadImages(paths, 50, 3);
    EXPECT_EQ(set.paths, (std::vector<std::string>{paths[0], paths[4]}));
    ASSERT_EQ(set.images.size(), 2u);
    EXPECT_EQ(set.images[0].size(), cv::Size(50, 50));
    EXPECT_EQ(set.images[1].type(), CV_8UC3);
    const std::string unreadable = "not a readable image (corrupt or unsupported format)";
    const std::vector<std::pair<std::string, std::string>> expected = {
        {paths[1], "empty file"},
        {paths[2], unreadable},
        {paths[3], "not a readable image (truncated PNG data)"},
        {paths[5], "file does not exist"}};
    ASSERT_EQ(set.skipped.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(set.skipped[i].path, expected[i].first);
        EXPECT_EQ(set.skipped[i].reason, expected[i].second);
    }
    EXPECT_EQ(messageOf(paths[1]), paths[1] + ": empty file");
    EXPECT_EQ(messageOf(paths[3]), paths[3] + ": not a readable image (truncated PNG data)");
    EXPECT_EQ(messageOf(m_dir.string()), m_dir.string() + ": is a folder, not an image file");
}

// What the process writes on its stderr (descriptor 2) while `run` runs.
template <typename Run>
std::string stderrOf(Run run) {
    std::fflush(stderr);
    char name[] = "/tmp/twinsight_stderr_XXXXXX";
    const int capture = ::mkstemp(name);
    const int saved = ::dup(2);
    ::dup2(capture, 2);
    run();
    std::fflush(stderr);
    ::dup2(saved, 2);
    ::close(saved);
    ::close(capture);
    std::ostringstream text;
    text << std::ifstream(name).rdbuf();
    ::unlink(name);
    return text.str();
}

TEST_F(ImageLoadingTest, DamagedJpegsAndPngsAreSkippedWithTheirReasonOrLoadedMarkedAndTheDecodersPrintNothing) {
    cv::Mat noise(200, 240, CV_8UC3);
    cv::randu(noise, 0, 256);
    const std::string jpeg = readBytes(write("whole.jpg", noise));
    const std::string png = readBytes(write("whole.png", noise));
    std::string crc = png;
    crc[8 + 4 + 4 + 13] ^= 0x5A;  // IHDR's CRC
    std::string idatCrc = png;
    const std::size_t idat = idatCrc.find("IDAT");
    const std::size_t idatLength =
        (std::size_t(std::uint8_t(idatCrc[idat - 4])) << 24) | (std::size_t(std::uint8_t(idatCrc[idat - 3])) << 16) |
        (std::size_t(std::uint8_t(idatCrc[idat - 2])) << 8) | std::uint8_t(idatCrc[idat - 1]);
    idatCrc[idat + 4 + idatLength] ^= 0x01;  // IDAT's CRC: the pixels are still whole, the file is not
    const std::vector<std::string> paths = {
        path("whole.jpg"),
        writeBytes("trunc.jpg", jpeg.substr(0, jpeg.size() * 6 / 10)),
        writeBytes("trunc.png", png.substr(0, png.size() * 6 / 10)),
        writeBytes("crc.png", crc),
        writeBytes("idat_crc.png", idatCrc),
        writeBytes("no_iend.png", png.substr(0, png.size() - 12)),
        path("whole.png"),
    };
    const std::vector<std::string> reasons = {"truncated JPEG data", "truncated PNG data",
                                              "damaged PNG data (IHDR: CRC error)",
                                              "damaged PNG data (IDAT: CRC error)", "truncated PNG data"};
    ImageSet skipping, accepting;
    const std::string printed = stderrOf([&] {
        skipping = loadImages(paths, 100, 2);
        accepting = loadImages(paths, 100, 2, /*acceptDamaged=*/true);
    });
    EXPECT_EQ(printed, "") << "a decoder printed on stderr";
    EXPECT_EQ(skipping.paths, (std::vector<std::string>{paths.front(), paths.back()}));
    ASSERT_EQ(skipping.skipped.size(), reasons.size());
    for (std::size_t i = 0; i < reasons.size(); ++i) {
        EXPECT_EQ(skipping.skipped[i].path, paths[i + 1]);
        EXPECT_EQ(skipping.skipped[i].reason, reasons[i]);
    }
    EXPECT_EQ(messageOf(paths[1]), paths[1] + ": truncated JPEG data");

    ASSERT_EQ(accepting.paths, paths);
    EXPECT_TRUE(accepting.skipped.empty());
    EXPECT_EQ(accepting.damage.front(), "");
    EXPECT_EQ(accepting.damage.back(), "");
    for (std::size_t i = 0; i < reasons.size(); ++i) EXPECT_EQ(accepting.damage[i + 1], reasons[i]);
    for (const cv::Mat& image : accepting.images) {
        EXPECT_EQ(image.size(), cv::Size(120, 100));
        EXPECT_EQ(image.type(), CV_8UC3);
    }
    // Whole files decode as OpenCV decodes them, pixel for pixel.
    EXPECT_EQ(cv::norm(loadImage(paths.front(), 1000), cv::imread(paths.front()), cv::NORM_INF), 0.0);
    EXPECT_EQ(cv::norm(loadImage(paths.back(), 1000), noise, cv::NORM_INF), 0.0);
    EXPECT_EQ(cv::norm(accepting.images[4], accepting.images.back(), cv::NORM_INF), 0.0);  // the IDAT CRC case
}

TEST_F(ImageLoadingTest, OversizedImagesAreRefusedFromTheirHeaderAlone) {
    // Headers only: decoding either file would fail, so the megapixel message proves the check came first.
    const std::string png =
        writeBytes("huge.png", std::string("\x89PNG\r\n\x1a\n", 8) + be32(13) + "IHDR" + be32(20000) + be32(20000) +
                                   std::string("\x08\x02\0\0\0", 5) + be32(0));
    // A Huffman table (C4, inside the start-of-frame range but not a frame) comes before the frame header.
    const std::string table = "\xFF\xC4" + be16(20) + std::string(18, '\x01');
    const std::string frame = "\xFF\xC0" + be16(17) + "\x08" + be16(10000) + be16(12000) + std::string(12, '\x01');
    const std::string jpeg = writeBytes("huge.jpg", "\xFF\xD8" + table + frame);
    EXPECT_EQ(messageOf(png), png + ": 400.0 megapixels is over the 100 megapixel limit");
    EXPECT_EQ(messageOf(jpeg), jpeg + ": 120.0 megapixels is over the 100 megapixel limit");
    const ImageSet set = loadImagesFrom({m_dir.string()}, 100, 1);
    ASSERT_EQ(set.skipped.size(), 2u);
    EXPECT_EQ(set.skipped[1].path, png);
    EXPECT_EQ(set.skipped[1].reason, "400.0 megapixels is over the 100 megapixel limit");
}

TEST_F(ImageLoadingTest, UnreadableFileSaysPermissionDenied) {
    const std::string file = write("locked.png", cv::Mat(8, 8, CV_8UC3, cv::Scalar::all(9)));
    fs::permissions(file, fs::perms::none);
    if (std::ifstream(file).good()) GTEST_SKIP() << "running with privileges that ignore file permissions";
    EXPECT_EQ(messageOf(file), file + ": cannot be read (permission denied)");
}

TEST_F(ImageLoadingTest, LoadImagesFromScansFoldersAndTakesFilesAsGiven) {
    const cv::Mat image(20, 30, CV_8UC3, cv::Scalar(1, 2, 3));
    const std::string b = write("set/b.png", image);
    const std::string a = write("set/inner/a.bmp", image);
    std::vector<uchar> png;
    ASSERT_TRUE(cv::imencode(".png", image, png));
    const std::string single = writeBytes("elsewhere/not_an_image_extension.dat", {png.begin(), png.end()});
    writeBytes("set/notes.txt", "ignored");
    cv::imwrite(path("elsewhere/c.png"), image);
    const ImageSet set = loadImagesFrom({single, (m_dir / "set").string()}, 10, 0);
    EXPECT_EQ(set.paths, (std::vector<std::string>{single, b, a}));
    EXPECT_TRUE(set.skipped.empty());
    ASSERT_EQ(set.images.size(), 3u);
    EXPECT_EQ(set.images[2].size(), cv::Size(15, 10));
}

TEST_F(ImageLoadingTest, ReadImageSizeReadsEveryFormatHeader) {
    cv::Mat colour(23, 37, CV_8UC3);
    cv::randu(colour, 0, 256);
    cv::Mat grey;
    cv::cvtColor(colour, grey, cv::COLOR_BGR2GRAY);
    cv::Mat withAlpha;
    cv::cvtColor(colour, withAlpha, cv::COLOR_BGR2BGRA);
    withAlpha.row(0).setTo(cv::Scalar(1, 2, 3, 0));  // libwebp leaves out an alpha channel that is all opaque
    const cv::Size size(37, 23);
    const std::vector<std::string> files = {write("a.png", colour),
                                            write("a.jpg", colour),
                                            write("p.jpg", colour, {cv::IMWRITE_JPEG_PROGRESSIVE, 1}),
                                            write("a.bmp", colour),
                                            write("a.pgm", grey),
                                            write("a.ppm", colour),
                                            write("a.tiff", colour),
                                            write("lossy.webp", colour, {cv::IMWRITE_WEBP_QUALITY, 80}),
                                            write("lossless.webp", colour, {cv::IMWRITE_WEBP_QUALITY, 101}),
                                            write("alpha.webp", withAlpha, {cv::IMWRITE_WEBP_QUALITY, 80})};
    for (const std::string& file : files) {
        EXPECT_EQ(readImageSize(file), size) << file;
        EXPECT_EQ(loadImage(file, 100).size(), size) << file;
    }
    EXPECT_EQ(readBytes(files[7]).substr(12, 4), "VP8 ");  // each WebP bitstream kind is really covered
    EXPECT_EQ(readBytes(files[8]).substr(12, 4), "VP8L");
    EXPECT_EQ(readBytes(files[9]).substr(12, 4), "VP8X");
    std::vector<uchar> jpeg;
    ASSERT_TRUE(cv::imencode(".jpg", colour, jpeg));
    const std::string comment = "\xFF\xFE" + be16(60002) + std::string(60000, 'c');  // a long segment to skip
    EXPECT_EQ(readImageSize(writeBytes("comment.jpg", afterSoi({jpeg.begin(), jpeg.end()}, comment))), size);
    const std::string entry16 = be16(256) + be16(3) + be32(1) + be16(37) + be16(0);
    const std::string entry32 = be16(257) + be16(4) + be32(1) + be32(23);
    EXPECT_EQ(readImageSize(writeBytes("be.tif", std::string("MM\0*", 4) + be32(8) + be16(2) + entry16 + entry32)),
              size);
    const std::string topDownBmp = "BM" + le32(0) + le32(0) + le32(54) + le32(40) + le32(37) +
                                   le32(static_cast<std::uint32_t>(-23)) + le16(1) + le16(24) + std::string(24, '\0');
    EXPECT_EQ(readImageSize(writeBytes("topdown.bmp", topDownBmp)), size);
    EXPECT_EQ(readImageSize(writeBytes("c.ppm", "P6\n# made by hand\n37 # width\n  23\n255\n" + std::string(9, 'x'))),
              size);
    EXPECT_EQ(readImageSize(writeBytes("t.txt", "just text, not an image")), std::nullopt);
    EXPECT_EQ(readImageSize(writeBytes("g.gif", "GIF89a" + le16(37) + le16(23))), std::nullopt);
    EXPECT_EQ(readImageSize(writeBytes("short.png", "\x89PNG\r\n\x1a\n")), std::nullopt);
    EXPECT_EQ(readImageSize(path("missing.png")), std::nullopt);
}

}  // namespace
