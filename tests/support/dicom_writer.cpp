#include "support/dicom_writer.h"

// DCMTK's osconfig.h must come before its other headers.
#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>
#include <dcmtk/dcmdata/dcrleerg.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmjpeg/djencode.h>
#include <dcmtk/dcmjpls/djencode.h>

#include <cstdio>
#include <memory>
#include <mutex>
#include <stdexcept>

namespace twinsight::testing {
namespace {

void check(const OFCondition& status, const std::string& path, const std::string& what) {
    if (status.bad()) throw std::runtime_error(path + ": cannot " + what + " (" + status.text() + ")");
}

// Encoders stay registered for the whole test program: deregistering could race a test decoding on another thread.
void registerEncoders() {
    static std::once_flag once;
    std::call_once(once, [] {
        DcmRLEEncoderRegistration::registerCodecs();
        DJEncoderRegistration::registerCodecs();
        DJLSEncoderRegistration::registerCodecs();
    });
}

E_TransferSyntax transferSyntaxOf(DicomEncoding encoding) {
    switch (encoding) {
        case DicomEncoding::RleLossless:
            return EXS_RLELossless;
        case DicomEncoding::JpegLossless:
            return EXS_JPEGProcess14SV1;
        case DicomEncoding::JpegLsLossless:
            return EXS_JPEGLSLossless;
        case DicomEncoding::UnsupportedJpeg2000:
            return EXS_JPEG2000LosslessOnly;
        case DicomEncoding::Uncompressed:
            break;
    }
    return EXS_LittleEndianExplicit;
}

std::string decimal(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.10g", value);
    return text;
}

void putUid(DcmDataset& data, const DcmTagKey& tag) {
    char uid[100];
    data.putAndInsertString(tag, dcmGenerateUniqueIdentifier(uid, SITE_INSTANCE_UID_ROOT));
}

void putImageAttributes(DcmDataset& data, const DicomSpec& spec) {
    const cv::Mat& first = spec.frames.front();
    const bool colour = first.channels() == 3;
    const int bitsAllocated = first.depth() == CV_8U ? 8 : 16;
    const int bitsStored = spec.bitsStored > 0 ? spec.bitsStored : bitsAllocated;
    const std::string photometric = !spec.photometric.empty() ? spec.photometric : colour ? "RGB" : "MONOCHROME2";
    data.putAndInsertUint16(DCM_Rows, static_cast<Uint16>(first.rows));
    data.putAndInsertUint16(DCM_Columns, static_cast<Uint16>(first.cols));
    data.putAndInsertUint16(DCM_SamplesPerPixel, static_cast<Uint16>(first.channels()));
    data.putAndInsertString(DCM_PhotometricInterpretation, photometric.c_str());
    data.putAndInsertUint16(DCM_BitsAllocated, static_cast<Uint16>(bitsAllocated));
    data.putAndInsertUint16(DCM_BitsStored, static_cast<Uint16>(bitsStored));
    data.putAndInsertUint16(DCM_HighBit, static_cast<Uint16>(bitsStored - 1));
    data.putAndInsertUint16(DCM_PixelRepresentation, first.depth() == CV_16S ? 1 : 0);
    if (colour) data.putAndInsertUint16(DCM_PlanarConfiguration, 0);
    const std::size_t frames =
        spec.claimedFrames > 0 ? static_cast<std::size_t>(spec.claimedFrames) : spec.frames.size();
    if (frames > 1) data.putAndInsertString(DCM_NumberOfFrames, std::to_string(frames).c_str());
    if (spec.rescale) {
        data.putAndInsertString(DCM_RescaleSlope, decimal(spec.rescale->first).c_str());
        data.putAndInsertString(DCM_RescaleIntercept, decimal(spec.rescale->second).c_str());
    }
    if (spec.window) {
        data.putAndInsertString(DCM_WindowCenter, decimal(spec.window->first).c_str());
        data.putAndInsertString(DCM_WindowWidth, decimal(spec.window->second).c_str());
    }
}

// All frames one after the other, as DICOM stores them.
void putPixelData(DcmDataset& data, const DicomSpec& spec, const std::string& path) {
    std::vector<unsigned char> bytes;
    for (const cv::Mat& frame : spec.frames) {
        if (frame.size() != spec.frames.front().size() || frame.type() != spec.frames.front().type()) {
            throw std::runtime_error(path + ": all frames must have the same size and type");
        }
        const cv::Mat continuous = frame.isContinuous() ? frame : frame.clone();
        bytes.insert(bytes.end(), continuous.datastart, continuous.dataend);
    }
    const bool eightBit = spec.frames.front().depth() == CV_8U;
    const OFCondition status =
        eightBit ? data.putAndInsertUint8Array(DCM_PixelData, bytes.data(), static_cast<unsigned long>(bytes.size()))
                 : data.putAndInsertUint16Array(DCM_PixelData, reinterpret_cast<const Uint16*>(bytes.data()),
                                                static_cast<unsigned long>(bytes.size() / 2));
    check(status, path, "store the pixel data");
}

// An empty offset table, then one fragment of noise per frame.
void putFakeJpeg2000(DcmDataset& data, const DicomSpec& spec, const std::string& path) {
    auto sequence = std::make_unique<DcmPixelSequence>(DCM_PixelSequenceTag);
    sequence->insert(new DcmPixelItem(DCM_PixelItemTag));
    for (std::size_t i = 0; i < spec.frames.size(); ++i) {
        auto fragment = std::make_unique<DcmPixelItem>(DCM_PixelItemTag);
        const std::vector<Uint8> noise(64, static_cast<Uint8>(0x5A + i));
        check(fragment->putUint8Array(noise.data(), static_cast<unsigned long>(noise.size())), path,
              "store a fragment");
        sequence->insert(fragment.release());
    }
    auto pixels = std::make_unique<DcmPixelData>(DCM_PixelData);
    pixels->putOriginalRepresentation(EXS_JPEG2000LosslessOnly, nullptr, sequence.release());
    check(data.insert(pixels.release(), /*replaceOld=*/true), path, "store the pixel data");
}

}  // namespace

void writeDicom(const std::string& path, const DicomSpec& spec) {
    registerEncoders();
    DcmFileFormat file;
    DcmDataset& data = *file.getDataset();
    data.putAndInsertString(DCM_SOPClassUID, UID_SecondaryCaptureImageStorage);
    putUid(data, DCM_SOPInstanceUID);
    putUid(data, DCM_StudyInstanceUID);
    putUid(data, DCM_SeriesInstanceUID);
    data.putAndInsertString(DCM_PatientName, spec.patientName.c_str());
    data.putAndInsertString(DCM_Modality, "OT");
    if (!spec.frames.empty()) {
        putImageAttributes(data, spec);
        if (spec.encoding == DicomEncoding::UnsupportedJpeg2000)
            putFakeJpeg2000(data, spec, path);
        else
            putPixelData(data, spec, path);
    }
    const E_TransferSyntax syntax = transferSyntaxOf(spec.encoding);
    if (spec.encoding != DicomEncoding::Uncompressed && spec.encoding != DicomEncoding::UnsupportedJpeg2000) {
        check(data.chooseRepresentation(syntax, nullptr), path, "compress the pixel data");
        if (!data.canWriteXfer(syntax)) throw std::runtime_error(path + ": cannot compress the pixel data");
    }
    check(file.saveFile(OFFilename(path.c_str()), syntax), path, "write the file");
}

}  // namespace twinsight::testing
