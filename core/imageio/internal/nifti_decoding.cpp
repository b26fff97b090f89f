#include "core/imageio/internal/nifti_decoding.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cmath>
#include <complex>
#include <cstdint>
#include <cstring>
#include <deque>
#include <filesystem>
#include <future>
#include <memory>
#include <mutex>
#include <opencv2/imgproc.hpp>
#include <sstream>
#include <stdexcept>

#include <nifti2_io.h>

#include "core/base/file_errors.h"
#include "core/base/statistics.h"

namespace twinsight::core {
namespace fs = std::filesystem;
namespace {

// Share of voxels ignored at each end by the window (in percent): a few hot voxels must not squeeze the anatomy
// into a handful of grey levels.
constexpr double kWindowTailPercent = 1.0;

// Voxels sampled for that window: plenty for 256 output levels, and bounded memory on huge volumes.
constexpr std::int64_t kWindowSamples = 1 << 20;

// Voxels converted at a time while the data is read.
constexpr std::int64_t kReadChunkVoxels = 1 << 18;

// Volumes kept decoded: the one being scored, the one its neighbour thread may already be on, and the one the
// window's thumbnails or large view are on.
constexpr std::size_t kVolumesKept = 3;

// Slices a volume may be listed as (all its time points and axes together): a 1 x 1 x 1 x 100 million header is
// within the voxel limit but would name 100 million images.
constexpr std::int64_t kMaxSlices = 100000;

constexpr double kLargestFloat = 3.4e38;

// Spacings that differ by less than this share are taken as equal (no resampling).
constexpr double kSquarePixelTolerance = 0.01;

// Sizes beyond this many voxels in all are a damaged header, whatever the limit the caller sets.
constexpr double kMaxVoxelsInHeader = 1e15;

// A slice is never stretched more than this many times along one side, whatever the header's spacing claims.
constexpr double kMaxStretch = 8.0;

// libnifti keeps global options and prints on stderr unless its debug level is 0: every call goes through here.
std::mutex& niftiMutex() {
    static std::mutex mutex;
    static std::once_flag once;
    std::call_once(once, [] { nifti_set_debug_level(0); });
    return mutex;
}

// What the decoder needs from a header: its geometry and how its data is stored, nothing else.
struct VolumeGeometry {
    std::array<std::int64_t, 3> size{};         // voxels along x, y, z
    std::int64_t timePoints = 1;                 // 3D volumes of the file (all dimensions beyond z together)
    bool fourDimensional = false;                // names carry the time point
    std::array<double, 3> spacing{1, 1, 1};      // along x, y, z, positive
    int sliceAxis = 0;                           // the header's slice dimension: 1..3, or 0 when it does not say
    int datatype = 0;
    int bytesPerVoxel = 0;
    int swapSize = 0;                            // 0: stored in this machine's byte order
    std::int64_t dataOffset = 0;
    double slope = 0.0, intercept = 0.0;         // scl_slope, scl_inter (slope 0: no scaling)

