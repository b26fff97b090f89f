#pragma once
// Thumbnails kept JPEG-compressed: a 160 x 120 thumbnail takes about 5 KB instead of the 77 KB of its pixels, so
// that a folder of 10,000 images keeps the desktop program under 1 GB (README, "Speed").

#include <QByteArray>
#include <QImage>

namespace twinsight::ui {

// An empty array for a null image.
QByteArray compressThumbnail(const QImage& thumbnail);
// A null image for an empty array.
QImage expandThumbnail(const QByteArray& compressed);

}  // namespace twinsight::ui
