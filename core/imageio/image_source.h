#pragma once
// Names of images that are not whole files: frame K of a multi-frame file is "FILE#K" (1-based, as DICOM numbers
// frames). Every list, export and shard uses these names, and orders them with imageNameLess.

#include <string>

namespace twinsight::core {

struct ImageSource {
    std::string file;
    int frame = 0;  // 0: the file as a whole; 1..N: that frame
};

// "FILE#K" -> {FILE, K} when FILE exists and "FILE#K" itself does not (a file may have '#' in its name); anything
// else -> {name, 0}.
ImageSource parseImageSource(const std::string& name);

// FILE, or FILE#K for frame K >= 1.
std::string imageSourceName(const std::string& file, int frame);

// Path order, except that frames of one file follow their numbers: "a.dcm#2" before "a.dcm#10".
bool imageNameLess(const std::string& a, const std::string& b);

}  // namespace twinsight::core