    std::int64_t voxels() const { return size[0] * size[1] * size[2] * timePoints; }
};

bool isColour(int datatype) { return datatype == DT_RGB24 || datatype == DT_RGBA32; }

bool isSupportedType(int datatype) {
    switch (datatype) {
        case DT_UINT8: case DT_INT8: case DT_INT16: case DT_UINT16: case DT_INT32: case DT_UINT32: case DT_INT64:
        case DT_UINT64: case DT_FLOAT32: case DT_FLOAT64: case DT_FLOAT128: case DT_COMPLEX64: case DT_COMPLEX128:
        case DT_COMPLEX256: case DT_RGB24: case DT_RGBA32:
            return true;
        default:
            return false;
    }
}

double positiveSpacing(double spacing) { return std::isfinite(spacing) && spacing > 0.0 ? spacing : 1.0; }

VolumeGeometry readGeometry(const std::string& path) {
    requireReadableFile(path, "a NIfTI volume");
    std::lock_guard<std::mutex> lock(niftiMutex());
    const std::unique_ptr<nifti_image, void (*)(nifti_image*)> image(nifti_image_read(path.c_str(), 0),
                                                                     nifti_image_free);
    if (!image) failForFile(path, "not a readable NIfTI volume (damaged or truncated header)");
    if (image->iname == nullptr || fs::path(image->iname) != fs::path(path) ||
        (image->nifti_type != NIFTI_FTYPE_NIFTI1_1 && image->nifti_type != NIFTI_FTYPE_NIFTI2_1)) {
        failForFile(path, "not a single-file NIfTI volume (header and data in one .nii file)");
    }
    VolumeGeometry geometry;
    geometry.size = {image->nx, image->ny, image->nz};
    double spatial = 1.0;  // in floating point first: a hostile header's sizes would overflow a product of integers
    for (const std::int64_t side : geometry.size) {
        if (side < 1) failForFile(path, "a NIfTI volume with no voxels");
        spatial *= static_cast<double>(side);
    }
    if (spatial > kMaxVoxelsInHeader || image->nvox < 1 || static_cast<double>(image->nvox) > kMaxVoxelsInHeader) {
        failForFile(path, "NIfTI sizes out of any plausible range (damaged header)");
    }
    geometry.timePoints = image->nvox / (geometry.size[0] * geometry.size[1] * geometry.size[2]);
    if (geometry.timePoints < 1) failForFile(path, "a NIfTI volume with no voxels");
    geometry.fourDimensional = geometry.timePoints > 1;
    geometry.spacing = {positiveSpacing(image->dx), positiveSpacing(image->dy), positiveSpacing(image->dz)};
    geometry.sliceAxis = image->slice_dim >= 1 && image->slice_dim <= 3 ? image->slice_dim : 0;
    geometry.datatype = image->datatype;
    if (!isSupportedType(geometry.datatype)) {
        failForFile(path, "NIfTI data type " + std::to_string(geometry.datatype) + " is not supported");
    }
    nifti_datatype_sizes(geometry.datatype, &geometry.bytesPerVoxel, &geometry.swapSize);
    if (image->byteorder == nifti_short_order()) geometry.swapSize = 0;
    geometry.dataOffset = image->iname_offset;
    if (std::isfinite(image->scl_slope) && std::isfinite(image->scl_inter) && image->scl_slope != 0.0) {
        geometry.slope = image->scl_slope;
        geometry.intercept = image->scl_inter;
    }
    return geometry;
}

void checkVoxelCount(const std::string& path, const VolumeGeometry& geometry, double maxMegapixels) {
    const double megavoxels = static_cast<double>(geometry.voxels()) / 1e6;
    if (megavoxels > maxMegapixels) {
        std::ostringstream reason;
        reason.precision(1);
        reason << std::fixed << megavoxels << " million voxels is over the ";
        reason.unsetf(std::ios::floatfield);
        reason.precision(6);
        reason << maxMegapixels << " megapixel limit (a volume counts whole)";
        failForFile(path, reason.str());
    }
}

// The axis (0 x, 1 y, 2 z) the volume was acquired slice by slice along.
// The two axes a slice across `axis` shows: (columns, rows).
std::pair<int, int> inPlaneAxes(int axis) {
    if (axis == 0) return {1, 2};
    if (axis == 1) return {0, 2};
    return {0, 1};
}

// Slices across `axis` are images, not lines: both their sides have 2 voxels or more.
bool slicesAreImages(const VolumeGeometry& geometry, int axis) {
    const auto [columnAxis, rowAxis] = inPlaneAxes(axis);
    return geometry.size[columnAxis] > 1 && geometry.size[rowAxis] > 1;
}

int chosenAcquisitionAxis(const VolumeGeometry& geometry) {
    if (geometry.sliceAxis > 0) return geometry.sliceAxis - 1;
    const auto coarsest = std::max_element(geometry.spacing.begin(), geometry.spacing.end());
    for (int axis = 0; axis < 3; ++axis) {
        if (axis != coarsest - geometry.spacing.begin() &&
            *coarsest <= geometry.spacing[axis] * (1.0 + kSquarePixelTolerance)) {
            return 2;  // no single coarsest axis
        }
    }
    return static_cast<int>(coarsest - geometry.spacing.begin());
}

// The axis the volume was acquired slice by slice along, unless its slices would be lines (a 2D file): then z.
int acquisitionAxis(const VolumeGeometry& geometry) {
    const int axis = chosenAcquisitionAxis(geometry);
    return slicesAreImages(geometry, axis) ? axis : 2;
}

constexpr std::array<char, 3> kAxisNames = {'x', 'y', 'z'};

// An IEEE binary128 value (NIfTI's FLOAT128, in this machine's byte order) as the nearest double: x86's long double
// is another format, so its bits are taken apart here.
double quadToDouble(const unsigned char* bytes) {
    std::uint64_t low = 0, high = 0;
    std::memcpy(&low, bytes, 8);
    std::memcpy(&high, bytes + 8, 8);
    const bool negative = (high >> 63) != 0;
    const int exponent = static_cast<int>((high >> 48) & 0x7fff);
    const std::uint64_t topFraction = high & 0xffffffffffffull;  // 48 of the 112 fraction bits, then 64 in `low`
    const double fraction = std::ldexp(static_cast<double>(topFraction), -48) + std::ldexp(static_cast<double>(low), -112);
    double value = 0.0;
    if (exponent == 0x7fff) {
        value = fraction == 0.0 ? HUGE_VAL : std::nan("");
    } else if (exponent == 0) {
        value = std::ldexp(fraction, -16382);
    } else {
        value = std::ldexp(1.0 + fraction, exponent - 16383);
    }
    return negative ? -value : value;
}

// One value of a voxel, as stored, swapped to this machine's order already.
double storedValue(const unsigned char* voxel, int datatype) {
    const auto as = [voxel](auto sample) {
        std::memcpy(&sample, voxel, sizeof sample);
        return sample;
    };
    switch (datatype) {
        case DT_UINT8: return as(std::uint8_t{});
        case DT_INT8: return as(std::int8_t{});
        case DT_INT16: return as(std::int16_t{});
        case DT_UINT16: return as(std::uint16_t{});
        case DT_INT32: return as(std::int32_t{});
        case DT_UINT32: return as(std::uint32_t{});
        case DT_INT64: return static_cast<double>(as(std::int64_t{}));
        case DT_UINT64: return static_cast<double>(as(std::uint64_t{}));
        case DT_FLOAT32: return as(float{});
        case DT_FLOAT64: return as(double{});
        case DT_FLOAT128: return quadToDouble(voxel);
        case DT_COMPLEX64: return std::abs(as(std::complex<float>{}));
        case DT_COMPLEX128: return std::abs(as(std::complex<double>{}));
        case DT_COMPLEX256: return std::hypot(quadToDouble(voxel), quadToDouble(voxel + 16));
        default: return 0.0;
    }
}

// A volume as the slices are cut from it: 8 bits a voxel (3 for RGB), x fastest, then y, z and time.
struct WindowedVolume {
    VolumeGeometry geometry;
    int channels = 1;
    std::vector<std::uint8_t> voxels;
};

// Reads the data in chunks, each converted as it comes: floats for grey volumes (windowed once all are read),
// bytes for colour ones. A short read is "truncated or damaged".
class VolumeReader {
public:
    VolumeReader(const std::string& path, const VolumeGeometry& geometry) : m_path(path), m_geometry(geometry) {
        std::lock_guard<std::mutex> lock(niftiMutex());
        m_file = znzopen(path.c_str(), "rb", nifti_is_gzfile(path.c_str()));
        if (znz_isnull(m_file)) failForFile(path, "cannot be read");
        if (znzseek(m_file, static_cast<znz_off_t>(geometry.dataOffset), SEEK_SET) < 0) {  // gz: the new offset
            znzclose(m_file);  // the destructor of an object not made never runs
            failForFile(path, "truncated or damaged NIfTI data (no data after the header)");
        }
    }
    ~VolumeReader() { znzclose(m_file); }
    VolumeReader(const VolumeReader&) = delete;
    VolumeReader& operator=(const VolumeReader&) = delete;

