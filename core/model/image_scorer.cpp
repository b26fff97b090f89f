#include "core/model/image_scorer.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include "core/base/statistics.h"

namespace twinsight::core {
namespace {

// Evenly spaced starts of `count` windows of `window` pixels over `length` pixels.
std::vector<int> spreadStarts(int length, int window, int count) {
    std::vector<int> starts;
    for (int i = 0; i < count; ++i) {
        starts.push_back(count == 1 ? (length - window) / 2
                                    : static_cast<int>(std::lround(double(length - window) * i / (count - 1))));
    }
    return starts;
}

}  // namespace

ImageScorer::ImageScorer(const Transform& transform, int inputSize, PoolRule pool, int contextSize,
                         BatchScoreFunction scoreBatch, bool contextOnly)
    : m_transform(transform),
      m_inputSize(inputSize),
      m_pool(pool),
      m_contextSize(contextSize),
      m_scoreBatch(std::move(scoreBatch)),
      m_contextOnly(contextOnly) {
    if (inputSize < 8) throw std::invalid_argument("scorer: input size must be at least 8 px");
    const std::vector<int> earlier = transform.earlierContextSizes();
    const bool knownSize = contextSize == 0 || contextSize == transform.contextSize() ||
                           std::find(earlier.begin(), earlier.end(), contextSize) != earlier.end();
    if (contextOnly && contextSize == 0)
        throw std::invalid_argument("scorer: a network on the context alone needs one");
    if (!knownSize) {
        throw std::invalid_argument("scorer: the " + transform.name() + " transformation has " +
                                    std::to_string(transform.contextSize()) + " context values, not " +
                                    std::to_string(contextSize));
    }
}

std::vector<cv::Rect> ImageScorer::cropGrid(cv::Size imageSize) const {
    // About one crop per stride, so that every part of the image is seen at least once (side by side crops when
    // the stride is the input size).
    const int stride = m_pool.cropStride > 0 ? std::min(m_pool.cropStride, m_inputSize) : m_inputSize;
    auto count = [&](int length) {
        // Side by side: one crop per input-sized cell, as scored before strides existed.
        if (stride == m_inputSize) return std::max(1, static_cast<int>(std::lround(double(length) / m_inputSize)));
        return std::max(1, 1 + static_cast<int>(std::lround(double(length - m_inputSize) / stride)));
    };
    const int columns = count(imageSize.width), rows = count(imageSize.height);
    std::vector<cv::Rect> grid;
    for (int y : spreadStarts(imageSize.height, m_inputSize, rows)) {
        for (int x : spreadStarts(imageSize.width, m_inputSize, columns))
            grid.emplace_back(x, y, m_inputSize, m_inputSize);
    }
    return grid;
}

std::vector<cv::Mat> ImageScorer::networkViews(const cv::Mat& image) const {
    if (m_transform.view() == View::WholeFrame) return {resizeToInput(image, m_inputSize)};
    const cv::Mat padded = padToAtLeast(image, m_inputSize);
    std::vector<cv::Mat> views;
    for (const cv::Rect& crop : cropGrid(padded.size())) views.push_back(padded(crop));
    return views;
}

double ImageScorer::pool(std::vector<double> cropScores) const {
    if (m_pool.kind == PoolRule::Kind::Percentile) return percentile(std::move(cropScores), m_pool.percentile);
    if (m_pool.kind == PoolRule::Kind::LowerMean) {
        const double cut = percentile(cropScores, m_pool.percentile);
        double sum = 0.0;
        std::size_t count = 0;
        for (double score : cropScores) {
            if (score <= cut) sum += score, ++count;
        }
        return sum / static_cast<double>(count);  // never empty: the lowest score is at or below any percentile
    }
    return std::accumulate(cropScores.begin(), cropScores.end(), 0.0) / cropScores.size();
}

double ImageScorer::score(const cv::Mat& image) const { return scoreAll({image}).front(); }

std::vector<double> ImageScorer::scoreAll(const std::vector<cv::Mat>& images) const {
    std::vector<std::size_t> owner;  // image index of each crop, in batch order
    std::vector<double> cropScores;
    const int contextSize = m_contextSize;
    const int side = m_contextOnly ? 0 : m_inputSize;
    InputBatch batch(3, side, m_transform.inputEncoding(), contextSize);
    auto flush = [&] {
        if (batch.count == 0) return;
        const std::vector<float> scores = m_scoreBatch(batch);
        cropScores.insert(cropScores.end(), scores.begin(), scores.end());
        batch = InputBatch(3, side, m_transform.inputEncoding(), contextSize);
    };
    for (std::size_t i = 0; i < images.size(); ++i) {
        // Checked before anything is measured on it: the context's own OpenCV calls would fail less clearly.
        if (images[i].empty() || images[i].type() != CV_8UC3)
            throw std::invalid_argument("scorer: expected a 3-channel 8-bit image");
        std::vector<float> context;
        if (contextSize > 0) {
            context = m_transform.globalContext(images[i]);
            context.resize(contextSize);  // a model of an earlier context size reads the first values
        }
        if (m_contextOnly) {
            batch.appendContext(context);
            owner.push_back(i);
            if (batch.count == kCropsPerBatch) flush();
            continue;
        }
        for (const cv::Mat& view : networkViews(images[i])) {
            batch.append(view, context);
            owner.push_back(i);
            if (batch.count == kCropsPerBatch) flush();
        }
    }
    flush();
    std::vector<std::vector<double>> perImage(images.size());
    for (std::size_t k = 0; k < owner.size(); ++k) perImage[owner[k]].push_back(cropScores[k]);
    std::vector<double> scores;
    for (auto& imageCrops : perImage) scores.push_back(pool(std::move(imageCrops)));
    return scores;
}

}  // namespace twinsight::core
