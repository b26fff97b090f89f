#include "core/imageio/internal/checked_decoding.h"

#include <csetjmp>
#include <cstdio>  // jpeglib.h needs FILE and size_t first
#include <cstring>
#include <stdexcept>
#include <vector>

#include <jerror.h>
#include <jpeglib.h>
#include <png.h>

#include <opencv2/core.hpp>

namespace twinsight::core {
namespace {

[[noreturn]] void unreadable(const std::string& path, const std::string& reason) {
    throw std::runtime_error(path + ": not a readable image (" + reason + ")");
}

// --- EXIF orientation (TIFF block of an APP1 segment or a PNG eXIf chunk) --------------------------------------

int exifOrientation(const unsigned char* tiff, std::size_t size) {
    if (size < 8) return 1;
    const bool little = tiff[0] == 'I' && tiff[1] == 'I';
    if (!little && !(tiff[0] == 'M' && tiff[1] == 'M')) return 1;
    const auto u16 = [&](std::size_t at) -> unsigned {
        return little ? tiff[at] | (tiff[at + 1] << 8) : (tiff[at] << 8) | tiff[at + 1];
    };
    const auto u32 = [&](std::size_t at) -> std::size_t {
        return little ? u16(at) | (std::size_t{u16(at + 2)} << 16) : (std::size_t{u16(at)} << 16) | u16(at + 2);
    };
    const std::size_t ifd = u32(4);
    if (ifd > size - 2) return 1;
    const unsigned entries = u16(ifd);
    for (unsigned i = 0; i < entries; ++i) {
        const std::size_t entry = ifd + 2 + 12 * std::size_t{i};
        if (entry + 12 > size) return 1;
        if (u16(entry) == 0x0112 && u16(entry + 2) == 3) {
            const unsigned value = u16(entry + 8);
            return value >= 1 && value <= 8 ? static_cast<int>(value) : 1;
        }
    }
    return 1;
}

// As OpenCV's imread applies it.
void applyOrientation(cv::Mat& image, int orientation) {
    switch (orientation) {
        case 2:
            cv::flip(image, image, 1);
            break;
        case 3:
            cv::flip(image, image, -1);
            break;
        case 4:
            cv::flip(image, image, 0);
            break;
        case 5:
            cv::transpose(image, image);
            break;
        case 6:
            cv::transpose(image, image);
            cv::flip(image, image, 1);
            break;
        case 7:
            cv::transpose(image, image);
            cv::flip(image, image, -1);
            break;
        case 8:
            cv::transpose(image, image);
            cv::flip(image, image, 0);
            break;
        default:
            break;
    }
}

// --- JPEG ---------------------------------------------------------------------------------------------------------

struct JpegErrors {
    jpeg_error_mgr manager;
    std::jmp_buf jump;
    char fatal[JMSG_LENGTH_MAX] = {};
    char warning[JMSG_LENGTH_MAX] = {};  // the first warning that means damage
    int warningCode = -1;
    bool endOfData = false;  // JWRN_JPEG_EOF at any point: the file is cut
};

void onJpegFatal(j_common_ptr decoder) {
    auto* errors = reinterpret_cast<JpegErrors*>(decoder->err);
    (*decoder->err->format_message)(decoder, errors->fatal);
    std::longjmp(errors->jump, 1);
}

// Level -1 is a warning (the data is corrupt, libjpeg goes on); levels 0 and up are traces. Nothing is printed.
void onJpegMessage(j_common_ptr decoder, int level) {
    auto* errors = reinterpret_cast<JpegErrors*>(decoder->err);
    if (level >= 0) return;
    ++decoder->err->num_warnings;
    if (decoder->err->msg_code == JWRN_JPEG_EOF) errors->endOfData = true;
    // Extraneous bytes before a marker are padding some writers leave: the pixels are whole.
    if (decoder->err->msg_code == JWRN_EXTRANEOUS_DATA || errors->warningCode >= 0) return;
    errors->warningCode = decoder->err->msg_code;
    (*decoder->err->format_message)(decoder, errors->warning);
}

void onJpegOutput(j_common_ptr) {}

void convertCmykToBgr(const cv::Mat& cmyk, cv::Mat& bgr) {  // Adobe's inverted CMYK, as OpenCV converts it
    bgr.create(cmyk.size(), CV_8UC3);
    for (int y = 0; y < cmyk.rows; ++y) {
        const uchar* in = cmyk.ptr<uchar>(y);
        uchar* out = bgr.ptr<uchar>(y);
        for (int x = 0; x < cmyk.cols; ++x, in += 4, out += 3) {
            const int k = in[3];
            out[2] = static_cast<uchar>(k - ((255 - in[0]) * k >> 8));
            out[1] = static_cast<uchar>(k - ((255 - in[1]) * k >> 8));
            out[0] = static_cast<uchar>(k - ((255 - in[2]) * k >> 8));
        }
    }
}

int jpegOrientation(j_decompress_ptr decoder) {
    for (jpeg_saved_marker_ptr marker = decoder->marker_list; marker; marker = marker->next) {
        if (marker->marker == JPEG_APP0 + 1 && marker->data_length > 6 &&
            std::memcmp(marker->data, "Exif\0\0", 6) == 0) {
            return exifOrientation(marker->data + 6, marker->data_length - 6);
        }
    }
    return 1;
}

struct JpegState {
    jpeg_decompress_struct decoder;
    JpegErrors errors;
    cv::Mat pixels;
    int orientation = 1;
};

// No C++ object is created between the setjmp and the calls that may jump back to it.
bool runJpegDecoder(JpegState& state, const std::string& bytes, int scaleDenominator) {
    jpeg_decompress_struct& decoder = state.decoder;
    decoder.err = jpeg_std_error(&state.errors.manager);
    state.errors.manager.error_exit = onJpegFatal;
    state.errors.manager.emit_message = onJpegMessage;
    state.errors.manager.output_message = onJpegOutput;
    if (setjmp(state.errors.jump)) {
        jpeg_destroy_decompress(&decoder);
        return false;
    }
    jpeg_create_decompress(&decoder);
    jpeg_mem_src(&decoder, reinterpret_cast<const unsigned char*>(bytes.data()),
                 static_cast<unsigned long>(bytes.size()));
    jpeg_save_markers(&decoder, JPEG_APP0 + 1, 0xFFFF);
    jpeg_read_header(&decoder, TRUE);
    decoder.scale_num = 1;
    decoder.scale_denom = static_cast<unsigned>(scaleDenominator);
    const bool cmyk = decoder.jpeg_color_space == JCS_CMYK || decoder.jpeg_color_space == JCS_YCCK;
    decoder.out_color_space = cmyk ? JCS_CMYK : JCS_EXT_BGR;
    jpeg_start_decompress(&decoder);
    state.pixels.create(static_cast<int>(decoder.output_height), static_cast<int>(decoder.output_width),
                        cmyk ? CV_8UC4 : CV_8UC3);
    while (decoder.output_scanline < decoder.output_height) {
        JSAMPROW row = state.pixels.ptr<uchar>(static_cast<int>(decoder.output_scanline));
        jpeg_read_scanlines(&decoder, &row, 1);
    }
    state.orientation = jpegOrientation(&decoder);
    jpeg_finish_decompress(&decoder);
    jpeg_destroy_decompress(&decoder);
    return true;
}

// --- PNG ----------------------------------------------------------------------------------------------------------

struct PngState {
    const std::string* bytes = nullptr;
    std::size_t at = 8;  // after the signature, checked by the caller
    bool hitEnd = false;
    char fatal[256] = {};
    char warning[256] = {};  // the first warning that means damage
    cv::Mat pixels;
    int rowsRead = 0;
    bool interlaced = false;
    std::vector<png_bytep> rowPointers;  // here, not on the stack of the function libpng may jump out of
    int orientation = 1;
};

void copyMessage(char (&to)[256], const char* message) {
    std::strncpy(to, message ? message : "unknown error", sizeof to - 1);
    to[sizeof to - 1] = '\0';
}

void onPngFatal(png_structp png, png_const_charp message) {
    copyMessage(static_cast<PngState*>(png_get_error_ptr(png))->fatal, message);
    png_longjmp(png, 1);
}

// Damage: a CRC error in any chunk, or image data that is short, long or fails its check. Other warnings are about
// metadata (an sRGB profile known to be wrong, ...): the pixels are whole.
bool warningMeansDamage(const std::string& message) {
    for (const char* sign : {"CRC error", "IDAT", "image data", "compressed data", "data check", "IEND"}) {
        if (message.find(sign) != std::string::npos) return true;
    }
    return false;
}

void onPngWarning(png_structp png, png_const_charp message) {
    auto* state = static_cast<PngState*>(png_get_error_ptr(png));
    if (state->warning[0] == '\0' && message && warningMeansDamage(message)) copyMessage(state->warning, message);
}

void readPngBytes(png_structp png, png_bytep out, png_size_t count) {
    auto* state = static_cast<PngState*>(png_get_io_ptr(png));
    if (count > state->bytes->size() - state->at) {
        state->hitEnd = true;
        png_error(png, "the data ends early");
    }
    std::memcpy(out, state->bytes->data() + state->at, count);
    state->at += count;
}

int pngOrientation(png_structp png, png_infop info) {
#ifdef PNG_eXIf_SUPPORTED
    png_uint_32 size = 0;
    png_bytep exif = nullptr;
    if (png_get_valid(png, info, PNG_INFO_eXIf) && png_get_eXIf_1(png, info, &size, &exif) && exif) {
        return exifOrientation(exif, size);
    }
#else
    (void)png;
    (void)info;
#endif
    return 1;
}

bool runPngDecoder(PngState& state, png_structp png, png_infop info) {
    if (setjmp(png_jmpbuf(png))) return false;
    png_set_read_fn(png, &state, readPngBytes);
    png_set_sig_bytes(png, 8);
    png_set_crc_action(png, PNG_CRC_WARN_USE, PNG_CRC_WARN_DISCARD);  // decoded, but reported as damage
    png_set_benign_errors(png, 1);
    png_read_info(png, info);
    const png_byte colour = png_get_color_type(png, info);
    const int depth = png_get_bit_depth(png, info);
    if (colour == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(png);
    if (colour == PNG_COLOR_TYPE_GRAY && depth < 8) png_set_expand_gray_1_2_4_to_8(png);
    if (colour & PNG_COLOR_MASK_ALPHA) png_set_strip_alpha(png);
    if (depth == 16) png_set_swap(png);  // host order (little-endian)
    png_set_bgr(png);
    state.interlaced = png_set_interlace_handling(png) > 1;
    png_read_update_info(png, info);
    const int channels = png_get_channels(png, info);
    const int height = static_cast<int>(png_get_image_height(png, info));
    const int width = static_cast<int>(png_get_image_width(png, info));
    const int type = CV_MAKETYPE(png_get_bit_depth(png, info) == 16 ? CV_16U : CV_8U, channels);
    state.pixels = cv::Mat::zeros(height, width, type);
    if (state.interlaced) {
        state.rowPointers.resize(static_cast<std::size_t>(height));
        for (int y = 0; y < height; ++y) state.rowPointers[static_cast<std::size_t>(y)] = state.pixels.ptr<png_byte>(y);
        png_read_image(png, state.rowPointers.data());
        state.rowsRead = height;
    } else {
        for (; state.rowsRead < height; ++state.rowsRead) {
            png_read_row(png, state.pixels.ptr<png_byte>(state.rowsRead), nullptr);
        }
    }
    state.orientation = pngOrientation(png, info);
    png_read_end(png, info);
    return true;
}

}  // namespace

CheckedImage decodeJpeg(const std::string& path, const std::string& bytes, int scaleDenominator,
                        JpegOrientation orientation) {
    JpegState state;
    const bool whole = runJpegDecoder(state, bytes, scaleDenominator);
    if (!whole) {
        // Corrupt beyond what libjpeg goes on with: nothing worth scoring, even with damage accepted.
        unreadable(path, std::strlen(state.errors.fatal) ? state.errors.fatal : "corrupt JPEG data");
    }
    CheckedImage result;
    if (state.pixels.channels() == 4) {
        convertCmykToBgr(state.pixels, result.image);
    } else {
        result.image = state.pixels;
    }
    if (orientation == JpegOrientation::Apply) applyOrientation(result.image, state.orientation);
    if (state.errors.endOfData) {
        result.damage = "truncated JPEG data";
    } else if (state.errors.warningCode >= 0) {
        result.damage = std::string("damaged JPEG data (") + state.errors.warning + ")";
    }
    return result;
}

CheckedImage decodePng(const std::string& path, const std::string& bytes) {
    if (bytes.size() < 8 || png_sig_cmp(reinterpret_cast<png_const_bytep>(bytes.data()), 0, 8) != 0) {
        unreadable(path, "not PNG data");
    }
    PngState state;
    state.bytes = &bytes;
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &state, onPngFatal, onPngWarning);
    if (!png) throw std::runtime_error(path + ": cannot start the PNG decoder");
    png_infop info = png_create_info_struct(png);
    if (!info) {
        png_destroy_read_struct(&png, nullptr, nullptr);
        throw std::runtime_error(path + ": cannot start the PNG decoder");
    }
    const bool whole = runPngDecoder(state, png, info);
    png_destroy_read_struct(&png, &info, nullptr);
    const std::string reason =
        state.hitEnd ? "truncated PNG data" : std::string("damaged PNG data (") + state.fatal + ")";
    // Rows read before the data ended stay; the rest are black. No row at all, or an interlaced image whose passes
    // were cut (every row partial): nothing worth scoring.
    if (!whole && (state.rowsRead == 0 || state.interlaced)) unreadable(path, reason);
    CheckedImage result;
    result.image = state.pixels;
    applyOrientation(result.image, state.orientation);
    if (!whole) {
        result.damage = reason;
    } else if (state.warning[0] != '\0') {
        result.damage = std::string("damaged PNG data (") + state.warning + ")";
    }
    return result;
}

}  // namespace twinsight::core