    WindowedVolume read() {
        WindowedVolume volume;
        volume.geometry = m_geometry;
        const std::int64_t total = m_geometry.voxels();
        const bool colour = isColour(m_geometry.datatype);
        volume.channels = colour ? 3 : 1;
        volume.voxels.resize(static_cast<std::size_t>(total) * volume.channels);
        std::vector<float> values(colour ? 0 : static_cast<std::size_t>(total));
        std::vector<unsigned char> chunk(static_cast<std::size_t>(kReadChunkVoxels) * m_geometry.bytesPerVoxel);
        for (std::int64_t first = 0; first < total; first += kReadChunkVoxels) {
            const std::int64_t count = std::min(kReadChunkVoxels, total - first);
            readChunk(chunk.data(), count, first, total);
            for (std::int64_t i = 0; i < count; ++i) {
                const unsigned char* voxel = chunk.data() + i * m_geometry.bytesPerVoxel;
                if (colour) {
                    std::uint8_t* out = volume.voxels.data() + (first + i) * 3;
                    out[0] = voxel[2];  // RGB -> BGR; the alpha of RGBA is dropped
                    out[1] = voxel[1];
                    out[2] = voxel[0];
                } else {
                    double value = storedValue(voxel, m_geometry.datatype);
                    if (m_geometry.slope != 0.0) value = value * m_geometry.slope + m_geometry.intercept;
                    // Beyond a float's range would be infinite, and windowed as NaN is: black.
                    values[first + i] = static_cast<float>(std::clamp(value, -kLargestFloat, kLargestFloat));
                }
            }
        }
        if (!colour) window(values, volume.voxels);
        return volume;
    }

private:
    void readChunk(unsigned char* chunk, std::int64_t count, std::int64_t first, std::int64_t total) {
        const std::size_t bytes = static_cast<std::size_t>(count) * m_geometry.bytesPerVoxel;
        std::size_t got = znzread(chunk, 1, bytes, m_file);
        if (got > bytes) got = 0;  // zlib's -1 (corrupt data), returned as a size
        if (got != bytes) {
            const std::int64_t complete = first + static_cast<std::int64_t>(got) / m_geometry.bytesPerVoxel;
            failForFile(m_path, "truncated or damaged NIfTI data (" + std::to_string(complete) + " of " +
                                    std::to_string(total) + " voxels read)");
        }
        if (m_geometry.swapSize > 1) {
            const int values = m_geometry.bytesPerVoxel / m_geometry.swapSize;
            nifti_swap_Nbytes(count * values, m_geometry.swapSize, chunk);
        }
    }

