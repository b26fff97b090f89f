// The grid keeps its thumbnails JPEG-compressed, so that a folder of 10,000 images stays far under 1 GB: each comes
// back at its size and nearly its colours, an undecodable file's stays empty, and a new folder drops the old ones.

#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include "core/samples/sample_scenes.h"
#include "ui/support/compressed_thumbnail.h"
#include "ui/browser/image_grid_model.h"

namespace twinsight::ui {
namespace {

QImage sceneThumbnail(int index) {
    cv::Mat scene;
    cv::resize(core::renderSampleScene(5, index), scene, {160, 120}, 0, 0, cv::INTER_AREA);
    cv::cvtColor(scene, scene, cv::COLOR_BGR2RGB);
    return QImage(scene.data, scene.cols, scene.rows, static_cast<qsizetype>(scene.step), QImage::Format_RGB888)
        .convertToFormat(QImage::Format_RGB32);
}

double meanAbsoluteDifference(const QImage& a, const QImage& b) {
    double total = 0.0;
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x) {
            const QRgb p = a.pixel(x, y), q = b.pixel(x, y);
            total += std::abs(qRed(p) - qRed(q)) + std::abs(qGreen(p) - qGreen(q)) + std::abs(qBlue(p) - qBlue(q));
        }
    }
    return total / (3.0 * a.width() * a.height());
}

TEST(CompressedThumbnails, TakeAFractionOfTheirPixelsAndComeBackNearlyTheSame) {
    const QImage thumbnail = sceneThumbnail(0);
    const QByteArray compressed = compressThumbnail(thumbnail);
    ASSERT_FALSE(compressed.isEmpty());
    EXPECT_LT(compressed.size(), thumbnail.sizeInBytes() / 5);
    const QImage expanded = expandThumbnail(compressed);
    ASSERT_EQ(expanded.size(), thumbnail.size());
    EXPECT_LT(meanAbsoluteDifference(expanded.convertToFormat(QImage::Format_RGB32), thumbnail), 4.0);
    EXPECT_TRUE(compressThumbnail(QImage()).isEmpty());
    EXPECT_TRUE(expandThumbnail(QByteArray()).isNull());
}

TEST(CompressedThumbnails, TheGridHandsEachBackAtItsSizeAndForgetsThemWithANewFolder) {
    ImageGridModel model;
    model.setPaths({"/photos/a.jpg", "/photos/b.jpg", "/photos/broken.jpg"});
    const QImage first = sceneThumbnail(1), second = sceneThumbnail(2).scaled(90, 120);
    model.setThumbnails(0, {compressThumbnail(first), compressThumbnail(second), QByteArray()});
    EXPECT_EQ(model.thumbnailsDone(), 3);
    for (int pass = 0; pass < 2; ++pass) {  // decoded, then from the cache of recent ones
        const QImage a = model.index(0).data(Qt::DecorationRole).value<QImage>();
        const QImage b = model.index(1).data(Qt::DecorationRole).value<QImage>();
        ASSERT_EQ(a.size(), first.size());
        ASSERT_EQ(b.size(), second.size());
        EXPECT_LT(meanAbsoluteDifference(a.convertToFormat(QImage::Format_RGB32), first), 4.0);
        EXPECT_TRUE(model.index(2).data(Qt::DecorationRole).value<QImage>().isNull());
    }
    model.setPaths({"/other/c.jpg"});
    EXPECT_TRUE(model.index(0).data(Qt::DecorationRole).value<QImage>().isNull());
    model.setThumbnails(0, {compressThumbnail(second)});
    EXPECT_EQ(model.index(0).data(Qt::DecorationRole).value<QImage>().size(), second.size());
}

}  // namespace
}  // namespace twinsight::ui
