#pragma once
// Built-in sample scenes: a deterministic generator of varied, photo-like images (sharp edges, textures, thin
// text-like strokes, smooth gradients, sky above ground with vertical structures so that "up" can be learnt).

#include <cstdint>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

namespace twinsight::core {

// Default size of a sample scene (landscape 4:3).
inline const cv::Size kSampleSceneSize{480, 360};
// Smaller scenes cannot hold a horizon, a building and a 64-pixel training crop at once.
inline constexpr int kMinSampleSceneSide = 64;

// Renders scene number `index` of the family `seed`; the same arguments always give the same pixels.
cv::Mat renderSampleScene(std::uint64_t seed, int index, cv::Size size = kSampleSceneSize);

// Writes `count` scenes as PNG files scene_000.png, ... into `folder` (created if missing) and returns their paths.
// Throws std::runtime_error when a file cannot be written.
std::vector<std::string> writeSampleScenes(const std::string& folder, int count, std::uint64_t seed);

}  // namespace twinsight::core
