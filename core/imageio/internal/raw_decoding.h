#pragma once
// Camera RAW files through LibRaw: the camera's embedded preview when it is large enough, else a fast half-size
// decode of the sensor data. Safe to call from several threads at once (one LibRaw object per call, libraw_r).

#include <opencv2/core.hpp>
#include <string>

namespace twinsight::core {

// True for camera RAW extensions, matched case-insensitively: .cr2 .cr3 .crw .nef .nrw .arw .srf .sr2 .raf .orf
// .rw2 .dng .pef .srw .x3f .3fr .iiq .erf .kdc .dcr .mrw .mos .rwl .raw
bool hasRawExtension(const std::string& path);

// Decodes a camera RAW file to CV_8UC3 BGR with its orientation applied: the embedded preview when its shorter side
// is at least `workingSize`, else a half-size raw decode (camera white balance, sRGB, 8-bit). The result is not
// resized. Images whose raw sensor size is over `maxMegapixels` are refused before decoding.
// Throws std::invalid_argument for a non-positive `workingSize` or `maxMegapixels`, and
// std::runtime_error("PATH: one-line reason") when the file cannot be read or decoded.
cv::Mat decodeRawImage(const std::string& path, int workingSize, double maxMegapixels);

}  // namespace twinsight::core
