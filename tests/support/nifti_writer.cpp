#include "support/nifti_writer.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <limits>
#include <memory>
#include <stdexcept>

#include <nifti2_io.h>

namespace twinsight::testing {
namespace {

int datatypeOf(NiftiType type) {
    switch (type) {
        case NiftiType::UInt8: return DT_UINT8;
        case NiftiType::Int16: return DT_INT16;
        case NiftiType::Float32: return DT_FLOAT32;
        case NiftiType::Float64: return DT_FLOAT64;
        case NiftiType::Rgb24: return DT_RGB24;
    }
    return DT_UNKNOWN;
}

template <typename T>
T saturated(double value) {
    if (std::is_floating_point<T>::value) return static_cast<T>(value);
    const double low = static_cast<double>(std::numeric_limits<T>::lowest());
    const double high = static_cast<double>(std::numeric_limits<T>::max());
    return static_cast<T>(std::clamp(std::round(value), low, high));
}

void store(void* data, std::int64_t index, NiftiType type, double value) {
    switch (type) {
        case NiftiType::UInt8: static_cast<std::uint8_t*>(data)[index] = saturated<std::uint8_t>(value); break;
        case NiftiType::Int16: static_cast<std::int16_t*>(data)[index] = saturated<std::int16_t>(value); break;
        case NiftiType::Float32: static_cast<float*>(data)[index] = saturated<float>(value); break;
        case NiftiType::Float64: static_cast<double*>(data)[index] = value; break;
        case NiftiType::Rgb24: {
            std::uint8_t* rgb = static_cast<std::uint8_t*>(data) + index * 3;
            rgb[0] = saturated<std::uint8_t>(value);  // red carries the value, green and blue fixed marks
            rgb[1] = 10;
            rgb[2] = 200;
            break;
        }
    }
}

}  // namespace

void writeNifti(const std::string& path, const NiftiSpec& spec) {
    const bool fourD = spec.size[3] > 1;
    const std::int64_t dims[8] = {fourD ? 4 : 3, spec.size[0], spec.size[1], spec.size[2], spec.size[3], 1, 1, 1};
    const std::unique_ptr<nifti_image, void (*)(nifti_image*)> image(
        nifti_make_new_nim(dims, datatypeOf(spec.type), 1), nifti_image_free);
    if (!image) throw std::runtime_error("nifti_make_new_nim failed");
    image->dx = image->pixdim[1] = spec.spacing[0];
    image->dy = image->pixdim[2] = spec.spacing[1];
    image->dz = image->pixdim[3] = spec.spacing[2];
    image->scl_slope = spec.slope;
    image->scl_inter = spec.intercept;
    image->slice_dim = spec.sliceDim;
    std::strncpy(image->descrip, spec.description.c_str(), sizeof image->descrip - 1);
    std::int64_t index = 0;
    for (int t = 0; t < spec.size[3]; ++t) {
        for (int z = 0; z < spec.size[2]; ++z) {
            for (int y = 0; y < spec.size[1]; ++y) {
                for (int x = 0; x < spec.size[0]; ++x) store(image->data, index++, spec.type, spec.value(x, y, z, t));
            }
        }
    }
    if (nifti_set_filenames(image.get(), path.c_str(), 0, 1) != 0) throw std::runtime_error("nifti_set_filenames");
    nifti_image_write(image.get());
    if (!std::filesystem::exists(path)) throw std::runtime_error("libnifti wrote no " + path);
}

}  // namespace twinsight::testing
