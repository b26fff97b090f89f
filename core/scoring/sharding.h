#pragma once
// Splitting a long list of images across machines: each shard takes a fixed 1/N of the list, so any scheduler
// (Slurm arrays, Kubernetes indexed jobs, GNU parallel) can run the shards, and their CSVs merge into the CSV one
// run would have written.

#include <istream>
#include <string>
#include <vector>

namespace twinsight::core {

struct ShardSpec {
    int index = 0;  // 0 .. count-1, as Kubernetes' JOB_COMPLETION_INDEX and Slurm's --array=0-(N-1) number them
    int count = 1;
};

// "K/N" -> {K, N}; throws std::invalid_argument naming the text when it is not that, or K is not in 0..N-1.
ShardSpec parseShardSpec(const std::string& text);

// Items i with i % count == index: round robin, so that a list sorted by folder spreads each folder over all shards.
std::vector<std::string> selectShard(const std::vector<std::string>& items, const ShardSpec& shard);

// One path per line; blank lines are skipped, a trailing '\r' (Windows line ends) is dropped, nothing else is
// trimmed (paths may start or end with spaces). `source` names the list in errors.
std::vector<std::string> readPathList(std::istream& in, const std::string& source);

// readPathList from a file, or from standard input for "-". Throws std::runtime_error naming the file.
std::vector<std::string> readPathListFile(const std::string& path);

}  // namespace twinsight::core
