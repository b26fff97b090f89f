#include "core/imageio/capture_time.h"

#include <cctype>
#include <cstdio>
#include <exiv2/exif.hpp>
#include <exiv2/image.hpp>

#include "core/base/internal/exiv2_toolkit.h"
#include "core/imageio/image_source.h"
#include "core/imageio/internal/image_kind.h"

namespace twinsight::core {

namespace {
// Days from 1970-01-01 to the given civil date (proleptic Gregorian), exact for any year.
long long daysFromCivil(int year, unsigned month, unsigned day) {
    year -= month <= 2 ? 1 : 0;
    const long long era = (year >= 0 ? year : year - 399) / 400;
    const unsigned yearOfEra = static_cast<unsigned>(year - era * 400);
    const unsigned dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const unsigned dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + static_cast<long long>(dayOfEra) - 719468;
}

std::string exifText(const Exiv2::ExifData& exif, const char* key) {
    const auto found = exif.findKey(Exiv2::ExifKey(key));
    return found == exif.end() ? std::string() : found->toString();
}
}  // namespace

std::optional<double> parseExifDateTime(const std::string& dateTime, const std::string& subSeconds) {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, used = 0;
    if (std::sscanf(dateTime.c_str(), "%4d:%2d:%2d %2d:%2d:%2d%n", &year, &month, &day, &hour, &minute, &second,
                    &used) != 6 ||
        used != 19)
        return std::nullopt;
    if (year < 1900 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
        return std::nullopt;
    double seconds = static_cast<double>(daysFromCivil(year, unsigned(month), unsigned(day))) * 86400.0 +
                     hour * 3600.0 + minute * 60.0 + second;
    // "25" means 0.25 s; digits only, anything else ignored.
    double scale = 0.1;
    for (const char digit : subSeconds) {
        if (!std::isdigit(static_cast<unsigned char>(digit))) break;
        seconds += (digit - '0') * scale;
        scale /= 10.0;
    }
    return seconds;
}

std::optional<double> captureTime(const std::string& path) {
    const ImageSource source = parseImageSource(path);
    const ImageKind kind = imageKindByName(source.file);
    if (source.frame > 0 || (kind != ImageKind::Raster && kind != ImageKind::CameraRaw)) return std::nullopt;
    try {
        prepareExiv2();
        const std::lock_guard<std::mutex> lock(exiv2Mutex());
        const auto image = Exiv2::ImageFactory::open(source.file);
        if (image.get() == nullptr) return std::nullopt;
        image->readMetadata();
        const Exiv2::ExifData& exif = image->exifData();
        std::string taken = exifText(exif, "Exif.Photo.DateTimeOriginal");
        std::string fraction = exifText(exif, "Exif.Photo.SubSecTimeOriginal");
        if (taken.empty()) {  // some cameras and editors write only the file's date
            taken = exifText(exif, "Exif.Image.DateTime");
            fraction = exifText(exif, "Exif.Photo.SubSecTime");
        }
        return parseExifDateTime(taken, fraction);
    } catch (const std::exception&) {
        return std::nullopt;  // an unreadable header: the similarity alone groups the file
    }
}

}  // namespace twinsight::core
