#include <algorithm>
#include <cmath>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "core/degrade/transform.h"

namespace twinsight::core {
namespace {

constexpr int kPhases = 8;  // the luma block size

std::vector<float> blockingContext(const cv::Mat& bgr) {
    cv::Mat grey;
    cv::cvtColor(bgr, grey, cv::COLOR_BGR2GRAY);
    std::vector<double> across(kPhases, 0.0), down(kPhases, 0.0);
    std::vector<double> acrossCount(kPhases, 0.0), downCount(kPhases, 0.0);
    double sum = 0.0, count = 0.0;
    for (int y = 0; y < grey.rows; ++y) {
        const uchar* row = grey.ptr<uchar>(y);
        const uchar* below = y + 1 < grey.rows ? grey.ptr<uchar>(y + 1) : nullptr;
        for (int x = 0; x < grey.cols; ++x) {
            if (x + 1 < grey.cols) {
                const double step = std::abs(int(row[x + 1]) - int(row[x]));
                across[(x + 1) % kPhases] += step, acrossCount[(x + 1) % kPhases] += 1.0;
                sum += step, count += 1.0;
            }
            if (below) {
                const double step = std::abs(int(below[x]) - int(row[x]));
                down[(y + 1) % kPhases] += step, downCount[(y + 1) % kPhases] += 1.0;
                sum += step, count += 1.0;
            }
        }
    }
    const double mean = std::max(sum / std::max(count, 1.0), 1e-6);
    std::vector<float> context;
    for (const auto* steps : {&across, &down}) {
        const auto& counts = steps == &across ? acrossCount : downCount;
        for (int k = 0; k < kPhases; ++k) {
            context.push_back(static_cast<float>((*steps)[k] / std::max(counts[k], 1.0) / mean - 1.0));
        }
    }
    return context;
}

// JPEG compression; the magnitude is 100 - quality so that more means worse, like every other transformation.
class JpegTransform final : public Transform {
public:
    std::string name() const override { return "jpeg"; }
    std::string unit() const override { return "quality steps"; }
    std::string description() const override { return "JPEG compression, magnitude = 100 - quality"; }
    Range defaultRange() const override { return {0.0, 90.0}; }
    Range validRange() const override { return {0.0, 99.0}; }
    // Quality 50: blocking starts to show in smooth areas.
    double noticeableMagnitude() const override { return 50.0; }
    FrameMap frameMap() const override { return FrameMap::AnyTile; }
    View view() const override { return View::Patches; }
    // Block edges sit at fixed places in the whole image (every 8 px from its corner), which a crop does not know:
    // beside each crop the network gets the image's mean step at each of the 8 phases across and down, over the
    // mean step (blockingContext).
    int contextSize() const override { return 2 * kPhases; }
    std::vector<float> globalContext(const cv::Mat& bgr) const override { return blockingContext(bgr); }
    // The sampler's context comes from a 128 px window compressed on its own, placed by the seed on the image's
    // 16 px grid so that its blocks fall where the whole image's do: the same ratios, at a tenth of the cost of
    // compressing the whole image for every crop.
    std::vector<float> contextAfter(const cv::Mat& image, double steps, std::uint64_t seed) const override {
        const int width = std::min(image.cols, kContextWindow), height = std::min(image.rows, kContextWindow);
        const int columns = (image.cols - width) / kBlock + 1, rows = (image.rows - height) / kBlock + 1;
        const int x = static_cast<int>(seed % columns) * kBlock;
        const int y = static_cast<int>((seed / columns) % rows) * kBlock;
        return blockingContext(apply(image(cv::Rect(x, y, width, height)), steps, seed));
    }
    int defaultSteps() const override { return 2000; }
    // Half the pairs cross images, as for the others. Without the block-phase context the loss stayed at log 2 with
    // any cross-image share (two crops differ far more than two qualities of one crop); with it, held-out opencv
    // and tuxpaint photos went from pooled Spearman 0.23 (same-image pairs only) to 0.90 and 0.94.
    // The linearity loss cost it most of what it learns (skimage photos, Spearman 0.28 -> 0.10).
    double defaultLinearityWeight() const override { return 0.0; }

protected:
    cv::Mat applyChecked(const cv::Mat& image, double steps, std::uint64_t /*seed*/) const override {
        const int quality = static_cast<int>(std::lround(100.0 - steps));
        std::vector<uchar> encoded;
        cv::imencode(".jpg", image, encoded, {cv::IMWRITE_JPEG_QUALITY, quality});
        return cv::imdecode(encoded, cv::IMREAD_COLOR);
    }
    // Context of a whole 16x16 block (8x8 with chroma subsampling) around the crop, shifted by a seeded 0-15 px so
    // that the block grid falls anywhere in the crop, as it does in a crop of a whole compressed image. A grid
    // always aligned with the crop would teach the network where block edges lie, which scoring never sees.
    cv::Mat applyToCrop(const cv::Mat& image, const cv::Rect& crop, double steps, std::uint64_t seed) const override {
        const int shiftX = static_cast<int>(seed % kBlock), shiftY = static_cast<int>((seed / kBlock) % kBlock);
        const cv::Rect padded = cv::Rect(crop.x - kBlock - shiftX, crop.y - kBlock - shiftY,
                                         crop.width + 2 * kBlock + shiftX, crop.height + 2 * kBlock + shiftY) &
                                cv::Rect(0, 0, image.cols, image.rows);
        const cv::Mat degraded = apply(image(padded), steps, seed);
        return degraded(cv::Rect(crop.x - padded.x, crop.y - padded.y, crop.width, crop.height)).clone();
    }

private:
    static constexpr int kBlock = 16;  // a chroma-subsampled JPEG's coding unit
    static constexpr int kContextWindow = 128;
};

}  // namespace

std::unique_ptr<Transform> makeJpegTransform() { return std::make_unique<JpegTransform>(); }

}  // namespace twinsight::core
