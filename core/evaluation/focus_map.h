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
    // Per cell: too flat to say (FrameMap::DetailedTiles only: a clear sky is neither sharp nor soft); its estimate
    // is then not shown and should not be read.
    std::vector<bool> flat;
    const ImageEstimate& at(int row, int col) const { return cells[static_cast<std::size_t>(row * cols + col)]; }
};

// Mean Sobel gradient magnitude of a tile's grey values under which it counts as flat, levels per pixel. Blur lowers gradients too, so
// the line sits low: on scikit-image's photos at 256 px, clear sky measured 0.4-0.8 and the defocused background
// behind the cat 1.8-3.9, which must stay readable as soft.
inline constexpr double kFlatTileDetail = 1.0;

// True when no tile of a 4 x 4 grid over `image` (CV_8UC3) reaches kFlatTileDetail: an empty slice at a volume's
// end, a black frame, a clear sky. Its estimates say nothing, whatever they are: such an image is never flagged,
// nor the worst of its series.
bool hasNoDetail(const cv::Mat& image);

// True when a map of the model's transformation means something (Transform::frameMap is not None).
bool hasFocusMap(const TrainedModel& model);

// The tiles of `image` (CV_8UC3 at the model's working size): squares of about a quarter of the shorter side, never
// smaller than the network's input (a smaller frame is one tile), spread evenly over the frame. Throws
// std::invalid_argument when the model has no focus map or the image is empty.
FocusMap focusMap(const TrainedModel& model, const cv::Mat& image);

// `image` with each tile tinted by its estimate, from clear at 0 to full red at twice the transformation's
// noticeable magnitude, and the estimate written in the tile; flat tiles are greyed and say "flat".
cv::Mat renderFocusMap(const cv::Mat& image, const FocusMap& map, double noticeableMagnitude);

}  // namespace twinsight::core
