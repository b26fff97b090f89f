#pragma once
// Writes small DICOM files with DCMTK inside a test, so that DICOM tests need no files from outside the repository.

#include <opencv2/core.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace twinsight::testing {

// UnsupportedJpeg2000: labelled JPEG 2000, which DCMTK cannot decode, with meaningless fragments.
enum class DicomEncoding { Uncompressed, RleLossless, JpegLossless, JpegLsLossless, UnsupportedJpeg2000 };

struct DicomSpec {
    // All the same size: CV_8UC1, CV_16UC1 or CV_16SC1 (monochrome), or CV_8UC3 in RGB order.
    // No frames: a DICOM file without any image.
    std::vector<cv::Mat> frames;
    int bitsStored = 0;                                // 0: every bit of the depth
    std::string photometric;                           // empty: MONOCHROME2, or RGB for 3 channels
    std::optional<std::pair<double, double>> rescale;  // slope, intercept
    std::optional<std::pair<double, double>> window;   // centre, width
    int claimedFrames = 0;                             // NumberOfFrames to write when not 0 (a header that lies)
    std::string patientName = "TEST^PATIENT";
    DicomEncoding encoding = DicomEncoding::Uncompressed;
};

// Writes a DICOM Part 10 file (preamble and meta header). Throws std::runtime_error when DCMTK cannot.
void writeDicom(const std::string& path, const DicomSpec& spec);

}  // namespace twinsight::testing
