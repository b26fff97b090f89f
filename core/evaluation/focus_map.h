#pragma once
// Where in the frame the degradation sits: the image cut into tiles, each scored by the model as an image of its
// own, so that a photographer sees whether the subject or only the background is soft, and a technician where a
// slice is noisy.

#include <opencv2/core.hpp>
#include <vector>

#include "core/model/trained_model.h"

namespace twinsight::core {

struct FocusMap {
    int rows = 0;
    int cols = 0;
    std::vector<ImageEstimate> cells;  // row by row
    const ImageEstimate& at(int row, int col) const { return cells[static_cast<std::size_t>(row * cols + col)]; }
};

// True when the model's transformation can vary across the frame (Transform::variesAcrossTheFrame).
bool hasFocusMap(const TrainedModel& model);

// The tiles of `image` (CV_8UC3 at the model's working size): squares of about a quarter of the shorter side, never
// smaller than the network's input, spread evenly over the frame. Throws std::invalid_argument when the model has
// no focus map or the image is smaller than one tile.
FocusMap focusMap(const TrainedModel& model, const cv::Mat& image);

// `image` with each tile tinted by its estimate, from clear at 0 to full red at twice the transformation's
// noticeable magnitude, and the estimate written in the tile.
cv::Mat renderFocusMap(const cv::Mat& image, const FocusMap& map, double noticeableMagnitude);

}  // namespace twinsight::core