    // 1st to 99th percentile of the finite values -> 0..255; NaN is black.
    static void window(const std::vector<float>& values, std::vector<std::uint8_t>& out) {
        std::vector<double> samples;
        // An odd stride: an even one could be a multiple of the row length and sample one column only.
        const std::size_t stride = std::max<std::size_t>(1, values.size() / kWindowSamples) | 1;
        for (std::size_t i = 0; i < values.size(); i += stride) {
            if (std::isfinite(values[i])) samples.push_back(values[i]);
        }
        double low = 0.0, high = 1.0;
        if (!samples.empty()) {
            low = percentile(samples, kWindowTailPercent);
            high = percentile(std::move(samples), 100.0 - kWindowTailPercent);
        }
        const double scale = high > low ? 255.0 / (high - low) : 0.0;
        for (std::size_t i = 0; i < values.size(); ++i) {
            const double value = values[i];
            if (!std::isfinite(value)) {
                out[i] = 0;
            } else if (scale == 0.0) {
                out[i] = value >= high ? 255 : 0;  // a flat volume
            } else {
                out[i] = static_cast<std::uint8_t>(std::clamp((value - low) * scale + 0.5, 0.0, 255.0));
            }
        }
    }

    std::string m_path;
    VolumeGeometry m_geometry;
    znzFile m_file{};
};

using VolumeFuture = std::shared_future<std::shared_ptr<const WindowedVolume>>;

// The volumes last read, by path, size, modification time and voxel limit: every slice of a volume is cut from one reading, and
// threads that ask for a volume being read wait for that reading. Failures are kept too: a damaged volume is read
// once, not once per slice.
class VolumeCache {
public:
    std::shared_ptr<const WindowedVolume> get(const std::string& path, double maxMegapixels) {
        const std::string key = keyOf(path) + '\n' + std::to_string(maxMegapixels);
        std::promise<std::shared_ptr<const WindowedVolume>> promise;
        VolumeFuture future;
        bool readHere = false;
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            const auto found = std::find_if(m_entries.begin(), m_entries.end(),
                                            [&key](const Entry& entry) { return entry.key == key; });
            if (found != m_entries.end()) {
                future = found->volume;
                std::rotate(m_entries.begin(), found, found + 1);  // the last used is kept longest
            } else {
                future = promise.get_future().share();
                readHere = true;
                m_entries.push_front({key, future});
                if (m_entries.size() > kVolumesKept) m_entries.pop_back();
            }
        }
        if (!readHere) return future.get();
        try {
            const VolumeGeometry geometry = readGeometry(path);
            checkVoxelCount(path, geometry, maxMegapixels);
            promise.set_value(std::make_shared<const WindowedVolume>(VolumeReader(path, geometry).read()));
        } catch (...) {
            promise.set_exception(std::current_exception());
        }
        return future.get();
    }

private:
    struct Entry {
        std::string key;
        VolumeFuture volume;
    };

