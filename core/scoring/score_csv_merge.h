#pragma once
// Joining the score CSVs of shards into the CSV a single run writes: same header, each image exactly once, rows in
// the same order.

#include <string>
#include <vector>

namespace twinsight::core {

// RFC 4180 rows: quoted fields may hold commas, quotes ("") and line breaks. Throws std::runtime_error naming
// `source` for an unterminated quote or text after a closing quote.
std::vector<std::vector<std::string>> parseCsv(const std::string& text, const std::string& source);

struct CsvDocument {
    std::string source;  // file name, for errors
    std::string text;
};

struct MergedScores {
    std::string csv;
    std::size_t rows = 0;
    std::vector<std::string> missing;  // expected images found in no shard (unreadable ones, or a shard not given)
};

// Merges score CSVs (first column `path`). Throws std::runtime_error when the headers differ, a row has the wrong
// number of fields or a value score never writes ("SHARD line 3: score 'abc' is not a number"; in_range neither
// true nor false), an image is in two documents (naming both), or, when `expected` is given, a row's image is not
// in it. Expected images in no document are returned in `missing`, in list order.
MergedScores mergeScoreCsvs(const std::vector<CsvDocument>& documents, const std::vector<std::string>* expected);

}  // namespace twinsight::core
