#pragma once
// Speed part of twinsight-bench: scoring throughput against decode-only throughput on the same large JPEGs (at the
// scorer's reduction, and in full for scale), the network's arithmetic against what LibTorch reaches in a matrix
// product (start-up and memory: bench_processes.h).

#include <string>
#include <vector>

#include <opencv2/core.hpp>

namespace twinsight::bench {

// A camera-like 12-megapixel frame.
inline const cv::Size kLargeJpegSize{4000, 3000};

// Writes `count` 12-megapixel JPEGs made from sample scenes into `folder`; returns their paths.
std::vector<std::string> writeLargeJpegs(const std::string& folder, int count);

// Decoding every file with OpenCV on all cores, nothing else: images per second. `reduction` 1 decodes at full
// resolution (as a plain image viewer would), 2, 4 or 8 at that scale (libjpeg's reduced decoding, as the scorer
// decodes for its working size).
double decodeOnlyRate(const std::vector<std::string>& paths, int reduction);

// Floating-point operations of the model's network per image of `imageSize` at working size: its samples (the crop
// grid, one frame, or one context) times the forward cost of one.
double networkFlopsPerImage(const std::string& modelPath, cv::Size imageSize);

// Loading at working size and scoring with the model: images per second.
double scoringRate(const std::string& modelPath, const std::vector<std::string>& paths);

}  // namespace twinsight::bench
