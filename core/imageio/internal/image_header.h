#pragma once
// Image dimensions read from file headers alone, so that oversized images can be refused before decoding and large
// JPEGs can be decoded reduced.

#include <istream>
#include <opencv2/core.hpp>
#include <optional>
#include <string>

namespace twinsight::core {

// Recognised by the file's leading bytes, never by its extension.
enum class ImageFormat { Unknown, Png, Jpeg, Bmp, Pnm, Webp, Tiff };

struct ImageHeader {
    ImageFormat format = ImageFormat::Unknown;
    std::optional<cv::Size> size;  // as stored, before any EXIF orientation; empty when the header is not understood
};

// Reads the header of a PNG, JPEG, BMP, PNM (P1-P6), WebP (VP8, VP8L, VP8X) or classic TIFF from `in`.
ImageHeader readImageHeader(std::istream& in);

// Width and height stored in the header of the file at `path`; nullopt when the format is unknown, the header is
// malformed or the file cannot be opened.
std::optional<cv::Size> readImageSize(const std::string& path);

}  // namespace twinsight::core
