#include "core/evaluation/focus_map.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <opencv2/imgproc.hpp>
#include <stdexcept>

namespace twinsight::core {
namespace {

// Tiles per shorter side: four keep each tile large enough for the network's input at the usual working sizes.
constexpr int kTilesPerShorterSide = 4;

// Tile edges along a side of `length` cut into `count` nearly equal parts.
std::vector<int> edges(int length, int count) {
    std::vector<int> cuts;
    for (int i = 0; i <= count; ++i) cuts.push_back(static_cast<int>(std::lround(double(length) * i / count)));
    return cuts;
}

// Mean Sobel gradient magnitude of the tile's grey values.
double meanGradient(const cv::Mat& tile) {
    cv::Mat grey, dx, dy, magnitude;
    cv::cvtColor(tile, grey, cv::COLOR_BGR2GRAY);
    cv::Sobel(grey, dx, CV_32F, 1, 0);
    cv::Sobel(grey, dy, CV_32F, 0, 1);
    cv::magnitude(dx, dy, magnitude);
    return cv::mean(magnitude)[0] / 8.0;  // the 3x3 Sobel kernel weighs a unit step 8 times
}

}  // namespace

bool hasNoDetail(const cv::Mat& image) {
    constexpr int kGrid = 4;
    if (image.empty()) return true;
    const std::vector<int> columns = edges(image.cols, std::min(kGrid, image.cols));
    const std::vector<int> rows = edges(image.rows, std::min(kGrid, image.rows));
    for (std::size_t r = 0; r + 1 < rows.size(); ++r) {
        for (std::size_t c = 0; c + 1 < columns.size(); ++c) {
            const cv::Rect tile(columns[c], rows[r], columns[c + 1] - columns[c], rows[r + 1] - rows[r]);
            if (meanGradient(image(tile)) >= kFlatTileDetail) return false;
        }
    }
    return true;
}

bool hasFocusMap(const TrainedModel& model) { return model.transform().frameMap() != FrameMap::None; }

FocusMap focusMap(const TrainedModel& model, const cv::Mat& image) {
    if (!hasFocusMap(model)) {
        throw std::invalid_argument("focus map: the " + model.metadata().transform +
                                    " transformation acts on the whole frame, so a map of it means nothing");
    }
    if (image.empty()) throw std::invalid_argument("focus map: the image is empty");
    // A frame smaller than one tile is one tile: scored whole, as the scorer does.
    const int shorter = std::min(image.cols, image.rows);
    const int tile = std::min(shorter, std::max(model.metadata().inputSize, shorter / kTilesPerShorterSide));
    FocusMap map;
    map.rows = std::max(1, image.rows / tile);
    map.cols = std::max(1, image.cols / tile);
    const std::vector<int> ys = edges(image.rows, map.rows), xs = edges(image.cols, map.cols);
    std::vector<cv::Mat> tiles;
    for (int row = 0; row < map.rows; ++row) {
        for (int col = 0; col < map.cols; ++col) {
            tiles.push_back(image(cv::Range(ys[row], ys[row + 1]), cv::Range(xs[col], xs[col + 1])).clone());
        }
    }
    map.cells = model.estimate(tiles);
    const bool needsDetail = model.transform().frameMap() == FrameMap::DetailedTiles;
    for (const cv::Mat& tile : tiles) map.flat.push_back(needsDetail && meanGradient(tile) < kFlatTileDetail);
    return map;
}

cv::Mat renderFocusMap(const cv::Mat& image, const FocusMap& map, double noticeableMagnitude) {
    cv::Mat shown = image.clone();
    const std::vector<int> ys = edges(image.rows, map.rows), xs = edges(image.cols, map.cols);
    const double full = std::max(1e-9, 2.0 * noticeableMagnitude);
    for (int row = 0; row < map.rows; ++row) {
        for (int col = 0; col < map.cols; ++col) {
            const cv::Rect cell(xs[col], ys[row], xs[col + 1] - xs[col], ys[row + 1] - ys[row]);
            const std::size_t index = static_cast<std::size_t>(row * map.cols + col);
            const bool flat = index < map.flat.size() && map.flat[index];
            const double estimate = map.cells[index].estimate;
            const double strength = flat ? 0.0 : std::clamp(std::abs(estimate) / full, 0.0, 1.0);
            cv::Mat area = shown(cell);
            const cv::Scalar tint = flat ? cv::Scalar(128, 128, 128) : cv::Scalar(0, 0, 255);
            const double weight = flat ? 0.5 : 0.6 * strength;
            cv::addWeighted(area, 1.0 - weight, cv::Mat(area.size(), area.type(), tint), weight, 0.0, area);
            cv::rectangle(shown, cell, cv::Scalar(255, 255, 255), 1);
            char text[32];
            std::snprintf(text, sizeof text, flat ? "flat" : "%.2f", estimate);
            const double scale = std::clamp(cell.height / 90.0, 0.3, 1.0);
            int baseline = 0;
            const cv::Size size = cv::getTextSize(text, cv::FONT_HERSHEY_SIMPLEX, scale, 3, &baseline);
            const cv::Point origin(cell.x + 3, cell.y + size.height + 4);  // the text's baseline, inside the tile
            cv::putText(shown, text, origin, cv::FONT_HERSHEY_SIMPLEX, scale, cv::Scalar(0, 0, 0), 3, cv::LINE_AA);
            cv::putText(shown, text, origin, cv::FONT_HERSHEY_SIMPLEX, scale, cv::Scalar(255, 255, 255), 1,
                        cv::LINE_AA);
        }
    }
    return shown;
}

}  // namespace twinsight::core
