#pragma once
// Names of images that are not whole files: frame K of a multi-frame file is "FILE#K" (1-based, as DICOM numbers
// frames), slice K of a volume along one of its voxel axes "FILE#z:K", and of a 4D volume's time point T
// "FILE#t:T,z:K" (axes x, y, z; all numbers from 1). Every list, export and shard uses these names, and orders them
// with imageNameLess.

#include <string>

namespace twinsight::core {

struct ImageSource {
    std::string file;
    int frame = 0;    // 0: the file as a whole; 1..N: that frame, or that slice of a volume
    char axis = 0;    // a volume's slice: 'x', 'y' or 'z'; 0 for a frame or a whole file
    int volume = 0;   // a 4D volume's time point (1..T); 0 for a 3D volume, a frame or a whole file

    bool isSlice() const { return axis != 0; }
    // "", "#K", "#z:K" or "#t:T,z:K": what follows the file in the name.
    std::string suffix() const;
};

// "FILE#K", "FILE#z:K" or "FILE#t:T,z:K" -> its parts when FILE exists and the whole name itself does not (a file
// may have '#' in its name); anything else -> {name, 0}.
ImageSource parseImageSource(const std::string& name);

// FILE, or FILE#K for frame K >= 1.
std::string imageSourceName(const std::string& file, int frame);

// FILE#AXIS:K, or FILE#t:T,AXIS:K for time point T >= 1 of a 4D volume.
std::string volumeSliceName(const std::string& file, char axis, int slice, int volume = 0);

// Which slices a volume is listed as: along the acquisition's slice axis (the header's slice dimension, else the
// axis of clearly the coarsest spacing, else z), or along each voxel axis of a set (X | Y: two of them).
enum class SliceAxes : unsigned { Acquisition = 0, X = 1, Y = 2, Z = 4, All = 7 };

inline SliceAxes operator|(SliceAxes a, SliceAxes b) {
    return static_cast<SliceAxes>(static_cast<unsigned>(a) | static_cast<unsigned>(b));
}
inline bool hasAxis(SliceAxes axes, SliceAxes axis) {
    return (static_cast<unsigned>(axes) & static_cast<unsigned>(axis)) != 0;
}

// "acquisition", "all", or axes joined by commas ("x", "x,y") -> the axes; throws std::invalid_argument naming the
// text otherwise.
SliceAxes parseSliceAxes(const std::string& text);

// Path order, except that frames of one file follow their numbers ("a.dcm#2" before "a.dcm#10"), and a volume's
// slices their time point, axis and number.
bool imageNameLess(const std::string& a, const std::string& b);

}  // namespace twinsight::core
