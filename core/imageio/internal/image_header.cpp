#include "core/imageio/internal/image_header.h"

#include <array>
#include <cctype>
#include <climits>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>

#include "core/base/file_errors.h"

namespace twinsight::core {
namespace {

using Bytes = const unsigned char*;

std::uint32_t be16(Bytes p) { return (std::uint32_t{p[0]} << 8) | p[1]; }
std::uint32_t le16(Bytes p) { return (std::uint32_t{p[1]} << 8) | p[0]; }
std::uint32_t be32(Bytes p) { return (be16(p) << 16) | be16(p + 2); }
std::uint32_t le32(Bytes p) { return (le16(p + 2) << 16) | le16(p); }
std::uint32_t le24(Bytes p) { return (std::uint32_t{p[2]} << 16) | le16(p); }

// Reads exactly `count` bytes at `offset`; false at the end of the file.
template <std::size_t N>
bool readAt(std::istream& in, std::streamoff offset, std::array<unsigned char, N>& out, std::size_t count = N) {
    in.clear();
    in.seekg(offset);
    in.read(reinterpret_cast<char*>(out.data()), static_cast<std::streamsize>(count));
    return in.gcount() == static_cast<std::streamsize>(count);
}

// A zero or absurd side means a corrupt header: let the decoder judge the file instead.
std::optional<cv::Size> sizeIfValid(long long width, long long height) {
    if (width <= 0 || height <= 0 || width > INT_MAX || height > INT_MAX) return std::nullopt;
    return cv::Size(static_cast<int>(width), static_cast<int>(height));
}

ImageFormat detectFormat(const std::array<unsigned char, 12>& b) {
    const auto starts = [&b](const char* magic, std::size_t offset = 0) {
        return std::memcmp(b.data() + offset, magic, std::strlen(magic)) == 0;
    };
    if (starts("\x89PNG\r\n\x1a\n")) return ImageFormat::Png;
    if (b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) return ImageFormat::Jpeg;
    if (starts("BM")) return ImageFormat::Bmp;
    if (b[0] == 'P' && b[1] >= '1' && b[1] <= '6' && (std::isspace(b[2]) || b[2] == '#')) return ImageFormat::Pnm;
    if (starts("RIFF") && starts("WEBP", 8)) return ImageFormat::Webp;
    const bool littleEndianTiff = b[0] == 'I' && b[1] == 'I' && b[2] == 42 && b[3] == 0;
    const bool bigEndianTiff = b[0] == 'M' && b[1] == 'M' && b[2] == 0 && b[3] == 42;
    if (littleEndianTiff || bigEndianTiff) return ImageFormat::Tiff;  // BigTIFF (43) is left to the decoder
    return ImageFormat::Unknown;
}

std::optional<cv::Size> readPngSize(std::istream& in) {
    std::array<unsigned char, 24> b{};
    if (!readAt(in, 0, b) || std::memcmp(b.data() + 12, "IHDR", 4) != 0) return std::nullopt;
    return sizeIfValid(be32(&b[16]), be32(&b[20]));
}

// Start-of-frame markers carry the size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but are not frames.
bool isStartOfFrame(int marker) {
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

// Walks the marker segments up to the frame header, seeking over each segment (EXIF thumbnails and ICC profiles can
// be large) rather than reading them.
std::optional<cv::Size> readJpegSize(std::istream& in) {
    in.clear();
    in.seekg(2);
    for (;;) {
        if (in.get() != 0xFF) return std::nullopt;
        int marker = in.get();
        while (marker == 0xFF) marker = in.get();                                    // fill bytes
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) continue;          // markers without a length
        if (marker == EOF || marker == 0xD9 || marker == 0xDA) return std::nullopt;  // no frame before the data
        std::array<unsigned char, 7> b{};
        if (!in.read(reinterpret_cast<char*>(b.data()), 2)) return std::nullopt;
        const std::uint32_t length = be16(b.data());
        if (length < 2) return std::nullopt;
        if (isStartOfFrame(marker)) {
            if (!in.read(reinterpret_cast<char*>(b.data() + 2), 5)) return std::nullopt;
            return sizeIfValid(be16(&b[5]), be16(&b[3]));  // precision, height, width
        }
        in.seekg(static_cast<std::streamoff>(length) - 2, std::ios::cur);
    }
}

std::optional<cv::Size> readBmpSize(std::istream& in) {
    std::array<unsigned char, 26> b{};
    if (!readAt(in, 0, b)) return std::nullopt;
    if (le32(&b[14]) == 12) return sizeIfValid(le16(&b[18]), le16(&b[20]));  // OS/2 BITMAPCOREHEADER
    const auto width = static_cast<std::int32_t>(le32(&b[18]));
    const auto height = static_cast<std::int32_t>(le32(&b[22]));  // negative for top-down rows
    return sizeIfValid(width, std::llabs(static_cast<long long>(height)));
}

// One decimal number of a PNM header, after whitespace and '#' comments.
std::optional<long long> readPnmNumber(std::istream& in) {
    int c = in.get();
    while (c != EOF && (std::isspace(c) || c == '#')) {
        if (c == '#') {
            while (c != EOF && c != '\n' && c != '\r') c = in.get();
        }
        c = in.get();
    }
    long long value = 0;
    int digits = 0;
    for (; c != EOF && std::isdigit(c) && digits < 12; c = in.get(), ++digits) value = value * 10 + (c - '0');
    if (digits == 0 || digits == 12) return std::nullopt;
    return value;
}

std::optional<cv::Size> readPnmSize(std::istream& in) {
    in.clear();
    in.seekg(2);
    const auto width = readPnmNumber(in);
    const auto height = width ? readPnmNumber(in) : std::nullopt;
    if (!height) return std::nullopt;
    return sizeIfValid(*width, *height);
}

// RIFF container; the first chunk says which of the three bitstreams follows (Google's WebP container spec).
std::optional<cv::Size> readWebpSize(std::istream& in) {
    std::array<unsigned char, 30> b{};
    if (!readAt(in, 0, b)) return std::nullopt;
    const char* chunk = reinterpret_cast<const char*>(&b[12]);
    if (std::memcmp(chunk, "VP8 ", 4) == 0 && b[23] == 0x9D && b[24] == 0x01 && b[25] == 0x2A) {
        return sizeIfValid(le16(&b[26]) & 0x3FFF, le16(&b[28]) & 0x3FFF);  // top bits are the upscaling hint
    }
    if (std::memcmp(chunk, "VP8L", 4) == 0 && b[20] == 0x2F) {
        const std::uint32_t bits = le32(&b[21]);
        return sizeIfValid((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
    }
    if (std::memcmp(chunk, "VP8X", 4) == 0) return sizeIfValid(le24(&b[24]) + 1, le24(&b[27]) + 1);
    return std::nullopt;
}

// Classic TIFF only: the first IFD's ImageWidth (256) and ImageLength (257), SHORT or LONG, either byte order.
std::optional<cv::Size> readTiffSize(std::istream& in) {
    std::array<unsigned char, 12> b{};
    if (!readAt(in, 0, b, 8)) return std::nullopt;
    const bool big = b[0] == 'M';
    const auto u16 = [big](Bytes p) { return big ? be16(p) : le16(p); };
    const auto u32 = [big](Bytes p) { return big ? be32(p) : le32(p); };
    std::streamoff offset = u32(&b[4]);
    if (!readAt(in, offset, b, 2)) return std::nullopt;
    const std::uint32_t entries = u16(b.data());
    long long width = 0;
    long long height = 0;
    for (std::uint32_t i = 0; i < entries && (width == 0 || height == 0); ++i) {
        if (!readAt(in, offset + 2 + 12 * static_cast<std::streamoff>(i), b)) return std::nullopt;
        const std::uint32_t tag = u16(&b[0]);
        const std::uint32_t type = u16(&b[2]);
        const long long value = type == 3 ? u16(&b[8]) : type == 4 ? u32(&b[8]) : 0;
        if (tag == 256) width = value;
        if (tag == 257) height = value;
    }
    return sizeIfValid(width, height);
}

}  // namespace

ImageHeader readImageHeader(std::istream& in) {
    std::array<unsigned char, 12> magic{};  // zero-filled: a tiny PNM is shorter than 12 bytes
    readAt(in, 0, magic);
    ImageHeader header;
    header.format = detectFormat(magic);
    switch (header.format) {
        case ImageFormat::Png:
            header.size = readPngSize(in);
            break;
        case ImageFormat::Jpeg:
            header.size = readJpegSize(in);
            break;
        case ImageFormat::Bmp:
            header.size = readBmpSize(in);
            break;
        case ImageFormat::Pnm:
            header.size = readPnmSize(in);
            break;
        case ImageFormat::Webp:
            header.size = readWebpSize(in);
            break;
        case ImageFormat::Tiff:
            header.size = readTiffSize(in);
            break;
        case ImageFormat::Unknown:
            break;
    }
    return header;
}

std::optional<cv::Size> readImageSize(const std::string& path) {
    if (!notRegularFileReason(path).empty()) return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    return readImageHeader(in).size;
}

}  // namespace twinsight::core
