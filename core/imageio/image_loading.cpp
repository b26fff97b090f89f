#include "core/imageio/image_loading.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <stdexcept>
#include <system_error>
#include <thread>
#include <unordered_set>
#include <utility>

#include "core/base/file_errors.h"
#include "core/imageio/internal/checked_decoding.h"
#include "core/imageio/internal/decoder_messages.h"
#include "core/imageio/internal/dicom_decoding.h"
#include "core/imageio/internal/image_header.h"
#include "core/imageio/internal/image_kind.h"
#include "core/imageio/internal/nifti_decoding.h"
#include "core/imageio/image_source.h"
#include "core/imageio/internal/raw_decoding.h"

namespace twinsight::core {
namespace fs = std::filesystem;
namespace {

// libjpeg decodes at 1/8, 1/4 or 1/2 scale far faster than in full; largest first so the cheapest one is chosen.
const std::array<std::pair<int, int>, 3> kJpegReductions = {
    {{8, cv::IMREAD_REDUCED_COLOR_8}, {4, cv::IMREAD_REDUCED_COLOR_4}, {2, cv::IMREAD_REDUCED_COLOR_2}}};

// fs::status, with every failure other than "not there" turned into a message naming the path.
fs::file_status statusOf(const std::string& path) {
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (status.type() != fs::file_type::none) return status;
    if (error == std::errc::permission_denied) failForFile(path, "cannot be read (permission denied)");
    failForFile(path, "cannot be read (" + error.message() + ")");
}

bool isHidden(const fs::path& path) {
    const std::string name = path.filename().string();
    return !name.empty() && name.front() == '.';
}

void checkMegapixels(const std::string& path, cv::Size size) {
    core::checkMegapixels(path, size.width, size.height, kMaxMegapixels);
}

// Opens the file; each reason it cannot be used becomes a message.
std::ifstream openImageFile(const std::string& path) {
    requireRegularFile(path, "an image file");  // before opening: a FIFO would block the open
    errno = 0;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        if (errno == EACCES) failForFile(path, "cannot be read (permission denied)");
        failForFile(path, std::string("cannot be read (") + (errno != 0 ? std::strerror(errno) : "open failed") + ")");
    }
    if (in.peek() == std::char_traits<char>::eof()) failForFile(path, "empty file");
    return in;
}

// Whether `path` is listed as DICOM: by its name, or, for an unknown extension, by its signature. With
// `parseNow`, a signed file is parsed in the same read, so that counting its frames opens it no more.
bool isDicomFile(const std::string& path, bool parseNow) {
    switch (imageKindByName(path)) {
        case ImageKind::Dicom:
            return true;
        case ImageKind::Unknown:
            return parseNow ? parseIfDicomSignature(path) : hasDicomSignature(path);
        default:
            return false;
    }
}

// Images in a DICOM file; a file that cannot be read counts as one, so that loading it reports why.
int dicomImageCount(const std::string& path) {
    try {
        return std::max(1, dicomFrameCount(path));
    } catch (const std::exception&) {
        return 1;
    }
}

// One name per image of a file: FILE#K per frame of a multi-frame file, else FILE.
void appendImageNames(const std::string& path, int images, std::vector<std::string>& names) {
    if (images <= 1) return names.push_back(path);
    for (int frame = 1; frame <= images; ++frame) names.push_back(imageSourceName(path, frame));
}

// A volume's slices; a volume whose header cannot be read is listed as itself, so that loading it reports why.
void appendSliceNames(const std::string& path, SliceAxes slices, std::vector<std::string>& names) {
    try {
        const std::vector<std::string> sliceNames = niftiSliceNames(path, slices, kMaxMegapixels);
        names.insert(names.end(), sliceNames.begin(), sliceNames.end());
    } catch (const std::exception&) {
        names.push_back(path);
    }
}

// Marks a volume in the scan's list, whose slices are named once the list is sorted.
constexpr int kVolumeEntry = -1;

// RAW and DICOM: their decoders open the file themselves. Empty for the others (and for an unknown extension
// without the DICOM signature), which the raster path reads.
cv::Mat decodeSpecialFormat(const ImageSource& source, int workingSize) {
    if (source.isSlice()) return decodeNiftiSlice(source, kMaxMegapixels);
    if (source.frame > 0) return decodeDicomFrame(source.file, source.frame - 1, kMaxMegapixels);
    const ImageKind kind = imageKindByName(source.file);
    if (kind == ImageKind::Nifti) {
        niftiSliceNames(source.file, SliceAxes::Acquisition, kMaxMegapixels);  // a damaged header says why
        failForFile(source.file, "a volume: name one of its slices (FILE#z:K) or list it from its folder");
    }
    if (kind == ImageKind::CameraRaw) return decodeRawImage(source.file, workingSize, kMaxMegapixels);
    if (kind == ImageKind::Dicom || (kind == ImageKind::Unknown && parseIfDicomSignature(source.file))) {
        return decodeDicomFrame(source.file, 0, kMaxMegapixels);
    }
    return {};
}

// IMREAD_COLOR applies the EXIF orientation (IMREAD_UNCHANGED would not) and drops any alpha channel: transparent
// pixels keep their stored colour. IMREAD_ANYDEPTH keeps 16 bits so that toBgr8 rounds them instead of truncating.
int decodeFlags(const ImageHeader& header, int workingSize) {
    if (header.format == ImageFormat::Jpeg && header.size) {
        const int reduction = jpegReductionFor(*header.size, workingSize);
        for (const auto& [factor, flag] : kJpegReductions) {
            if (factor == reduction) return flag;
        }
    }
    return cv::IMREAD_COLOR | cv::IMREAD_ANYDEPTH;
}

// The libjpeg scale denominator decodeFlags' reduction stands for.
int jpegScaleDenominator(int flags) {
    for (const auto& [factor, flag] : kJpegReductions) {
        if (flags == flag) return factor;
    }
    return 1;
}

cv::Mat decode(const std::string& path, int flags) {
    try {
        return cv::imread(path, flags);
    } catch (const cv::Exception&) {
        return {};  // some decoders throw on malformed data instead of returning an empty image
    }
}

// 16-bit maps 65535 to 255 (divide by 257); floating-point TIFFs are taken as 0..1.
cv::Mat toBgr8(const cv::Mat& image) {
    cv::Mat bgr = image;
    if (image.depth() != CV_8U) {
        const bool floating = image.depth() == CV_32F || image.depth() == CV_64F;
        image.convertTo(bgr, CV_8U, image.depth() == CV_16U ? 1.0 / 257.0 : floating ? 255.0 : 1.0);
    }
    if (bgr.channels() == 1) cv::cvtColor(bgr, bgr, cv::COLOR_GRAY2BGR);
    if (bgr.channels() == 4) cv::cvtColor(bgr, bgr, cv::COLOR_BGRA2BGR);
    return bgr;
}

// "path: reason" -> "reason", since SkippedFile keeps the path separately.
std::string reasonWithoutPath(const std::string& path, const std::string& message) {
    // A frame's error names its file ("a.dcm: frame 4 requested ..."), not the FILE#K name.
    for (const std::string& name : {path, parseImageSource(path).file}) {
        const std::string prefix = name + ": ";
        if (message.compare(0, prefix.size(), prefix) == 0) return message.substr(prefix.size());
    }
    return message.empty() ? "unknown error" : message;
}

void checkWorkingSize(int workingSize) {
    if (workingSize <= 0) {
        throw std::invalid_argument("working size must be positive, got " + std::to_string(workingSize));
    }
}

std::size_t workerCount(int threads, std::size_t jobs) {
    const std::size_t wanted = threads > 0 ? static_cast<std::size_t>(threads) : std::thread::hardware_concurrency();
    return std::max<std::size_t>(1, std::min(wanted, jobs));
}

// Results gathered in input order, whatever order the workers finished in.
ImageSet collect(const std::vector<std::string>& paths, std::vector<LoadedImage>& images,
                 const std::vector<std::string>& reasons) {
    ImageSet set;
    for (std::size_t i = 0; i < paths.size(); ++i) {
        if (images[i].image.empty()) {
            set.skipped.push_back({paths[i], reasons[i].empty() ? "unknown error" : reasons[i]});
        } else {
            set.paths.push_back(paths[i]);
            set.images.push_back(std::move(images[i].image));
            set.damage.push_back(std::move(images[i].damage));
        }
    }
    return set;
}

}  // namespace

