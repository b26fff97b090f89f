// A minimal little-endian TIFF writer: blobs and IFDs are appended in order, so every offset is known when written.

#include "support/dng_writer.h"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <stdexcept>
#include <vector>

namespace twinsight::testing {
namespace {

// TIFF field types used here.
enum FieldType : std::uint16_t { kByte = 1, kAscii = 2, kShort = 3, kLong = 4, kRational = 5, kSRational = 10 };

// The TIFF 6, TIFF/EP and DNG 1.4 tags written here, by their names in those specifications.
enum Tag : std::uint16_t {
    kNewSubFileType = 254,
    kImageWidth = 256,
    kImageLength = 257,
    kBitsPerSample = 258,
    kCompression = 259,
    kPhotometric = 262,
    kMake = 271,
    kModel = 272,
    kStripOffsets = 273,
    kOrientation = 274,
    kSamplesPerPixel = 277,
    kRowsPerStrip = 278,
    kStripByteCounts = 279,
    kPlanarConfiguration = 284,
    kSubIfds = 330,
    kCfaRepeatPatternDim = 33421,
    kCfaPattern = 33422,
    kDngVersion = 50706,
    kDngBackwardVersion = 50707,
    kUniqueCameraModel = 50708,
    kBlackLevel = 50714,
    kWhiteLevel = 50717,
    kColorMatrix1 = 50721,
    kAsShotNeutral = 50728,
    kCalibrationIlluminant1 = 50778,
};

// Values of Compression and PhotometricInterpretation.
enum Code : std::uint32_t { kUncompressed = 1, kJpeg = 7, kRgb = 2, kYCbCr = 6, kCfa = 32803 };

// CFAPattern of an RGGB Bayer sensor: colour indices 0 red, 1 green, 2 blue, row by row.
const std::vector<std::uint8_t> kRggb = {0, 1, 1, 2};

// CalibrationIlluminant1 value of D65, the white point of sRGB.
constexpr std::uint32_t kD65 = 21;

// JPEG quality of the preview: high, so its solid colours survive compression within a few levels.
constexpr int kPreviewJpegQuality = 95;

// Byte count of a damaged preview: 16 MB, far past the end of any test file.
constexpr std::size_t kPastEnd = std::size_t{1} << 24;

// XYZ (D65) to linear sRGB, scaled by 10000: the DNG ColorMatrix1 of a camera whose raw values are sRGB already.
const std::vector<std::int32_t> kXyzToSrgb = {32406, -15372, -4986, -9689, 18758, 415, 557, -2040, 10570};

struct Entry {
    std::uint16_t tag;
    std::uint16_t type;
    std::uint32_t count;
    std::string value;  // little-endian bytes
};

// TIFF offsets are word aligned.
std::size_t aligned(std::size_t size) { return size + size % 2; }

std::string le16(std::uint32_t v) { return {static_cast<char>(v & 0xFF), static_cast<char>((v >> 8) & 0xFF)}; }
std::string le32(std::uint32_t v) { return le16(v & 0xFFFF) + le16(v >> 16); }

Entry shorts(std::uint16_t tag, const std::vector<std::uint32_t>& values) {
    std::string bytes;
    for (std::uint32_t v : values) bytes += le16(v);
    return {tag, kShort, static_cast<std::uint32_t>(values.size()), bytes};
}

Entry longs(std::uint16_t tag, const std::vector<std::uint32_t>& values) {
    std::string bytes;
    for (std::uint32_t v : values) bytes += le32(v);
    return {tag, kLong, static_cast<std::uint32_t>(values.size()), bytes};
}

Entry bytes(std::uint16_t tag, const std::vector<std::uint8_t>& values) {
    return {tag, kByte, static_cast<std::uint32_t>(values.size()), std::string(values.begin(), values.end())};
}

Entry ascii(std::uint16_t tag, const std::string& text) {
    return {tag, kAscii, static_cast<std::uint32_t>(text.size() + 1), text + '\0'};
}

// Rationals n/denominator; SRATIONAL when signed.
Entry rationals(std::uint16_t tag, const std::vector<std::int32_t>& numerators, std::uint32_t denominator,
                bool isSigned) {
    std::string value;
    for (std::int32_t n : numerators) value += le32(static_cast<std::uint32_t>(n)) + le32(denominator);
    return {tag, isSigned ? kSRational : kRational, static_cast<std::uint32_t>(numerators.size()), value};
}

class TiffBuilder {
public:
    TiffBuilder() : m_bytes(std::string("II*\0", 4) + le32(0)) {}

