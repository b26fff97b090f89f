#pragma once
// Small DNG files written by the tests themselves: a hand-made little-endian TIFF with a Bayer raw image and, if
// wanted, an 8-bit preview in IFD0 (the raw then sits in a SubIFD), so RAW decoding is tested without fixtures.

#include <opencv2/core.hpp>
#include <string>

namespace twinsight::testing {

// How the preview image is stored in the DNG.
enum class DngPreview { None, Bitmap, Jpeg };

struct DngContent {
    cv::Mat mosaic;       // CV_16UC1 RGGB Bayer mosaic, values up to kDngWhiteLevel; even width and height
    int orientation = 1;  // TIFF Orientation of the whole image: 1 upright, 3, 6, 8 rotated
    DngPreview previewKind = DngPreview::None;
    cv::Mat preview;              // CV_8UC3 BGR, stored unrotated like the raw; fewer pixels than the raw
    bool previewPastEnd = false;  // damage: the preview's byte count reaches past the end of the file
};

// Sensor white level of the written files: 12-bit, as most cameras.
inline constexpr int kDngWhiteLevel = 4095;

// The Bayer mosaic (RGGB) a sensor with sRGB primaries would record for `bgr` (CV_8UC3), linear, up to kDngWhiteLevel.
cv::Mat bayerMosaic(const cv::Mat& bgr);

// The bytes of a DNG 1.4 file holding `content`. Throws std::invalid_argument when the mosaic or preview is unusable.
std::string dngBytes(const DngContent& content);

// Writes dngBytes(content) to `path`. Throws std::runtime_error when the file cannot be written.
void writeDng(const std::string& path, const DngContent& content);

}  // namespace twinsight::testing
