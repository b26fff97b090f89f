#include "ui/support/compressed_thumbnail.h"

#include <QBuffer>

namespace twinsight::ui {
namespace {

// Quality 90: no visible loss at thumbnail size.
constexpr int kThumbnailQuality = 90;

}  // namespace

QByteArray compressThumbnail(const QImage& thumbnail) {
    if (thumbnail.isNull()) return {};
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    // Qt's JPEG writer drops an alpha channel; thumbnails are opaque.
    if (!thumbnail.save(&buffer, "JPG", kThumbnailQuality)) return {};
    return bytes;
}

QImage expandThumbnail(const QByteArray& compressed) {
    if (compressed.isEmpty()) return {};
    return QImage::fromData(compressed, "JPG");
}

}  // namespace twinsight::ui