bool hasImageExtension(const std::string& path) {
    const ImageKind kind = imageKindByName(path);
    return kind == ImageKind::Raster || kind == ImageKind::CameraRaw || kind == ImageKind::Dicom ||
           kind == ImageKind::Nifti;
}

std::vector<std::string> listImageFiles(const std::string& folder, bool expandFrames, SliceAxes slices) {
    const fs::file_status status = statusOf(folder);
    if (!fs::exists(status)) failForFile(folder, "folder does not exist");
    if (!fs::is_directory(status)) failForFile(folder, "not a folder");
    std::error_code error;
    fs::directory_iterator probe(folder, error);  // the recursive walk would silently skip an unreadable root
    if (error) failForFile(folder, "cannot be read (" + error.message() + ")");
    // Path, images in it. A DICOM file's frames are counted as soon as its kind is known, while this thread still
    // holds it parsed.
    std::vector<std::pair<fs::path, int>> found;
    try {
        for (fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied), end; it != end;
             ++it) {
            if (isHidden(it->path())) {
                it.disable_recursion_pending();
            } else if (it->is_regular_file(error)) {
                const std::string path = it->path().string();
                const ImageKind kind = imageKindByName(path);
                if (kind == ImageKind::Raster || kind == ImageKind::CameraRaw) {
                    found.emplace_back(path, 1);
                } else if (kind == ImageKind::Nifti) {
                    found.emplace_back(path, expandFrames ? kVolumeEntry : 1);
                } else if (isDicomFile(path, expandFrames)) {
                    found.emplace_back(path, expandFrames ? dicomImageCount(path) : 1);
                }
            } else if (!it->is_directory(error)) {
                // A dangling link, a link loop, a FIFO, a device: listed, so that loading reports it (never opened).
                found.emplace_back(it->path(), 1);
            }
        }
    } catch (const fs::filesystem_error& e) {
        failForFile(folder, std::string("cannot be read (") + e.code().message() + ")");
    }
    std::sort(found.begin(), found.end());
    std::vector<std::string> names;
    names.reserve(found.size());
    for (const auto& [path, images] : found) {
        if (images == kVolumeEntry) {
            appendSliceNames(path.string(), slices, names);
        } else {
            appendImageNames(path.string(), images, names);
        }
    }
    return names;
}