    std::uint32_t append(const std::string& blob) {
        m_bytes.resize(aligned(m_bytes.size()), '\0');
        const auto offset = static_cast<std::uint32_t>(m_bytes.size());
        m_bytes += blob;
        return offset;
    }

    // Values over 4 bytes go out of line first; the IFD itself follows with its entries sorted by tag.
    std::uint32_t appendIfd(std::vector<Entry> entries) {
        std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.tag < b.tag; });
        std::string ifd = le16(static_cast<std::uint32_t>(entries.size()));
        for (const Entry& entry : entries) {
            const std::string field = entry.value.size() <= 4 ? entry.value + std::string(4 - entry.value.size(), '\0')
                                                              : le32(append(entry.value));
            ifd += le16(entry.tag) + le16(entry.type) + le32(entry.count) + field;
        }
        return append(ifd + le32(/*next IFD=*/0));
    }

    std::string finish(std::uint32_t firstIfd) {
        m_bytes.replace(4, 4, le32(firstIfd));
        return m_bytes;
    }

private:
    std::string m_bytes;
};

// Tags every IFD with pixel data carries.
std::vector<Entry> imageEntries(bool preview, cv::Size size, std::uint32_t offset, std::size_t length) {
    const auto width = static_cast<std::uint32_t>(size.width);
    const auto height = static_cast<std::uint32_t>(size.height);
    return {longs(kNewSubFileType, {preview ? 1u : 0u}),  // 1: reduced-resolution image
            longs(kImageWidth, {width}),
            longs(kImageLength, {height}),
            longs(kStripOffsets, {offset}),
            longs(kRowsPerStrip, {height}),
            longs(kStripByteCounts, {static_cast<std::uint32_t>(length)}),
            shorts(kPlanarConfiguration, {/*chunky=*/1})};
}

std::vector<Entry> rawEntries(const cv::Mat& mosaic, std::uint32_t offset) {
    std::vector<Entry> entries = imageEntries(false, mosaic.size(), offset, mosaic.total() * mosaic.elemSize());
    const std::vector<Entry> cfa = {
        shorts(kBitsPerSample, {16}),  shorts(kCompression, {kUncompressed}), shorts(kPhotometric, {kCfa}),
        shorts(kSamplesPerPixel, {1}), shorts(kCfaRepeatPatternDim, {2, 2}),  bytes(kCfaPattern, kRggb),
        longs(kBlackLevel, {0}),       longs(kWhiteLevel, {kDngWhiteLevel})};
    entries.insert(entries.end(), cfa.begin(), cfa.end());
    return entries;
}

// Camera description and orientation, which DNG keeps in IFD0 whatever IFD0 holds.
std::vector<Entry> cameraEntries(int orientation) {
    return {ascii(kMake, "Twinsight"),
            ascii(kModel, "Test DNG"),
            shorts(kOrientation, {static_cast<std::uint32_t>(orientation)}),
            bytes(kDngVersion, {1, 4, 0, 0}),
            bytes(kDngBackwardVersion, {1, 1, 0, 0}),
            ascii(kUniqueCameraModel, "Twinsight Test DNG"),
            rationals(kColorMatrix1, kXyzToSrgb, /*denominator=*/10000, /*isSigned=*/true),
            rationals(kAsShotNeutral, {1, 1, 1}, /*denominator=*/1, /*isSigned=*/false),  // grey is grey
            shorts(kCalibrationIlluminant1, {kD65})};
}

std::string mosaicBytes(const cv::Mat& mosaic) {
    std::string data;
    data.reserve(mosaic.total() * 2);
    for (int row = 0; row < mosaic.rows; ++row) {
        for (int col = 0; col < mosaic.cols; ++col) data += le16(mosaic.at<std::uint16_t>(row, col));
    }
    return data;
}

