#pragma once
// Reading NIfTI-1 and NIfTI-2 volumes (.nii, .nii.gz: the format of research MR and of BIDS datasets) through
// libnifti, one slice at a time, as 8-bit images. Only the geometry of the header (sizes, voxel spacing, the slice
// axis) is used: its text fields and everything else never reach a message or an output.

#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "core/imageio/image_source.h"

namespace twinsight::core {

// True for .nii and .nii.gz (case-insensitive).
bool hasNiftiExtension(const std::string& path);

// The names of the volume's slices along `axes` (FILE#z:K, or FILE#t:T,z:K for a 4D volume), in imageNameLess
// order, from the header alone. Throws std::runtime_error("PATH: reason"), and for a volume of more than
// `maxMegapixels` million voxels in all.
std::vector<std::string> niftiSliceNames(const std::string& path, SliceAxes axes, double maxMegapixels);

// Decodes one slice of a volume: CV_8UC1, windowed from the 1st to the 99th percentile of the whole file (all its
// time points), so that slices stay comparable; CV_8UC3 BGR for an RGB volume. Values are scaled by scl_slope and
// scl_inter first, complex ones taken by magnitude. Pixels are made square from the voxel spacing, and the slice
// is shown with its second axis upwards. The file is read once for all its slices (the last two volumes read are
// kept decoded, 8 bits a voxel). Refuses a volume of more than `maxMegapixels` million voxels in all before reading
// its data. Safe to call from several threads at once. Throws std::runtime_error("PATH: reason"), one line.
cv::Mat decodeNiftiSlice(const ImageSource& slice, double maxMegapixels);

}  // namespace twinsight::core