std::vector<std::string> expandImagePaths(const std::vector<std::string>& pathsOrFolders, bool keepMissing,
                                          bool expandFrames, SliceAxes slices) {
    std::vector<std::string> names;
    std::unordered_set<std::string> seen;
    const auto add = [&](const std::string& name) {
        if (seen.insert(name).second) names.push_back(name);
    };
    for (const std::string& path : pathsOrFolders) {
        const ImageSource source = parseImageSource(path);
        std::error_code error;
        const fs::file_status status = fs::status(source.file, error);
        if (!keepMissing && status.type() == fs::file_type::none && error != std::errc::too_many_symbolic_link_levels) {
            statusOf(source.file);  // throws the reason (permission denied, ...)
        }
        if (!fs::exists(status)) {
            // A name that is nothing is a typo; a dangling link or a loop is reported when it is loaded.
            if (!keepMissing && !fs::exists(fs::symlink_status(source.file, error))) {
                failForFile(path, "no such file or folder");
            }
            add(path);
            continue;
        }
        if (fs::is_directory(status)) {
            for (const std::string& name : listImageFiles(path, expandFrames, slices)) add(name);
        } else if (expandFrames && source.frame == 0 && fs::is_regular_file(status) &&
                   imageKindByName(path) == ImageKind::Nifti) {
            std::vector<std::string> sliceNames;
            appendSliceNames(path, slices, sliceNames);
            for (const std::string& name : sliceNames) add(name);
        } else if (expandFrames && source.frame == 0 && fs::is_regular_file(status) &&
                   isDicomFile(path, /*parseNow=*/true)) {
            std::vector<std::string> frames;
            appendImageNames(path, dicomImageCount(path), frames);
            for (const std::string& name : frames) add(name);
        } else {
            add(path);
        }
    }
    return names;
}

