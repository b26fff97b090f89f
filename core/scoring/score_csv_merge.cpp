#include "core/scoring/score_csv_merge.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "core/imageio/image_source.h"
#include "core/scoring/reports.h"

namespace twinsight::core {
namespace {

using Row = std::vector<std::string>;

// Reads one field starting at `pos`; leaves `pos` on the separator (',' or line end) or at the end.
std::string readField(const std::string& text, std::size_t& pos, const std::string& source) {
    if (pos >= text.size() || text[pos] != '"') {
        const std::size_t end = std::min(text.find_first_of(",\r\n", pos), text.size());
        std::string field = text.substr(pos, end - pos);
        pos = end;
        return field;
    }
    std::string field;
    for (++pos; pos < text.size(); ++pos) {
        if (text[pos] != '"') {
            field += text[pos];
        } else if (pos + 1 < text.size() && text[pos + 1] == '"') {
            field += '"';
            ++pos;
        } else {
            ++pos;
            if (pos < text.size() && text.find_first_of(",\r\n", pos) != pos) {
                throw std::runtime_error(source + ": text after a closing quote at byte " + std::to_string(pos));
            }
            return field;
        }
    }
    throw std::runtime_error(source + ": a quoted field is not closed");
}

bool startsWith(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

// What score wrote in a `score*` or `estimate*` column: a number as a whole (nan and inf included, which strtod reads
// as well).
bool isNumber(const std::string& text) {
    if (text.empty() || std::isspace(static_cast<unsigned char>(text.front()))) return false;
    char* end = nullptr;
    std::strtod(text.c_str(), &end);
    return end == text.c_str() + text.size();
}

// Refuses a value score never writes: a non-number as a score or an estimate, anything but true or false as
// in_range. Other columns (a newer version's) pass as they are.
void checkField(const std::string& column, const std::string& value, const std::string& where) {
    const bool numeric =
        column == "score" || column == "estimate" || startsWith(column, "score_") || startsWith(column, "estimate_");
    const bool flag = column == "in_range" || startsWith(column, "in_range_");
    if (numeric && !isNumber(value))
        throw std::runtime_error(where + ": " + column + " '" + value + "' is not a number");
    if (flag && value != "true" && value != "false") {
        throw std::runtime_error(where + ": " + column + " '" + value + "' is neither true nor false");
    }
}

std::string joinRow(const Row& row) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) line += (i ? "," : "") + csvField(row[i]);
    return line + "\n";
}

// Gathers the rows of several documents, checking each against the first document's header, the other documents
// and, when given, the list of expected images.
struct RowCollector {
    explicit RowCollector(const std::vector<std::string>* expected) : expected(expected) {
        if (expected) allowed.insert(expected->begin(), expected->end());
    }

    void add(const CsvDocument& document, const std::string& firstSource) {
        std::vector<Row> table = parseCsv(document.text, document.source);
        if (table.empty() || table.front().empty() || table.front().front() != "path") {
            throw std::runtime_error(document.source + ": not a Twinsight score CSV (no header starting with path)");
        }
        if (header.empty()) header = table.front();
        if (table.front() != header) {
            throw std::runtime_error(document.source + ": header differs from " + firstSource +
                                     "'s (scored with other models?)");
        }
        for (std::size_t i = 1; i < table.size(); ++i) addRow(std::move(table[i]), document.source, i + 1);
    }

    void addRow(Row row, const std::string& source, std::size_t line) {
        const std::string where = source + " line " + std::to_string(line);
        if (row.size() != header.size()) throw std::runtime_error(where + ": wrong number of fields");
        for (std::size_t column = 1; column < row.size(); ++column) checkField(header[column], row[column], where);
        const auto [slot, inserted] = foundIn.emplace(row.front(), source);
        if (!inserted) throw std::runtime_error(row.front() + ": scored twice, in " + slot->second + " and " + source);
        if (expected && !allowed.count(row.front())) {
            throw std::runtime_error(where + ": " + row.front() + " is not in the list of files");
        }
        rows.push_back(std::move(row));
    }

    const std::vector<std::string>* expected;
    std::unordered_set<std::string> allowed;
    Row header;
    std::vector<Row> rows;
    std::unordered_map<std::string, std::string> foundIn;  // image -> the document that holds it
};

}  // namespace

std::vector<Row> parseCsv(const std::string& text, const std::string& source) {
    std::vector<Row> rows;
    std::size_t pos = 0;
    while (pos < text.size()) {
        Row row;
        for (;;) {
            row.push_back(readField(text, pos, source));
            if (pos < text.size() && text[pos] == ',') {
                ++pos;
                continue;
            }
            break;
        }
        if (pos < text.size() && text[pos] == '\r') ++pos;
        if (pos < text.size() && text[pos] == '\n') ++pos;
        rows.push_back(std::move(row));
    }
    return rows;
}

MergedScores mergeScoreCsvs(const std::vector<CsvDocument>& documents, const std::vector<std::string>* expected) {
    if (documents.empty()) throw std::invalid_argument("merge: no CSV files given");
    RowCollector collector(expected);
    for (const CsvDocument& document : documents) collector.add(document, documents.front().source);
    std::vector<Row>& rows = collector.rows;
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return imageNameLess(a.front(), b.front()); });
    MergedScores merged;
    merged.csv = joinRow(collector.header);
    for (const Row& row : rows) merged.csv += joinRow(row);
    merged.rows = rows.size();
    if (expected) {
        for (const std::string& path : *expected) {
            if (!collector.foundIn.count(path)) merged.missing.push_back(path);
        }
    }
    return merged;
}

}  // namespace twinsight::core
