#pragma once
// Reading DICOM images (radiology, single- and multi-frame) through DCMTK, one frame at a time, as 8-bit BGR.
// Messages never quote a header value other than sizes and frame numbers: DICOM headers hold patient data.

#include <opencv2/core.hpp>
#include <string>

namespace twinsight::core {

// True for .dcm / .dicom (case-insensitive).
bool hasDicomExtension(const std::string& path);

// True when the file has the DICOM preamble ("DICM" at byte 128); false for unreadable or short files.
// Used to pick up extensionless files in series folders.
bool hasDicomSignature(const std::string& path);

// True when the file carries the DICOM signature, like hasDicomSignature, in one open: a signed file of at most
// 64 MiB is read whole in the same pass and parsed for this thread, so that the dicomFrameCount or decodeDicomFrame
// that follows on this thread opens it no more (a damaged one is parsed again there, which says why).
bool parseIfDicomSignature(const std::string& path);

// Number of frames (1 for single-frame). Reads the header only, never the pixel data.
// Throws std::runtime_error("PATH: reason") for a file that is not DICOM or has no image.
int dicomFrameCount(const std::string& path);

// Decodes frame `frameIndex` (0-based) to CV_8UC3 BGR. Monochrome images get the file's first VOI window (or VOI
// LUT); without one, images of more than 8 bits get a window from the 1st to the 99th percentile of the frame.
// Refuses frames over `maxMegapixels` from the header, before decoding any pixel. Safe to call from several threads
// at once. Throws std::runtime_error("PATH: reason"), one line; frames are numbered from 1 there, as in FILE#K names
// ("PATH: frame 4 requested, the file has 3" for frameIndex 3). Throws std::invalid_argument for a negative index.
cv::Mat decodeDicomFrame(const std::string& path, int frameIndex, double maxMegapixels);

}  // namespace twinsight::core
