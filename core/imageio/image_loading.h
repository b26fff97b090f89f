#pragma once
// Reading users' images: folder scans that never stop at a bad file, and decoding straight to the working size.

#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "core/imageio/image_source.h"

namespace twinsight::core {

// Images larger than this are refused before decoding (decompression bombs).
inline constexpr double kMaxMegapixels = 100.0;

struct SkippedFile {
    std::string path;
    std::string reason;
};

// Images below `folder`, recursively, in path order: files with an image, camera RAW, DICOM or NIfTI extension
// (case-insensitive), files without a known extension that carry the DICOM signature (series folders), one FILE#K
// entry per frame of a multi-frame DICOM file, and one FILE#z:K entry per slice of a NIfTI volume along `slices`
// (without `expandFrames`, multi-frame files and volumes are listed as themselves, their headers not read). Throws
// std::runtime_error when the folder does not exist or cannot be read.
std::vector<std::string> listImageFiles(const std::string& folder, bool expandFrames = true,
                                        SliceAxes slices = SliceAxes::Acquisition);

// Files, FILE#K names and folders (listed as above) -> image names, in the order given, each name once.
// Throws std::runtime_error naming a path that does not exist, unless `keepMissing`: then the name stays in the list
// as it is (a file deleted from an archive after its list was made is reported when it is loaded, not fatal).
// Without `expandFrames`, multi-frame files stay one name each (a shard is chosen among files, so that each shard
// reads only its own files' headers).
std::vector<std::string> expandImagePaths(const std::vector<std::string>& pathsOrFolders, bool keepMissing = false,
                                          bool expandFrames = true, SliceAxes slices = SliceAxes::Acquisition);

// True when the file name has one of the supported extensions (images, camera RAW, DICOM, NIfTI).
bool hasImageExtension(const std::string& path);

// Decodes one image (a file, a FILE#K frame or a FILE#z:K slice) as 3-channel 8-bit BGR with its orientation applied, its shorter side
// brought down to `workingSize` (never enlarged). Large JPEGs are decoded reduced, camera RAW files from their
// embedded preview, when that still covers the working size. Throws std::runtime_error with a one-line reason
// (not readable, not an image, too large, damaged data such as "truncated JPEG data", ...).
cv::Mat loadImage(const std::string& path, int workingSize);

struct LoadedImage {
    cv::Mat image;
    std::string damage;  // why the data is damaged ("truncated JPEG data", ...), empty when it is whole
};

// loadImage, except that a JPEG or PNG with damaged data (cut short, a CRC error, corrupt entropy-coded data) is
// decoded as far as its decoder goes, and `damage` says why. The decoders never print on stderr.
LoadedImage loadImageAllowingDamage(const std::string& path, int workingSize);

// The scale denominator (1, 2, 4 or 8) a JPEG of `size` is decoded at for `workingSize`: the largest reduction
// whose shorter side still covers the working size.
int jpegReductionFor(cv::Size size, int workingSize);

// Scales `image` so that its shorter side is at most `workingSize`.
cv::Mat toWorkingSize(const cv::Mat& image, int workingSize);

struct ImageSet {
    std::vector<std::string> paths;   // one per image, same order
    std::vector<cv::Mat> images;      // CV_8UC3 at working size
    std::vector<std::string> damage;  // one per image: empty, or why its data is damaged (with acceptDamaged)
    std::vector<SkippedFile> skipped;
};

// `skipped` with the neighbouring entries of one multi-frame file or volume that share a reason joined into one:
// {FILE, "REASON (181 slices)"} (or frames), so that a damaged volume is one line, not one per slice. Entries of a
// single part, and every other entry, are kept as they are.
std::vector<SkippedFile> joinSkippedParts(const std::vector<SkippedFile>& skipped);

// Loads `paths` in parallel, in order; unreadable files go to `skipped` with their reason, and so do damaged ones
// ("truncated JPEG data") unless `acceptDamaged`: then they are loaded as far as they decode, with `damage` set.
ImageSet loadImages(const std::vector<std::string>& paths, int workingSize, int threads = 0,
                    bool acceptDamaged = false);

// expandImagePaths + loadImages.
ImageSet loadImagesFrom(const std::vector<std::string>& pathsOrFolders, int workingSize, int threads = 0,
                        SliceAxes slices = SliceAxes::Acquisition);

}  // namespace twinsight::core
