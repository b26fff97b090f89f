#pragma once
// Writes small NIfTI volumes through libnifti inside a test, so that NIfTI tests need no files from outside the
// repository.

#include <array>
#include <functional>
#include <string>

namespace twinsight::testing {

enum class NiftiType { UInt8, Int16, Float32, Float64, Rgb24 };

struct NiftiSpec {
    std::array<int, 4> size{8, 8, 4, 1};  // x, y, z and time points (1: a 3D volume)
    NiftiType type = NiftiType::Int16;
    std::array<float, 3> spacing{1.0f, 1.0f, 1.0f};
    double slope = 0.0, intercept = 0.0;  // scl_slope, scl_inter as stored (slope 0: no scaling)
    int sliceDim = 0;                     // the header's slice dimension, 1..3, or 0
    std::string description;              // descrip: text that must never reach an output
    // The stored value of voxel (x, y, z, t), saturated to the type; grey for RGB volumes.
    std::function<double(int, int, int, int)> value = [](int x, int y, int z, int t) { return x + y + z + t; };
};

// Writes `path` (.nii, or .nii.gz gzipped). Throws std::runtime_error when libnifti cannot.
void writeNifti(const std::string& path, const NiftiSpec& spec);

}  // namespace twinsight::testing
