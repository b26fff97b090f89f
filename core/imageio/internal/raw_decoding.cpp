// LibRaw behind one function: open, refuse oversized sensors, prefer the embedded preview, else a half-size decode.

#include "core/imageio/internal/raw_decoding.h"

#include <libraw.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <new>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <sstream>
#include <stdexcept>
#include <utility>

#include "core/base/file_errors.h"
#include "core/imageio/internal/checked_decoding.h"
#include "core/imageio/internal/file_extension.h"
#include "core/imageio/internal/image_header.h"

namespace twinsight::core {
namespace fs = std::filesystem;
namespace {

// The RAW formats of current and past cameras that LibRaw reads; .raw also covers Leica and Panasonic files.
const std::array<const char*, 24> kRawExtensions = {".cr2", ".cr3", ".crw", ".nef", ".nrw", ".arw", ".srf", ".sr2",
                                                    ".raf", ".orf", ".rw2", ".dng", ".pef", ".srw", ".x3f", ".3fr",
                                                    ".iiq", ".erf", ".kdc", ".dcr", ".mrw", ".mos", ".rwl", ".raw"};

// libjpeg decodes at 1/8, 1/4 or 1/2 scale far faster than in full; largest first so the cheapest one is chosen.
constexpr std::array<int, 3> kJpegReductions = {8, 4, 2};

// LibRaw's return codes as one-line reasons; LibRaw's own wording goes in brackets.
[[noreturn]] void failWith(const std::string& path, int code) {
    const std::string detail = std::string(" (") + libraw_strerror(code) + ")";
    switch (code) {
        case LIBRAW_FILE_UNSUPPORTED:
            failForFile(path, "not a RAW image LibRaw can read" + detail);
        case LIBRAW_DATA_ERROR:
        case LIBRAW_IO_ERROR:
            failForFile(path, "corrupt RAW data" + detail);
        case LIBRAW_UNSUFFICIENT_MEMORY:
        case LIBRAW_TOO_BIG:
        case LIBRAW_MEMPOOL_OVERFLOW:
            failForFile(path, "too large to decode" + detail);
        default:
            failForFile(path, "RAW decoding failed" + detail);
    }
}

// LibRaw reports damaged sensor data through a callback and may carry on; the first report is kept here and turned
// into the error message once LibRaw returns.
struct DataErrors {
    std::string first;
};

void recordDataError(void* data, const char* /*file*/, const int offset) {
    auto& errors = *static_cast<DataErrors*>(data);
    if (!errors.first.empty()) return;
    errors.first = offset < 0 ? "unexpected end of file" : "data corrupted at byte " + std::to_string(offset);
}

// LibRaw's flip as its flip_index() reads it: bit 2 turns the image upside down and bit 1 mirrors it left to right,
// then bit 4 transposes. So 3 is 180 degrees, 5 is 90 degrees counter-clockwise and 6 is 90 degrees clockwise.
cv::Mat applyFlip(const cv::Mat& image, int flip) {
    cv::Mat out = image;
    const bool rows = (flip & 2) != 0;
    const bool cols = (flip & 1) != 0;
    if (rows || cols) cv::flip(image, out, rows && cols ? -1 : rows ? 0 : 1);
    if ((flip & 4) != 0) cv::transpose(out, out);
    return out;
}

// A JPEG preview, decoded reduced when the reduced image still covers the working size; empty when it is damaged
// (the raw data may still be whole). libjpeg prints nothing: the decoder has its own error manager.
cv::Mat decodeJpegPreview(const std::string& path, const libraw_thumbnail_t& thumb, int workingSize,
                          double maxMegapixels) {
    const std::string bytes(thumb.thumb, thumb.tlength);
    std::istringstream in(bytes);
    const ImageHeader header = readImageHeader(in);
    if (header.format != ImageFormat::Jpeg || !header.size) return {};
    const cv::Size size = *header.size;
    if (static_cast<double>(size.width) * size.height / 1e6 > maxMegapixels) return {};
    int denominator = 1;
    for (const int factor : kJpegReductions) {
        if (std::min(size.width, size.height) / factor >= workingSize) {  // floor: libjpeg rounds up, so it covers
            denominator = factor;
            break;
        }
    }
    try {
        // LibRaw's flip is applied afterwards
        CheckedImage preview = decodeJpeg(path, bytes, denominator, JpegOrientation::Ignore);
        return preview.damage.empty() ? preview.image : cv::Mat();
    } catch (const std::runtime_error&) {
        return {};
    }
}

// An 8-bit RGB or grey bitmap preview, as BGR.
cv::Mat bitmapPreview(const libraw_thumbnail_t& thumb) {
    const int colors = thumb.tcolors;
    const std::size_t needed = static_cast<std::size_t>(thumb.twidth) * thumb.theight * std::max(colors, 0);
    if ((colors != 1 && colors != 3) || needed == 0 || needed > thumb.tlength) return {};
    const cv::Mat stored(thumb.theight, thumb.twidth, CV_8UC(colors), thumb.thumb);
    cv::Mat bgr;
    cv::cvtColor(stored, bgr, colors == 3 ? cv::COLOR_RGB2BGR : cv::COLOR_GRAY2BGR);
    return bgr;
}

// The embedded preview, unrotated as stored; empty when there is none, it is too small or it cannot be decoded.
cv::Mat decodePreview(const std::string& path, LibRaw& raw, int workingSize, double maxMegapixels) {
    const libraw_thumbnail_t& thumb = raw.imgdata.thumbnail;
    if (thumb.twidth > 0 && thumb.theight > 0 && std::min(thumb.twidth, thumb.theight) < workingSize) return {};
    if (raw.unpack_thumb() != LIBRAW_SUCCESS || thumb.thumb == nullptr || thumb.tlength == 0) return {};
    cv::Mat preview;
    try {
        if (thumb.tformat == LIBRAW_THUMBNAIL_JPEG)
            preview = decodeJpegPreview(path, thumb, workingSize, maxMegapixels);
        if (thumb.tformat == LIBRAW_THUMBNAIL_BITMAP) preview = bitmapPreview(thumb);
    } catch (const cv::Exception&) {
        return {};  // a damaged preview is no reason to give up: the raw data may be fine
    }
    if (preview.empty() || std::min(preview.cols, preview.rows) < workingSize) return {};
    return preview;
}

// Half-size demosaicing (each 2x2 Bayer block becomes one pixel), camera white balance, sRGB, 8 bits.
cv::Mat decodeHalfSize(const std::string& path, LibRaw& raw, const DataErrors& errors) {
    libraw_output_params_t& params = raw.imgdata.params;
    params.half_size = 1;
    params.use_camera_wb = 1;
    params.output_bps = 8;
    params.output_color = 1;  // sRGB
    int code = raw.unpack();
    if (code == LIBRAW_SUCCESS) code = raw.dcraw_process();
    if (!errors.first.empty())
        failForFile(path, "corrupt RAW data (" + errors.first + ")");  // more precise than the code
    if (code != LIBRAW_SUCCESS) failWith(path, code);
    const std::unique_ptr<libraw_processed_image_t, void (*)(libraw_processed_image_t*)> image(
        raw.dcraw_make_mem_image(&code), &LibRaw::dcraw_clear_mem);
    if (!image) failWith(path, code);
    if (image->type != LIBRAW_IMAGE_BITMAP || image->bits != 8 || (image->colors != 3 && image->colors != 1)) {
        failForFile(path, "unsupported RAW colour layout (" + std::to_string(image->colors) + " colours)");
    }
    const cv::Mat stored(image->height, image->width, CV_8UC(image->colors), image->data);
    cv::Mat bgr;  // a copy, since LibRaw's buffer is freed on return; already rotated by LibRaw
    cv::cvtColor(stored, bgr, image->colors == 3 ? cv::COLOR_RGB2BGR : cv::COLOR_GRAY2BGR);
    return bgr;
}

// Opens the file and refuses it when its sensor is over the limit, before anything is decoded.
void open(const std::string& path, LibRaw& raw, double maxMegapixels) {
    const int code = raw.open_file(path.c_str());
    // An I/O error while LibRaw identifies the file means it ran out of bytes to recognise: not a RAW file.
    if (code == LIBRAW_IO_ERROR) failWith(path, LIBRAW_FILE_UNSUPPORTED);
    if (code != LIBRAW_SUCCESS) failWith(path, code);
    const libraw_image_sizes_t& sizes = raw.imgdata.sizes;
    checkMegapixels(path, sizes.raw_width, sizes.raw_height, maxMegapixels);
}

cv::Mat decode(const std::string& path, int workingSize, double maxMegapixels) {
    requireReadableFile(path);
    // About 750 KB of state: too big for a worker thread's stack. LibRaw's default error callbacks print to stderr.
    auto raw = std::make_unique<LibRaw>(LIBRAW_OPIONS_NO_MEMERR_CALLBACK | LIBRAW_OPIONS_NO_DATAERR_CALLBACK);
    DataErrors errors;
    raw->set_dataerror_handler(&recordDataError, &errors);
    open(path, *raw, maxMegapixels);
    const cv::Mat preview = decodePreview(path, *raw, workingSize, maxMegapixels);
    if (!preview.empty()) return applyFlip(preview, raw->imgdata.sizes.flip);
    if ((raw->imgdata.progress_flags & LIBRAW_PROGRESS_IDENTIFY) == 0) {  // a fatal error reading the preview
        errors.first.clear();                                             // recycled LibRaw: open the file again
        open(path, *raw, maxMegapixels);
    }
    return decodeHalfSize(path, *raw, errors);
}

}  // namespace

bool hasRawExtension(const std::string& path) {
    const std::string extension = lowerCaseExtension(path);
    return std::find(kRawExtensions.begin(), kRawExtensions.end(), extension) != kRawExtensions.end();
}

cv::Mat decodeRawImage(const std::string& path, int workingSize, double maxMegapixels) {
    if (workingSize <= 0) {
        throw std::invalid_argument("working size must be positive, got " + std::to_string(workingSize));
    }
    if (!(maxMegapixels > 0)) {
        throw std::invalid_argument("the megapixel limit must be positive, got " + std::to_string(maxMegapixels));
    }
    try {
        return decode(path, workingSize, maxMegapixels);
    } catch (const std::bad_alloc&) {
        failForFile(path, "too large to decode (out of memory)");
    }
}

}  // namespace twinsight::core