// The format tags of the preview IFD; its pixel data goes to `data`.
std::vector<Entry> previewEntries(const DngContent& content, std::string& data) {
    if (content.previewKind == DngPreview::None) return {};
    if (content.previewKind == DngPreview::Jpeg) {
        std::vector<std::uint8_t> jpeg;
        cv::imencode(".jpg", content.preview, jpeg, {cv::IMWRITE_JPEG_QUALITY, kPreviewJpegQuality});
        data.assign(jpeg.begin(), jpeg.end());
        return {shorts(kBitsPerSample, {8, 8, 8}), shorts(kCompression, {kJpeg}), shorts(kPhotometric, {kYCbCr}),
                shorts(kSamplesPerPixel, {3})};
    }
    cv::Mat rgb;
    cv::cvtColor(content.preview, rgb, cv::COLOR_BGR2RGB);
    data.assign(reinterpret_cast<const char*>(rgb.data), rgb.total() * rgb.elemSize());
    return {shorts(kBitsPerSample, {8, 8, 8}), shorts(kCompression, {kUncompressed}), shorts(kPhotometric, {kRgb}),
            shorts(kSamplesPerPixel, {3})};
}

void checkContent(const DngContent& content) {
    const cv::Mat& mosaic = content.mosaic;
    if (mosaic.type() != CV_16UC1 || mosaic.empty() || mosaic.cols % 2 != 0 || mosaic.rows % 2 != 0) {
        throw std::invalid_argument("dngBytes: the mosaic must be a non-empty CV_16UC1 with even sides");
    }
    if (content.previewKind != DngPreview::None && (content.preview.type() != CV_8UC3 || content.preview.empty())) {
        throw std::invalid_argument("dngBytes: the preview must be a non-empty CV_8UC3 image");
    }
}

// Header and IFDs for pixel data laid out from `dataStart`: the preview first, the raw last, so that a truncated
// file loses sensor data, as an interrupted copy of a real RAW file does.
std::string metadata(const DngContent& content, std::vector<Entry> ifd0, std::size_t previewSize,
                     std::uint32_t dataStart) {
    TiffBuilder tiff;
    const auto rawOffset = static_cast<std::uint32_t>(dataStart + aligned(previewSize));
    std::vector<Entry> rawIfd = rawEntries(content.mosaic, rawOffset);
    const std::vector<Entry> camera = cameraEntries(content.orientation);
    if (content.previewKind == DngPreview::None) {
        rawIfd.insert(rawIfd.end(), camera.begin(), camera.end());
        return tiff.finish(tiff.appendIfd(rawIfd));
    }
    const std::uint32_t subIfd = tiff.appendIfd(rawIfd);
    const std::size_t previewBytes = content.previewPastEnd ? kPastEnd : previewSize;
    const std::vector<Entry> image = imageEntries(true, content.preview.size(), dataStart, previewBytes);
    ifd0.insert(ifd0.end(), image.begin(), image.end());
    ifd0.insert(ifd0.end(), camera.begin(), camera.end());
    ifd0.push_back(longs(kSubIfds, {subIfd}));
    return tiff.finish(tiff.appendIfd(ifd0));
}

}  // namespace

cv::Mat bayerMosaic(const cv::Mat& bgr) {
    cv::Mat mosaic(bgr.size(), CV_16UC1);
    for (int row = 0; row < bgr.rows; ++row) {
        for (int col = 0; col < bgr.cols; ++col) {
            const int channel = row % 2 == 0 ? (col % 2 == 0 ? 2 : 1) : (col % 2 == 0 ? 1 : 0);  // RGGB in BGR order
            const int value = bgr.at<cv::Vec3b>(row, col)[channel];
            mosaic.at<std::uint16_t>(row, col) = static_cast<std::uint16_t>(value * kDngWhiteLevel / 255);
        }
    }
    return mosaic;
}

std::string dngBytes(const DngContent& content) {
    checkContent(content);
    std::string previewData;
    const std::vector<Entry> previewFormat = previewEntries(content, previewData);
    const std::string raw = mosaicBytes(content.mosaic);
    const std::size_t start = aligned(metadata(content, previewFormat, previewData.size(), 0).size());
    std::string file = metadata(content, previewFormat, previewData.size(), static_cast<std::uint32_t>(start));
    file.resize(start, '\0');
    file += previewData;
    file.resize(start + aligned(previewData.size()), '\0');
    return file + raw;
}

void writeDng(const std::string& path, const DngContent& content) {
    const std::string data = dngBytes(content);
    std::ofstream out(path, std::ios::binary);
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    if (!out) throw std::runtime_error(path + ": cannot write the DNG file");
}

}  // namespace twinsight::testing