namespace {

// The whole file in one read: a byte-at-a-time iterator took 3% of a scoring run's CPU on 12-megapixel JPEGs.
std::string readWholeStream(std::ifstream& in) {
    in.clear();
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    in.seekg(0);
    std::string bytes(size > 0 ? static_cast<std::size_t>(size) : 0, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
    return bytes;
}

}  // namespace

LoadedImage loadImageAllowingDamage(const std::string& name, int workingSize) {
    checkWorkingSize(workingSize);
    keepOpenCvDecoderLinesOffStderr();
    const ImageSource source = parseImageSource(name);
    const std::string& path = source.file;
    // RAW and DICOM decoders check and open the file themselves: opened here too, it would be read twice.
    const cv::Mat special = decodeSpecialFormat(source, workingSize);
    if (!special.empty()) return {toWorkingSize(toBgr8(special), workingSize), {}};
    std::ifstream in = openImageFile(path);
    const ImageHeader header = readImageHeader(in);
    if (header.size) checkMegapixels(path, *header.size);
    const int flags = decodeFlags(header, workingSize);
    LoadedImage loaded;
    if (header.format == ImageFormat::Jpeg || header.format == ImageFormat::Png) {
        // Our own error managers: damage is told per file and libjpeg/libpng print nothing (OpenCV's would).
        const std::string bytes = readWholeStream(in);
        CheckedImage checked = header.format == ImageFormat::Jpeg ? decodeJpeg(path, bytes, jpegScaleDenominator(flags))
                                                                  : decodePng(path, bytes);
        loaded.image = std::move(checked.image);
        loaded.damage = std::move(checked.damage);
    } else {
        loaded.image = decode(path, flags);
    }
    if (loaded.image.empty()) failForFile(path, "not a readable image (corrupt or unsupported format)");
    if (!header.size) checkMegapixels(path, loaded.image.size());  // too late to save the memory, but still refused
    loaded.image = toWorkingSize(toBgr8(loaded.image), workingSize);
    return loaded;
}

int jpegReductionFor(cv::Size size, int workingSize) {
    const int shorter = std::min(size.width, size.height);
    for (const auto& [factor, flag] : kJpegReductions) {
        if (shorter / factor >= workingSize) return factor;  // floor: libjpeg rounds up, so this still covers it
    }
    return 1;
}

cv::Mat loadImage(const std::string& name, int workingSize) {
    LoadedImage loaded = loadImageAllowingDamage(name, workingSize);
    if (!loaded.damage.empty()) failForFile(parseImageSource(name).file, loaded.damage);
    return std::move(loaded.image);
}

cv::Mat toWorkingSize(const cv::Mat& image, int workingSize) {
    checkWorkingSize(workingSize);
    if (image.empty()) throw std::invalid_argument("toWorkingSize: the image is empty");
    const int shorter = std::min(image.cols, image.rows);
    if (shorter <= workingSize) return image;
    const double scale = static_cast<double>(workingSize) / shorter;
    const auto side = [&](int length) {
        return length == shorter ? workingSize : std::max(1, cvRound(length * scale));  // exact on the shorter side
    };
    cv::Mat resized;
    cv::resize(image, resized, cv::Size(side(image.cols), side(image.rows)), 0, 0, cv::INTER_AREA);
    return resized;
}

ImageSet loadImages(const std::vector<std::string>& paths, int workingSize, int threads, bool acceptDamaged) {
    checkWorkingSize(workingSize);
    if (threads < 0) {
        throw std::invalid_argument("threads must be 0 (automatic) or more, got " + std::to_string(threads));
    }
    std::vector<LoadedImage> images(paths.size());
    std::vector<std::string> reasons(paths.size());
    std::atomic<std::size_t> next{0};
    const auto work = [&] {  // exceptions never leave a worker: each becomes a skipped file's reason
        for (std::size_t i = next++; i < paths.size(); i = next++) {
            try {
                images[i] = loadImageAllowingDamage(paths[i], workingSize);
                if (!acceptDamaged && !images[i].damage.empty()) {
                    reasons[i] = images[i].damage;
                    images[i] = {};
                }
            } catch (const std::exception& e) {
                reasons[i] = reasonWithoutPath(paths[i], e.what());
            } catch (...) {
                reasons[i] = "unknown error";
            }
        }
    };
    std::vector<std::thread> workers;
    for (std::size_t w = 1; w < workerCount(threads, paths.size()); ++w) {
        try {
            workers.emplace_back(work);
        } catch (const std::system_error&) {
            break;  // fewer threads only make it slower
        }
    }
    work();
    for (std::thread& worker : workers) worker.join();
    return collect(paths, images, reasons);
}

std::vector<SkippedFile> joinSkippedParts(const std::vector<SkippedFile>& skipped) {
    std::vector<SkippedFile> joined;
    std::string lastFile;
    int parts = 0;
    bool slices = false;
    const auto close = [&] {
        if (parts > 1) {
            joined.back() = {lastFile, joined.back().reason + " (" + std::to_string(parts) +
                                           (slices ? " slices)" : " frames)")};
        }
        parts = 0;
    };
    for (const SkippedFile& file : skipped) {
        const ImageSource source = parseImageSource(file.path);
        if (source.frame > 0 && parts > 0 && source.file == lastFile && joined.back().reason == file.reason) {
            ++parts;
            continue;
        }
        close();
        joined.push_back(file);
        if (source.frame > 0) {
            lastFile = source.file;
            parts = 1;
            slices = source.isSlice();
        }
    }
    close();
    return joined;
}

ImageSet loadImagesFrom(const std::vector<std::string>& pathsOrFolders, int workingSize, int threads,
                        SliceAxes slices) {
    return loadImages(expandImagePaths(pathsOrFolders, false, true, slices), workingSize, threads);
}

}  // namespace twinsight::core
