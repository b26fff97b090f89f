#include "core/imageio/internal/dicom_decoding.h"

#include "core/base/file_errors.h"
#include "core/imageio/internal/file_extension.h"

// DCMTK's osconfig.h must come before its other headers.
#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dccodec.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcdict.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcistrmb.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>
#include <dcmtk/dcmdata/dcrledrg.h>
#include <dcmtk/dcmdata/dcxfer.h>
#include <dcmtk/dcmimage/diregist.h>  // lets DicomImage handle colour images
#include <dcmtk/dcmimgle/dcmimage.h>
#include <dcmtk/dcmjpeg/djdecode.h>
#include <dcmtk/dcmjpls/djdecode.h>
#include <dcmtk/oflog/oflog.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <memory>
#include <mutex>
#include <opencv2/imgproc.hpp>
#include <stdexcept>
#include <system_error>
#include <vector>

namespace twinsight::core {
namespace fs = std::filesystem;
namespace {

// Part 10 files: a 128-byte preamble, then these four bytes.
constexpr std::streamoff kMagicOffset = 128;
constexpr std::array<char, 4> kMagic = {'D', 'I', 'C', 'M'};

// Share of pixels ignored at each end by the automatic window: a few hot pixels or burnt-in labels must not
// squeeze the anatomy into a handful of grey levels.
constexpr double kWindowTail = 0.01;

// Pixels sampled for that window: plenty for 256 output levels, and bounded memory on huge frames.
constexpr unsigned long kWindowSamples = 1ul << 20;

// Images with at most this many bits stored (secondary captures, ultrasound, endoscopy) are already made for
// display: without a window in the file they are shown as stored, not stretched.
constexpr int kDisplayReadyBits = 8;

// One frame only (multi-frame files are not decoded whole); embedded overlays would need all frames.
constexpr unsigned long kImageFlags = CIF_UsePartialAccessToPixelData | CIF_NeverAccessEmbeddedOverlays;

struct DicomHeader {
    int rows = 0;
    int columns = 0;
    int frames = 1;
    int bitsStored = 0;
    E_TransferSyntax transferSyntax = EXS_Unknown;
};

// Once per process: DCMTK logs header values (names, IDs) to stderr, so its logging is switched off; the codecs
// stay registered for the life of the process since DCMTK forbids deregistering while another thread decodes.
void setUpDcmtk() {
    static std::once_flag once;
    std::call_once(once, [] {
        OFLog::configure(OFLogger::OFF_LOG_LEVEL);
        DJDecoderRegistration::registerCodecs();
        DJLSDecoderRegistration::registerCodecs();
        DcmRLEDecoderRegistration::registerCodecs();
    });
}

// Files up to this size are read whole in one pass (one open); in larger ones, values over DCMTK's default read
// length (4 KiB: the pixel data) stay on disk and are read when a frame needs them, so memory stays bounded.
constexpr std::uintmax_t kWholeReadBytes = 64u << 20;

// Parses the file.
std::unique_ptr<DcmFileFormat> loadFile(const std::string& path) {
    requireReadableFile(path);
    if (!dcmDataDict.isDictionaryLoaded()) {
        failForFile(path,
                    "cannot be read (DCMTK's data dictionary is not installed; set DCMDICTPATH to its dicom.dic)");
    }
    std::error_code error;
    const bool whole = fs::file_size(path, error) <= kWholeReadBytes && !error;
    auto file = std::make_unique<DcmFileFormat>();
    if (file->loadFile(OFFilename(path.c_str()), EXS_Unknown, EGL_noChange,
                       whole ? std::numeric_limits<Uint32>::max() : DCM_MaxReadLength)
            .bad()) {
        failForFile(path, "not a DICOM image (the file is truncated or is not DICOM)");
    }
    return file;
}

// Opens a regular file and reads its first 132 bytes into `head`: true when they end with DICOM's signature, `in`
// then left just after it.
bool openAtSignature(const std::string& path, std::ifstream& in, std::string& head) {
    if (!notRegularFileReason(path).empty()) return false;  // a FIFO would block the open
    in.open(path, std::ios::binary);
    head.assign(static_cast<std::size_t>(kMagicOffset) + kMagic.size(), '\0');
    if (!in.read(head.data(), static_cast<std::streamsize>(head.size()))) return false;
    return std::equal(kMagic.begin(), kMagic.end(), head.begin() + kMagicOffset);
}

// Parses a whole file already read into memory; nullptr when it does not parse.
std::unique_ptr<DcmFileFormat> parseBytes(const std::string& bytes) {
    DcmInputBufferStream stream;
    stream.setBuffer(bytes.data(), static_cast<offile_off_t>(bytes.size()));
    stream.setEos();
    auto file = std::make_unique<DcmFileFormat>();
    file->transferInit();
    const OFCondition status = file->read(stream, EXS_Unknown, EGL_noChange, std::numeric_limits<Uint32>::max());
    file->transferEnd();
    return status.bad() ? nullptr : std::move(file);
}

// The last file parsed on this thread, kept while it is unchanged: listing a series and decoding its frames one by
// one parse it once. A large file keeps its pixel data on disk (above), so what a thread keeps stays small.
struct ParsedDicom {
    std::string path;
    std::uintmax_t size = 0;
    fs::file_time_type modified;
    std::unique_ptr<DcmFileFormat> file;

