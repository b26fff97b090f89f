#pragma once
// JPEG and PNG decoded through libjpeg and libpng with error managers of our own: damaged data (a truncated file, a
// CRC error, corrupt entropy-coded data) is reported per file instead of being decoded as a whole image, and the
// libraries never print a line of their own on stderr.

#include <string>

#include <opencv2/core.hpp>

namespace twinsight::core {

struct CheckedImage {
    cv::Mat image;       // as cv::imread gives it with IMREAD_COLOR | IMREAD_ANYDEPTH (or IMREAD_REDUCED_COLOR_N)
    std::string damage;  // empty when the data is whole, else why not ("truncated JPEG data", ...)
};

// Whether a JPEG's EXIF orientation is applied: an embedded camera preview is turned by the RAW file's own flag.
enum class JpegOrientation { Apply, Ignore };

// Decodes JPEG `bytes` at 1/`scaleDenominator` (1, 2, 4 or 8) as 8-bit BGR with its EXIF orientation applied (as
// OpenCV does) unless told otherwise. Throws std::runtime_error "PATH: not a readable image (REASON)" when no image
// can be decoded.
CheckedImage decodeJpeg(const std::string& path, const std::string& bytes, int scaleDenominator,
                        JpegOrientation orientation = JpegOrientation::Apply);

// Decodes PNG `bytes` as 1- or 3-channel BGR, 8 or 16 bits, alpha dropped, its eXIf orientation applied. Throws as
// above when no image can be decoded.
CheckedImage decodePng(const std::string& path, const std::string& bytes);

}  // namespace twinsight::core
