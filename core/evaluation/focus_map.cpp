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

}  // namespace

bool hasFocusMap(const TrainedModel& model) { return model.transform().variesAcrossTheFrame(); }

FocusMap focusMap(const TrainedModel& model, const cv::Mat& image) {
    if (!hasFocusMap(model)) {
        throw std::invalid_argument("focus map: the " + model.metadata().transform +
                                    " transformation acts on the whole frame, so a map of it means nothing");
    }
    const int tile = std::max(model.metadata().inputSize, std::min(image.cols, image.rows) / kTilesPerShorterSide);
    if (image.empty() || std::min(image.cols, image.rows) < tile) {
        throw std::invalid_argument("focus map: the image is smaller than one tile of " + std::to_string(tile) +
                                    " px");
    }
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
    return map;
}

cv::Mat renderFocusMap(const cv::Mat& image, const FocusMap& map, double noticeableMagnitude) {
    cv::Mat shown = image.clone();
    const std::vector<int> ys = edges(image.rows, map.rows), xs = edges(image.cols, map.cols);
    const double full = std::max(1e-9, 2.0 * noticeableMagnitude);
    for (int row = 0; row < map.rows; ++row) {
        for (int col = 0; col < map.cols; ++col) {
            const cv::Rect cell(xs[col], ys[row], xs[col + 1] - xs[col], ys[row + 1] - ys[row]);
            const double estimate = map.at(row, col).estimate;
            const double strength = std::clamp(std::abs(estimate) / full, 0.0, 1.0);
            cv::Mat area = shown(cell);
            cv::addWeighted(area, 1.0 - 0.6 * strength, cv::Mat(area.size(), area.type(), cv::Scalar(0, 0, 255)),
                            0.6 * strength, 0.0, area);
            cv::rectangle(shown, cell, cv::Scalar(255, 255, 255), 1);
            char text[32];
            std::snprintf(text, sizeof text, "%.2f", estimate);
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