    static std::string keyOf(const std::string& path) {
        std::error_code error;
        const auto size = fs::file_size(path, error);
        const auto time = fs::last_write_time(path, error).time_since_epoch().count();
        return path + '\n' + std::to_string(size) + '\n' + std::to_string(time);
    }

    std::mutex m_mutex;
    std::deque<Entry> m_entries;
};

VolumeCache& volumeCache() {
    static VolumeCache cache;
    return cache;
}

cv::Mat cutSlice(const WindowedVolume& volume, int axis, std::int64_t index, std::int64_t timePoint) {
    const VolumeGeometry& geometry = volume.geometry;
    const auto [columnAxis, rowAxis] = inPlaneAxes(axis);
    const int columns = static_cast<int>(geometry.size[columnAxis]);
    const int rows = static_cast<int>(geometry.size[rowAxis]);
    const std::array<std::int64_t, 3> stride = {1, geometry.size[0], geometry.size[0] * geometry.size[1]};
    const std::int64_t base = timePoint * geometry.size[0] * geometry.size[1] * geometry.size[2] + index * stride[axis];
    cv::Mat slice(rows, columns, volume.channels == 3 ? CV_8UC3 : CV_8UC1);
    for (int row = 0; row < rows; ++row) {
        std::uint8_t* out = slice.ptr<std::uint8_t>(row);
        const std::int64_t rowStart = base + (rows - 1 - row) * stride[rowAxis];  // the second axis points up
        for (int column = 0; column < columns; ++column) {
            const std::uint8_t* voxel = volume.voxels.data() + (rowStart + column * stride[columnAxis]) * volume.channels;
            for (int channel = 0; channel < volume.channels; ++channel) *out++ = voxel[channel];
        }
    }
    return slice;
}

// Resamples the slice so that a pixel covers as much along both sides (the finer spacing kept).
cv::Mat withSquarePixels(const cv::Mat& slice, double columnSpacing, double rowSpacing) {
    const double finer = std::min(columnSpacing, rowSpacing);
    const double stretchColumns = std::min(kMaxStretch, columnSpacing / finer);
    const double stretchRows = std::min(kMaxStretch, rowSpacing / finer);
    if (stretchColumns < 1.0 + kSquarePixelTolerance && stretchRows < 1.0 + kSquarePixelTolerance) return slice;
    cv::Mat resized;
    cv::resize(slice, resized,
               cv::Size(std::max(1, cvRound(slice.cols * stretchColumns)), std::max(1, cvRound(slice.rows * stretchRows))),
               0, 0, cv::INTER_LINEAR);
    return resized;
}

int axisIndex(char axis) {
    const auto found = std::find(kAxisNames.begin(), kAxisNames.end(), axis);
    return found == kAxisNames.end() ? -1 : static_cast<int>(found - kAxisNames.begin());
}

}  // namespace

