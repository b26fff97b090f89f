#include "core/training/internal/pair_sampler.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

namespace twinsight::core {

namespace {

cv::Mat detailIntegral(const cv::Mat& bgr) {
    cv::Mat grey, dx, dy, sum;
    cv::cvtColor(bgr, grey, cv::COLOR_BGR2GRAY);
    cv::Sobel(grey, dx, CV_32F, 1, 0);
    cv::Sobel(grey, dy, CV_32F, 0, 1);
    cv::integral(dx.mul(dx) + dy.mul(dy), sum, CV_64F);
    return sum;
}

double cropDetail(const cv::Mat& sum, const cv::Rect& crop) {
    const int x0 = crop.x, y0 = crop.y, x1 = crop.x + crop.width, y1 = crop.y + crop.height;
    return sum.at<double>(y1, x1) - sum.at<double>(y0, x1) - sum.at<double>(y1, x0) + sum.at<double>(y0, x0);
}

}  // namespace

PairSampler::PairSampler(const Transform& transform, const std::vector<cv::Mat>& images, SamplerConfig config)
    : m_transform(transform), m_images(images), m_config(config), m_random(config.seed) {
    transform.checkRange(config.range);
    if (images.empty()) throw std::invalid_argument("pair sampler: no training images");
    if (config.batchSize < 1) throw std::invalid_argument("pair sampler: batch size must be at least 1");
    if (config.crossImageShare < 0.0 || config.crossImageShare > 1.0) {
        throw std::invalid_argument("pair sampler: cross-image share must lie in 0..1");
    }
    if (config.picturedPairs >= 0 && transform.contextSize() == 0) {
        throw std::invalid_argument("pair sampler: a copy without pixels needs a context to carry it");
    }
    m_blankFrame = cv::Mat(config.inputSize, config.inputSize, CV_8UC3, cv::Scalar::all(0));
    for (const cv::Mat& image : images) {
        if (image.type() != CV_8UC3) throw std::invalid_argument("pair sampler: images must be 3-channel 8-bit");
        if (transform.view() == core::View::Patches &&
            (image.cols < config.inputSize || image.rows < config.inputSize)) {
            throw std::invalid_argument("pair sampler: an image is smaller than the " +
                                        std::to_string(config.inputSize) + " px crop");
        }
    }
    if (transform.cropChoice() == CropChoice::Detailed && transform.view() == core::View::Patches) {
        for (const cv::Mat& image : images) m_detailSums.push_back(detailIntegral(image));
    }
    if (transform.contextSize() > 0 && transform.contextGridSize() > 1) {
        m_contextGrid.assign(2 * images.size(), std::vector<std::vector<float>>(transform.contextGridSize()));
    }
}

PairBatch PairSampler::next() {
    PairBatch batch;
    const int context = m_transform.contextSize();
    const int side = m_config.picturedPairs >= 0 ? 0 : m_config.inputSize;  // contexts alone: no pixels
    batch.first = InputBatch(3, side, m_transform.inputEncoding(), context);
    batch.second = InputBatch(3, side, m_transform.inputEncoding(), context);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (int i = 0; i < m_config.batchSize; ++i) addPair(batch, unit(m_random) < m_config.crossImageShare);
    return batch;
}

double PairSampler::drawMagnitude() {
    std::uniform_real_distribution<double> magnitude(m_config.range.min, m_config.range.max);
    return magnitude(m_random);
}

std::pair<double, double> PairSampler::drawDistinctMagnitudes() {
    const double minimumGap = kTieShare * m_config.range.span();
    for (;;) {
        const double first = drawMagnitude();
        const double second = drawMagnitude();
        if (std::abs(first - second) >= minimumGap) return {first, second};
    }
}

cv::Rect PairSampler::drawCrop(std::size_t imageIndex) {
    const cv::Mat& image = m_images[imageIndex];
    if (m_transform.view() == core::View::WholeFrame) {
        // A window of 80-100% of the frame, same aspect ratio: more framings from few images.
        const double scale = std::uniform_real_distribution<double>(kSmallestFrameShare, 1.0)(m_random);
        const int width = std::max(1, static_cast<int>(image.cols * scale));
        const int height = std::max(1, static_cast<int>(image.rows * scale));
        std::uniform_int_distribution<int> x(0, image.cols - width);
        std::uniform_int_distribution<int> y(0, image.rows - height);
        return {x(m_random), y(m_random), width, height};
    }
    const int size = m_config.inputSize;
    std::uniform_int_distribution<int> x(0, image.cols - size);
    std::uniform_int_distribution<int> y(0, image.rows - size);
    const int candidates = m_transform.cropChoice() == CropChoice::Detailed ? kDetailCandidates : 1;
    cv::Rect best;
    double bestDetail = -1.0;
    for (int k = 0; k < candidates; ++k) {
        const cv::Rect crop(x(m_random), y(m_random), size, size);
        // Judged on the undegraded image, so the choice never depends on the magnitude.
        const double detail = candidates == 1 ? 0.0 : cropDetail(m_detailSums[imageIndex], crop);
        if (detail > bestDetail) best = crop, bestDetail = detail;
    }
    return best;
}

std::vector<float> PairSampler::contextAfter(std::size_t imageIndex, bool mirrored, double magnitude,
                                             std::uint64_t seed) {
    auto source = [&] {
        if (!mirrored) return m_images[imageIndex];
        cv::Mat copy;
        cv::flip(m_images[imageIndex], copy, /*flipCode=*/1);
        return copy;
    };
    if (m_contextGrid.empty()) return m_transform.contextAfter(source(), magnitude, seed);
    std::vector<std::vector<float>>& grid = m_contextGrid[2 * imageIndex + (mirrored ? 1 : 0)];
    const int last = static_cast<int>(grid.size()) - 1;
    auto gridMagnitude = [&](int k) { return m_config.range.min + m_config.range.span() * k / last; };
    auto entry = [&](int k) -> const std::vector<float>& {
        if (grid[k].empty()) grid[k] = m_transform.contextAfter(source(), gridMagnitude(k), 0);
        return grid[k];
    };
    const double position = (magnitude - m_config.range.min) / m_config.range.span() * last;
    const int below = std::clamp(static_cast<int>(std::floor(position)), 0, last - 1);
    const double weight = std::clamp(position - below, 0.0, 1.0);
    const std::vector<float>& low = entry(below);
    const std::vector<float>& high = entry(below + 1);
    std::vector<float> context(low.size());
    for (std::size_t i = 0; i < context.size(); ++i) {
        context[i] = static_cast<float>((1.0 - weight) * low[i] + weight * high[i]);
    }
    return context;
}

PairSampler::DegradedView PairSampler::degradedView(std::size_t imageIndex, const cv::Rect& crop, bool flip,
                                                    double magnitude, bool pictured) {
    const cv::Mat& image = m_images[imageIndex];
    const std::uint64_t noiseSeed = m_random();
    if (!pictured) {
        const bool mirrored = flip && m_transform.view() == core::View::WholeFrame;
        return {m_blankFrame, contextAfter(imageIndex, mirrored, magnitude, noiseSeed)};
    }
    if (m_transform.contextSize() > 0 && m_transform.view() == core::View::Patches) {
        // The crop is degraded as always; the context describes the whole image degraded alike.
        DegradedView view{m_transform.applyToCrop(image, crop, magnitude, noiseSeed),
                          contextAfter(imageIndex, /*mirrored=*/false, magnitude, noiseSeed)};
        if (flip) cv::flip(view.pixels, view.pixels, /*flipCode=*/1);
        return view;
    }
    if (m_transform.view() == core::View::WholeFrame) {
        // Mirroring the source (into a copy: the training image stays as it is) before degrading keeps the
        // magnitude's meaning, a rotation's sign included.
        cv::Mat source;
        if (flip) {
            cv::flip(image(crop), source, /*flipCode=*/1);
        } else {
            source = image(crop);
        }
        const cv::Mat degraded = m_transform.apply(source, magnitude, noiseSeed);
        // With a context grid, the context is of the whole frame, not of this window of it.
        std::vector<float> context = m_contextGrid.empty() || m_transform.contextSize() == 0
                                         ? m_transform.globalContext(degraded)
                                         : contextAfter(imageIndex, flip, magnitude, noiseSeed);
        return {resizeToInput(degraded, m_config.inputSize), std::move(context)};
    }
    cv::Mat view = m_transform.applyToCrop(image, crop, magnitude, noiseSeed);
    // Mirroring the result equals degrading the mirrored crop for the pixel-local patch transformations.
    if (flip) cv::flip(view, view, /*flipCode=*/1);
    return {view, {}};
}

void PairSampler::addPair(PairBatch& batch, bool cross) {
    std::uniform_int_distribution<std::size_t> pick(0, m_images.size() - 1);
    const auto [firstMagnitude, secondMagnitude] = drawDistinctMagnitudes();
    const std::size_t firstIndex = pick(m_random);
    const std::size_t secondIndex = cross ? pick(m_random) : firstIndex;
    const cv::Rect firstCrop = drawCrop(firstIndex);
    const cv::Rect secondCrop = cross ? drawCrop(secondIndex) : firstCrop;
    const bool firstFlip = (m_random() & 1U) != 0;
    const bool secondFlip = cross ? (m_random() & 1U) != 0 : firstFlip;
    const bool pictured = m_config.picturedPairs < 0 || static_cast<int>(batch.labels.size()) < m_config.picturedPairs;
    DegradedView first = degradedView(firstIndex, firstCrop, firstFlip, firstMagnitude, pictured);
    DegradedView second = degradedView(secondIndex, secondCrop, secondFlip, secondMagnitude, pictured);
    if (batch.first.sampleSize() == 0) {
        batch.first.appendContext(first.context);
        batch.second.appendContext(second.context);
    } else {
        batch.first.append(first.pixels, first.context);
        batch.second.append(second.pixels, second.context);
    }
    batch.firstViews.push_back(std::move(first.pixels));
    batch.secondViews.push_back(std::move(second.pixels));
    batch.labels.push_back(firstMagnitude > secondMagnitude ? 1.0f : 0.0f);
    batch.firstMagnitudes.push_back(firstMagnitude);
    batch.secondMagnitudes.push_back(secondMagnitude);
    batch.crossImage.push_back(cross);
}

}  // namespace twinsight::core
