#pragma once
// When a photo was taken, from its EXIF (DateTimeOriginal and its sub-seconds), for telling a burst's shots apart
// from the next scene's.

#include <optional>
#include <string>

namespace twinsight::core {

// Seconds on the camera's clock (a count from 1970 as if that clock were UTC: only differences mean anything), with
// the sub-seconds when the camera wrote them. None for a file without a readable capture time (no EXIF, a PNG,
// DICOM, a damaged header, a FILE#K frame) and for a date that is not one; never throws, never prints.
std::optional<double> captureTime(const std::string& path);

// "2024:05:17 14:03:22" and sub-seconds "25" (0.25 s) -> seconds as above; none when the text is not such a date.
std::optional<double> parseExifDateTime(const std::string& dateTime, const std::string& subSeconds = {});

}  // namespace twinsight::core
