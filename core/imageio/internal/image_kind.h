#pragma once
// What kind of file a path names, decided once from its name: the scan and the loader both follow this decision, so
// that only the decoder of that kind opens the file.

#include <string>

namespace twinsight::core {

enum class ImageKind {
    Raster,     // what OpenCV decodes (JPEG and PNG through our own checked decoders)
    CameraRaw,  // through LibRaw
    Dicom,      // .dcm, .dicom, through DCMTK
    Nifti,      // .nii, .nii.gz volumes, through libnifti
    NotImage,   // sidecars, notes, documents, video: never opened
    Unknown,    // no known extension (DICOM series often have none): the DICOM signature decides
};

ImageKind imageKindByName(const std::string& path);

}  // namespace twinsight::core
