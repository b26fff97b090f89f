#pragma once
// Speed part of twinsight-bench: scoring throughput against decode-only throughput on the same large JPEGs, and
// peak memory while scoring 1,000 images.

#include <string>
#include <vector>

namespace twinsight::bench {

// Writes `count` 12-megapixel JPEGs made from sample scenes into `folder`; returns their paths.
std::vector<std::string> writeLargeJpegs(const std::string& folder, int count);

// Full-resolution decoding of every file on all cores, as a plain image viewer would: images per second.
double decodeOnlyRate(const std::vector<std::string>& paths);

// Loading at working size and scoring with the model: images per second.
double scoringRate(const std::string& modelPath, const std::vector<std::string>& paths);

// Peak resident memory (MiB) of a fresh process that loads the model and scores `paths`.
double peakScoringMemoryMiB(const std::string& benchExecutable, const std::string& modelPath,
                            const std::string& listFile);

// The child side of peakScoringMemoryMiB: scores the files listed in `listFile` and prints its peak memory.
int runScoringMemoryChild(const std::string& modelPath, const std::string& listFile);

}  // namespace twinsight::bench