bool hasNiftiExtension(const std::string& path) {
    std::string name = fs::path(path).filename().string();
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    const auto endsWith = [&name](const std::string& ending) {
        return name.size() > ending.size() && name.compare(name.size() - ending.size(), ending.size(), ending) == 0;
    };
    return endsWith(".nii") || endsWith(".nii.gz");
}

std::vector<std::string> niftiSliceNames(const std::string& path, SliceAxes axes, double maxMegapixels) {
    const VolumeGeometry geometry = readGeometry(path);
    checkVoxelCount(path, geometry, maxMegapixels);  // before naming a hostile header's billions of slices
    std::vector<int> listed;
    if (axes == SliceAxes::Acquisition) listed = {acquisitionAxis(geometry)};
    const std::array<SliceAxes, 3> axisFlags = {SliceAxes::X, SliceAxes::Y, SliceAxes::Z};
    for (int axis = 0; axis < 3; ++axis) {
        // All three: only axes whose slices are images, not lines (a 2D volume is listed along z alone).
        const bool lines = !slicesAreImages(geometry, axis);
        if (hasAxis(axes, axisFlags[axis]) && !(axes == SliceAxes::All && lines)) listed.push_back(axis);
    }
    if (listed.empty()) listed = {2};
    std::int64_t perVolume = 0;
    for (const int axis : listed) perVolume += geometry.size[axis];
    const std::int64_t volumes = geometry.fourDimensional ? geometry.timePoints : 1;
    if (static_cast<double>(perVolume) * static_cast<double>(volumes) > static_cast<double>(kMaxSlices)) {
        failForFile(path, std::to_string(perVolume) + " slices x " + std::to_string(volumes) +
                              " time points is over the " + std::to_string(kMaxSlices) + " slice limit");
    }
    std::vector<std::string> names;
    for (std::int64_t time = 1; time <= volumes; ++time) {
        for (const int axis : listed) {
            for (std::int64_t slice = 1; slice <= geometry.size[axis]; ++slice) {
                names.push_back(volumeSliceName(path, kAxisNames[axis], static_cast<int>(slice),
                                                geometry.fourDimensional ? static_cast<int>(time) : 0));
            }
        }
    }
    return names;
}

cv::Mat decodeNiftiSlice(const ImageSource& slice, double maxMegapixels) {
    const int axis = axisIndex(slice.axis);
    if (axis < 0 || slice.frame < 1) throw std::invalid_argument("decodeNiftiSlice: not a slice name");
    const std::shared_ptr<const WindowedVolume> volume = volumeCache().get(slice.file, maxMegapixels);
    const VolumeGeometry& geometry = volume->geometry;
    if (slice.frame > geometry.size[axis]) {
        failForFile(slice.file, std::string("slice ") + slice.axis + ":" + std::to_string(slice.frame) +
                                    " requested, the volume has " + std::to_string(geometry.size[axis]));
    }
    const std::int64_t timePoint = slice.volume >= 1 ? slice.volume : 1;
    if (timePoint > geometry.timePoints || (slice.volume >= 1) != geometry.fourDimensional) {
        failForFile(slice.file, "time point " + std::to_string(slice.volume) + " requested, the volume has " +
                                    std::to_string(geometry.fourDimensional ? geometry.timePoints : 0));
    }
    const auto [columnAxis, rowAxis] = inPlaneAxes(axis);
    const cv::Mat cut = cutSlice(*volume, axis, slice.frame - 1, timePoint - 1);
    return withSquarePixels(cut, geometry.spacing[columnAxis], geometry.spacing[rowAxis]);
}

}  // namespace twinsight::core