    bool holds(const std::string& other, std::uintmax_t otherSize, fs::file_time_type otherModified) const {
        return file && !path.empty() && path == other && size == otherSize && modified == otherModified;
    }
};

ParsedDicom& lastParsedOnThisThread() {
    thread_local ParsedDicom last;
    return last;
}

DcmFileFormat& parsedFile(const std::string& path) {
    ParsedDicom& last = lastParsedOnThisThread();
    std::error_code sizeError, timeError;
    const std::uintmax_t size = fs::file_size(path, sizeError);
    const fs::file_time_type modified = fs::last_write_time(path, timeError);
    if (!sizeError && !timeError && last.holds(path, size, modified)) return *last.file;
    last.file.reset();  // a file that fails to parse leaves nothing behind
    std::unique_ptr<DcmFileFormat> file = loadFile(path);
    // Without its size and time the file could change unseen: parsed again next time.
    last = {sizeError || timeError ? std::string() : path, size, modified, std::move(file)};
    return *last.file;
}

// Compressed: every frame takes at least one fragment after the offset table.
std::uint64_t framesInFragments(DcmElement& element, E_TransferSyntax syntax) {
    auto* pixels = dynamic_cast<DcmPixelData*>(&element);
    DcmPixelSequence* fragments = nullptr;
    if (pixels == nullptr || pixels->getEncapsulatedRepresentation(syntax, nullptr, fragments).bad() ||
        fragments == nullptr) {
        return 0;
    }
    return fragments->card() > 0 ? fragments->card() - 1 : 0;
}

// A header may claim more frames than the pixel data holds (a bad NumberOfFrames): trust the data, so that a
// folder scan never lists millions of frames.
int framesInPixelData(const std::string& path, DcmDataset& data, const DicomHeader& header) {
    DcmElement* pixels = nullptr;
    Uint16 samples = 1;
    Uint16 bitsAllocated = 0;
    data.findAndGetElement(DCM_PixelData, pixels);
    data.findAndGetUint16(DCM_SamplesPerPixel, samples);
    data.findAndGetUint16(DCM_BitsAllocated, bitsAllocated);
    const std::uint64_t frameBits = std::uint64_t{static_cast<unsigned>(header.rows)} * header.columns *
                                    std::max<Uint16>(samples, 1) * bitsAllocated;
    std::uint64_t available = 0;
    if (pixels != nullptr && DcmXfer(header.transferSyntax).isEncapsulated()) {
        available = framesInFragments(*pixels, header.transferSyntax);
    } else if (pixels != nullptr && frameBits > 0) {
        available = std::uint64_t{pixels->getLength()} * 8 / frameBits;
    }
    if (available == 0) failForFile(path, "not a DICOM image (the pixel data is shorter than one frame)");
    return static_cast<int>(std::min<std::uint64_t>(static_cast<std::uint64_t>(header.frames), available));
}

// `maxMegapixels` is checked on the header's size before the pixel data's length: a 60000 x 60000 header over a few
// bytes of pixels is named as over the limit, not as short pixel data.
DicomHeader readHeader(const std::string& path, DcmFileFormat& file,
                       double maxMegapixels = std::numeric_limits<double>::infinity()) {
    DcmDataset& data = *file.getDataset();
    if (!data.tagExists(DCM_PixelData)) failForFile(path, "not a DICOM image (no pixel data)");
    Uint16 rows = 0;
    Uint16 columns = 0;
    Uint16 bitsStored = 0;
    Sint32 frames = 1;
    data.findAndGetUint16(DCM_Rows, rows);
    data.findAndGetUint16(DCM_Columns, columns);
    data.findAndGetUint16(DCM_BitsStored, bitsStored);
    if (rows == 0 || columns == 0) failForFile(path, "not a DICOM image (no image size in the header)");
    checkMegapixels(path, columns, rows, maxMegapixels);
    if (data.findAndGetSint32(DCM_NumberOfFrames, frames).bad() || frames < 1) frames = 1;  // as DCMTK reads it
    DicomHeader header{rows, columns, static_cast<int>(frames), bitsStored, data.getOriginalXfer()};
    header.frames = framesInPixelData(path, data, header);
    return header;
}

// Numbered from 1 in the message, as DICOM and FILE#K names number frames.
void checkFrame(const std::string& path, int frameIndex, int frames) {
    if (frameIndex < frames) return;
    const long long number = static_cast<long long>(frameIndex) + 1;
    failForFile(path, "frame " + std::to_string(number) + " requested, the file has " + std::to_string(frames));
}

void checkTransferSyntax(const std::string& path, E_TransferSyntax syntax) {
    const DcmXfer xfer(syntax);
    if (!xfer.isEncapsulated() || DcmCodecList::canChangeCoding(syntax, EXS_LittleEndianExplicit)) return;
    failForFile(path, std::string("cannot decode pixel data (unsupported transfer syntax ") + xfer.getXferName() + ")");
}

// DICOM RLE: each frame is one fragment that opens with a 64-byte header, the segment count (1 to 15) and 15
// segment offsets. DCMTK 3.6.7 reads past the fragment when those offsets do not fit it (a mutated file crashed it
// in DcmRLEDecoder), so the header of the frame about to be decoded is checked first.
void checkRleFragment(const std::string& path, DcmDataset& data, int frameIndex, int frames) {
    constexpr std::uint32_t kHeaderBytes = 64;
    constexpr std::uint32_t kMaxSegments = 15;
    DcmElement* element = nullptr;
    data.findAndGetElement(DCM_PixelData, element);
    auto* pixels = dynamic_cast<DcmPixelData*>(element);
    DcmPixelSequence* fragments = nullptr;
    DcmPixelItem* fragment = nullptr;
    Uint8* bytes = nullptr;
    const bool found = pixels != nullptr &&
                       pixels->getEncapsulatedRepresentation(EXS_RLELossless, nullptr, fragments).good() &&
                       fragments != nullptr && fragments->card() == static_cast<unsigned long>(frames) + 1 &&
                       fragments->getItem(fragment, static_cast<unsigned long>(frameIndex) + 1).good() &&
                       fragment != nullptr && fragment->getUint8Array(bytes).good() && bytes != nullptr;
    const std::uint32_t length = found ? fragment->getLength() : 0;
    auto word = [&](std::uint32_t index) {
        const Uint8* at = bytes + 4 * index;
        return std::uint32_t{at[0]} | std::uint32_t{at[1]} << 8 | std::uint32_t{at[2]} << 16 |
               std::uint32_t{at[3]} << 24;
    };
    bool whole = found && length >= kHeaderBytes;
    const std::uint32_t segments = whole ? word(0) : 0;
    whole = whole && segments >= 1 && segments <= kMaxSegments && word(1) == kHeaderBytes;
    for (std::uint32_t i = 1; whole && i <= segments; ++i) {
        const std::uint32_t next = i < segments ? word(i + 1) : length;
        whole = word(i) < next && next <= length;
    }
    if (!whole) failForFile(path, "damaged RLE pixel data (frame " + std::to_string(frameIndex + 1) + ")");
}

// DicomImage's status, in words that name no header value.
void checkStatus(const std::string& path, const DicomImage& image) {
    switch (image.getStatus()) {
        case EIS_Normal:
            return;
        case EIS_MemoryFailure:
            failForFile(path, "cannot decode pixel data (out of memory)");
        case EIS_MissingAttribute:
            failForFile(path, "not a DICOM image (a required image attribute is missing)");
        case EIS_NotSupportedValue:
            failForFile(path, "cannot decode pixel data (unsupported image encoding)");
        default:
            failForFile(path, "cannot decode pixel data (invalid or truncated image data)");
    }
}

// Modality values (after rescale slope/intercept) of the decoded frame, at most about kWindowSamples of them.
template <typename T>
std::vector<double> samplesOf(const DiPixel& pixels) {
    const T* values = static_cast<const T*>(pixels.getData());
    const unsigned long count = values != nullptr ? pixels.getCount() : 0;
    const unsigned long step = std::max(1ul, count / kWindowSamples);
    std::vector<double> samples;
    samples.reserve(count / step + 1);
    for (unsigned long i = 0; i < count; i += step) samples.push_back(static_cast<double>(values[i]));
    return samples;
}

std::vector<double> sampleValues(const DiPixel& pixels) {
    switch (pixels.getRepresentation()) {
        case EPR_Uint8:
            return samplesOf<Uint8>(pixels);
        case EPR_Sint8:
            return samplesOf<Sint8>(pixels);
        case EPR_Uint16:
            return samplesOf<Uint16>(pixels);
        case EPR_Sint16:
            return samplesOf<Sint16>(pixels);
        case EPR_Uint32:
            return samplesOf<Uint32>(pixels);
        case EPR_Sint32:
            return samplesOf<Sint32>(pixels);
    }
    return {};
}

// Our own percentiles rather than setHistogramWindow: that one allocates a bin per possible value, which a
// 32-bit image or a large rescale slope turns into gigabytes.
void setPercentileWindow(DicomImage& image) {
    const DiPixel* pixels = image.getInterData();
    std::vector<double> samples = pixels != nullptr ? sampleValues(*pixels) : std::vector<double>{};
    if (samples.empty()) return;
    const auto percentile = [&samples](double fraction) {
        const auto rank = samples.begin() + static_cast<std::ptrdiff_t>(fraction * (samples.size() - 1) + 0.5);
        std::nth_element(samples.begin(), rank, samples.end());
        return *rank;
    };
    const double low = percentile(kWindowTail);
    const double high = percentile(1.0 - kWindowTail);
    // DICOM's linear window maps centre - 0.5 -/+ (width - 1) / 2 to black/white: here low and high.
    if (high > low)
        image.setWindow((low + high + 1.0) / 2.0, high - low + 1.0);
    else
        image.setMinMaxWindow();
}

void setWindow(DicomImage& image, const DicomHeader& header) {
    if (image.getWindowCount() > 0 && image.setWindow(0)) return;
    if (image.getVoiLutCount() > 0 && image.setVoiLut(0)) return;
    if (header.bitsStored > kDisplayReadyBits) setPercentileWindow(image);
}

// MONOCHROME1 is rendered as MONOCHROME2 and then inverted here: DCMTK's own inversion maps 127 and 128 both to 128.
cv::Mat render(const std::string& path, DicomImage& image) {
    const bool monochrome = image.isMonochrome();
    const bool inverted = image.getPhotometricInterpretation() == EPI_Monochrome1;
    if (inverted) image.setPresentationLutShape(ESP_Identity);
    cv::Mat rendered(static_cast<int>(image.getHeight()), static_cast<int>(image.getWidth()),
                     monochrome ? CV_8UC1 : CV_8UC3);
    const unsigned long size = rendered.total() * rendered.elemSize();
    if (image.getOutputDataSize(/*bits=*/8) != size ||
        !image.getOutputData(rendered.data, size, /*bits=*/8, /*frame=*/0, /*planar=*/0)) {
        failForFile(path, "cannot decode pixel data (rendering failed)");
    }
    cv::Mat bgr;
    cv::cvtColor(rendered, bgr, monochrome ? cv::COLOR_GRAY2BGR : cv::COLOR_RGB2BGR);
    if (inverted) cv::bitwise_not(bgr, bgr);
    return bgr;
}

}  // namespace

bool hasDicomExtension(const std::string& path) {
    const std::string extension = lowerCaseExtension(path);
    return extension == ".dcm" || extension == ".dicom";
}

bool hasDicomSignature(const std::string& path) {
    std::ifstream in;
    std::string head;
    return openAtSignature(path, in, head);
}

int dicomFrameCount(const std::string& path) {
    setUpDcmtk();
    return readHeader(path, parsedFile(path)).frames;
}

bool parseIfDicomSignature(const std::string& path) {
    std::ifstream in;
    std::string bytes;
    if (!openAtSignature(path, in, bytes)) return false;
    std::error_code sizeError, timeError;
    const std::uintmax_t size = fs::file_size(path, sizeError);
    const fs::file_time_type modified = fs::last_write_time(path, timeError);
    ParsedDicom& last = lastParsedOnThisThread();
    if (sizeError || timeError || size > kWholeReadBytes || last.holds(path, size, modified)) return true;
    setUpDcmtk();
    if (!dcmDataDict.isDictionaryLoaded()) return true;  // decoding it says why
    const std::size_t head = bytes.size();
    bytes.resize(static_cast<std::size_t>(size));
    if (!in.read(bytes.data() + head, static_cast<std::streamsize>(size - head))) return true;
    if (std::unique_ptr<DcmFileFormat> file = parseBytes(bytes)) last = {path, size, modified, std::move(file)};
    return true;
}

cv::Mat decodeDicomFrame(const std::string& path, int frameIndex, double maxMegapixels) {
    if (frameIndex < 0) {
        throw std::invalid_argument("frame index must not be negative, got " + std::to_string(frameIndex));
    }
    setUpDcmtk();
    DcmFileFormat* file = &parsedFile(path);
    const DicomHeader header = readHeader(path, *file, maxMegapixels);
    checkFrame(path, frameIndex, header.frames);
    checkTransferSyntax(path, header.transferSyntax);
    if (header.transferSyntax == EXS_RLELossless)
        checkRleFragment(path, *file->getDataset(), frameIndex, header.frames);
    DicomImage image(file, header.transferSyntax, kImageFlags, static_cast<unsigned long>(frameIndex), 1ul);
    checkStatus(path, image);
    image.hideAllOverlays();  // annotations, not image content
    if (image.isMonochrome()) setWindow(image, header);
    return render(path, image);
}

}  // namespace twinsight::core
