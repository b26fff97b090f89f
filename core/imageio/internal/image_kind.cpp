#include "core/imageio/internal/image_kind.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "core/imageio/internal/dicom_decoding.h"
#include "core/imageio/internal/file_extension.h"
#include "core/imageio/internal/nifti_decoding.h"
#include "core/imageio/internal/raw_decoding.h"

namespace twinsight::core {
namespace {

// What OpenCV 4 decodes on every platform we ship (camera RAW goes through LibRaw, DICOM through DCMTK).
constexpr std::array<std::string_view, 9> kRasterExtensions = {".jpg",  ".jpeg", ".png",  ".bmp", ".tif",
                                                               ".tiff", ".webp", ".pgm", ".ppm"};

// Files that sit beside images and are never images. DICOM files themselves come with no extension, with .dcm, or
// with a vendor's or a number's (.IMA, IM0001.1): those are left to the signature.
constexpr std::array<std::string_view, 24> kNotImageExtensions = {
    ".xmp",  ".txt", ".csv", ".json", ".xml", ".md",  ".html", ".htm", ".pdf", ".log", ".ini", ".pp3",
    ".dop",  ".on1", ".cos", ".thm",  ".mov", ".mp4", ".avi",  ".mts", ".wav", ".zip", ".gz",  ".twinsight"};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& extensions, const std::string& extension) {
    return std::find(extensions.begin(), extensions.end(), extension) != extensions.end();
}

}  // namespace

ImageKind imageKindByName(const std::string& path) {
    const std::string extension = lowerCaseExtension(path);
    if (contains(kRasterExtensions, extension)) return ImageKind::Raster;
    if (hasRawExtension(path)) return ImageKind::CameraRaw;
    if (hasDicomExtension(path)) return ImageKind::Dicom;
    if (hasNiftiExtension(path)) return ImageKind::Nifti;  // before .gz, which is no image on its own
    if (contains(kNotImageExtensions, extension)) return ImageKind::NotImage;
    return ImageKind::Unknown;
}

}  // namespace twinsight::core
