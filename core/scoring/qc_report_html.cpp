// The QC report's HTML: one file, styles inline, pictures as data: URLs, the distributions as inline SVG.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <opencv2/imgcodecs.hpp>
#include <sstream>

#include "core/base/statistics.h"
#include "core/imageio/image_loading.h"
#include "core/scoring/qc_report.h"

namespace twinsight::core {
namespace {

// Bars of each score distribution.
constexpr int kHistogramBins = 24;

constexpr const char* kStyle = R"(
body { font: 14px/1.45 "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: #1d2327; margin: 24px auto;
       max-width: 1100px; padding: 0 16px; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 2px solid #d0d7de;
       padding-bottom: 3px; break-after: avoid; }
.meta { color: #57606a; margin: 0 0 14px; }
.summary { display: flex; flex-wrap: wrap; gap: 10px; margin: 12px 0; }
.summary div { border: 1px solid #d0d7de; border-radius: 6px; padding: 6px 12px; min-width: 120px; }
.summary b { display: block; font-size: 20px; }
.bad b { color: #b42318; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 10px; }
th, td { border: 1px solid #d0d7de; padding: 4px 7px; text-align: left; vertical-align: top; }
th { background: #f3f5f7; } td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr { break-inside: avoid; }
.path { font-family: "DejaVu Sans Mono", monospace; font-size: 12px; word-break: break-all; }
.note { color: #57606a; font-size: 12.5px; }
.charts { display: flex; flex-wrap: wrap; gap: 16px; }
.chart { border: 1px solid #d0d7de; border-radius: 6px; padding: 8px; break-inside: avoid; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(330px, 1fr)); gap: 12px; }
.card { border: 1px solid #d0d7de; border-radius: 6px; padding: 8px; break-inside: avoid; }
.card .pictures { display: flex; gap: 6px; }
.card img { max-width: 100%; height: auto; display: block; background: #000; }
.card .figure { flex: 1; } .card .caption { font-size: 11.5px; color: #57606a; }
.flag { color: #b42318; font-weight: bold; }
@page { margin: 14mm; }
@media print { body { margin: 0; max-width: none; font-size: 11pt; } .cards { grid-template-columns: 1fr 1fr; } }
)";

std::string escaped(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += static_cast<unsigned char>(c) < 0x20 && c != '\t' ? '?' : c;  // control characters
        }
    }
    return out;
}

std::string formatted(double value, int digits = 3) {
    if (!std::isfinite(value)) return "–";
    if (std::abs(value) < 5e-4) value = 0.0;  // a calibration's rounding noise (3.6e-15) reads as 0
    char text[64];
    std::snprintf(text, sizeof text, "%.*g", digits, value);
    return text;
}

std::string withInterval(double value, const Interval& interval) {
    std::string text = formatted(value);
    if (interval.known()) text += " [" + formatted(interval.low) + ", " + formatted(interval.high) + "]";
    return text;
}

std::string base64(const std::vector<unsigned char>& bytes) {
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        const unsigned value = (bytes[i] << 16) | (i + 1 < bytes.size() ? bytes[i + 1] << 8 : 0) |
                               (i + 2 < bytes.size() ? bytes[i + 2] : 0);
        out += kAlphabet[(value >> 18) & 63];
        out += kAlphabet[(value >> 12) & 63];
        out += i + 1 < bytes.size() ? kAlphabet[(value >> 6) & 63] : '=';
        out += i + 2 < bytes.size() ? kAlphabet[value & 63] : '=';
    }
    return out;
}

std::string embeddedImage(const cv::Mat& image, const std::string& alt) {
    std::vector<unsigned char> jpeg;
    cv::imencode(".jpg", image, jpeg, {cv::IMWRITE_JPEG_QUALITY, 85});
    return "<img alt=\"" + escaped(alt) + "\" width=\"" + std::to_string(image.cols) + "\" height=\"" +
           std::to_string(image.rows) + "\" src=\"data:image/jpeg;base64," + base64(jpeg) + "\">";
}

std::string ruleText(const FlagRule& rule, const std::string& unit) {
    return std::string(rule.above ? "above " : "below ") + formatted(rule.threshold) + " " + escaped(unit);
}

std::string modelsSection(const QcReport& report) {
    std::string html = "<h2>Models</h2>\n<table><tr><th>Model file</th><th>Transformation</th><th>Range</th>"
                       "<th>Flagged when</th><th>Held-out Spearman [90%]</th><th>Pair accuracy [90%]</th>"
                       "<th>Median error</th><th>Images (train / held out)</th><th>Trained</th></tr>\n";
    for (const ReportModel& model : report.models) {
        const ModelMetadata& m = model.metadata;
        std::string rules;
        for (const FlagRule& rule : report.rules) {
            if (rule.transform == m.transform) rules += (rules.empty() ? "" : "; ") + ruleText(rule, m.unit);
        }
        html += "<tr><td class=\"path\">" + escaped(model.file) + "</td><td>" + escaped(m.transform) +
                "</td><td class=\"num\">" + formatted(m.range.min) + " to " + formatted(m.range.max) + " " +
                escaped(m.unit) + "</td><td>" + (rules.empty() ? "never" : rules) + "</td><td class=\"num\">" +
                withInterval(m.training.valSpearman, m.training.valSpearmanInterval) + "</td><td class=\"num\">" +
                withInterval(m.training.valPairAccuracy, m.training.valPairAccuracyInterval) +
                "</td><td class=\"num\">" + formatted(m.training.valMedianAbsError) + " " + escaped(m.unit) +
                "</td><td class=\"num\">" + std::to_string(m.training.trainImages) + " / " +
                std::to_string(m.training.validationImages) + "</td><td>" + escaped(m.created.substr(0, 10)) +
                "</td></tr>\n";
    }
    return html + "</table>\n<p class=\"note\">Held-out figures are the model's own, from its training folder: "
                  "degraded copies of images it was not trained on. They say how well it orders magnitudes it "
                  "knows, not how these images were degraded.</p>\n";
}

// A histogram of the model's estimates over its range, with its thresholds as dashed red lines.
std::string histogramSvg(const QcReport& report, std::size_t column) {
    const ModelMetadata& m = report.models[column].metadata;
    const double low = m.range.min, high = m.range.max;
    std::vector<int> counts(kHistogramBins, 0);
    for (const std::vector<ImageEstimate>& row : report.scores.estimates) {
        const double position = (row[column].estimate - low) / (high - low);
        const int bin = std::clamp(static_cast<int>(std::floor(position * kHistogramBins)), 0, kHistogramBins - 1);
        ++counts[static_cast<std::size_t>(bin)];
    }
    const int tallest = std::max(1, *std::max_element(counts.begin(), counts.end()));
    constexpr int width = 420, height = 190, left = 40, bottom = 160, top = 14, plotWidth = 360;
    const double barWidth = static_cast<double>(plotWidth) / kHistogramBins;
    std::ostringstream svg;
    svg << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width << "\" height=\"" << height
        << "\" viewBox=\"0 0 " << width << " " << height << "\" font-size=\"11\" font-family=\"DejaVu Sans, sans-serif\">";
    for (int bin = 0; bin < kHistogramBins; ++bin) {
        const double barHeight = static_cast<double>(counts[static_cast<std::size_t>(bin)]) / tallest * (bottom - top);
        svg << "<rect x=\"" << left + bin * barWidth + 0.5 << "\" y=\"" << bottom - barHeight << "\" width=\""
            << barWidth - 1.0 << "\" height=\"" << barHeight << "\" fill=\"#4a78b5\"/>";
    }
    svg << "<line x1=\"" << left << "\" y1=\"" << bottom << "\" x2=\"" << left + plotWidth << "\" y2=\"" << bottom
        << "\" stroke=\"#333\"/><line x1=\"" << left << "\" y1=\"" << top << "\" x2=\"" << left << "\" y2=\"" << bottom
        << "\" stroke=\"#333\"/>";
    for (const FlagRule& rule : report.rules) {
        if (rule.transform != m.transform || rule.threshold < low || rule.threshold > high) continue;
        const double x = left + (rule.threshold - low) / (high - low) * plotWidth;
        svg << "<line x1=\"" << x << "\" y1=\"" << top << "\" x2=\"" << x << "\" y2=\"" << bottom
            << "\" stroke=\"#b42318\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>";
    }
    svg << "<text x=\"" << left << "\" y=\"" << bottom + 16 << "\">" << formatted(low) << "</text><text x=\""
        << left + plotWidth << "\" y=\"" << bottom + 16 << "\" text-anchor=\"end\">" << formatted(high) << "</text>"
        << "<text x=\"" << left + plotWidth / 2 << "\" y=\"" << bottom + 28 << "\" text-anchor=\"middle\">estimate ("
        << escaped(m.unit) << ")</text><text x=\"" << left - 6 << "\" y=\"" << top + 8 << "\" text-anchor=\"end\">"
        << tallest << "</text><text x=\"" << left - 6 << "\" y=\"" << bottom << "\" text-anchor=\"end\">0</text></svg>";
    // Embedded as a picture: HTML 4 parsers (xmllint, some print paths) know no inline SVG.
    const std::string text = svg.str();
    return "<img alt=\"" + escaped(m.transform) + " estimates\" width=\"" + std::to_string(width) + "\" height=\"" +
           std::to_string(height) + "\" src=\"data:image/svg+xml;base64," +
           base64(std::vector<unsigned char>(text.begin(), text.end())) + "\">";
}

std::string distributionSection(const QcReport& report) {
    std::string html = "<h2>Score distribution</h2>\n<div class=\"charts\">";
    for (std::size_t column = 0; column < report.models.size(); ++column) {
        const ModelMetadata& m = report.models[column].metadata;
        std::vector<double> estimates;
        for (const std::vector<ImageEstimate>& row : report.scores.estimates) estimates.push_back(row[column].estimate);
        std::string figures;
        if (!estimates.empty()) {
            figures = "median " + formatted(median(estimates)) + ", 90th percentile " +
                      formatted(percentile(estimates, 90.0)) + " " + escaped(m.unit);
        }
        html += "<div class=\"chart\"><b>" + escaped(m.transform) + "</b> <span class=\"note\">" + figures +
                "; dashed: flag thresholds</span><br>" + histogramSvg(report, column) + "</div>";
    }
    return html + "</div>\n";
}

std::string seriesSection(const QcReport& report) {
    const ModelMetadata& first = report.models.front().metadata;
    std::string html = "<h2>Series, worst first</h2>\n<p class=\"note\">Ranked by the " + escaped(first.transform) +
                       " model's most degraded image; flagged counts images any model flags.</p>\n"
                       "<table><tr><th>Series</th><th>Images</th><th>Median (" + escaped(first.unit) +
                       ")</th><th>Worst (" + escaped(first.unit) + ")</th><th>Worst image</th><th>Flagged</th></tr>\n";
    for (const SeriesSummary& series : report.series) {
        html += "<tr><td class=\"path\">" + escaped(series.series) + "</td><td class=\"num\">" +
                std::to_string(series.images) + "</td><td class=\"num\">" + formatted(series.medianEstimate) +
                "</td><td class=\"num\">" + formatted(series.worstEstimate) + "</td><td class=\"path\">" +
                escaped(series.worstImage) + "</td><td class=\"num" + (series.flagged > 0 ? " flag" : "") + "\">" +
                std::to_string(series.flagged) + "</td></tr>\n";
    }
    return html + "</table>\n";
}

std::string flaggedSection(const QcReport& report) {
    std::map<std::string, std::size_t> rowOf;
    for (std::size_t row = 0; row < report.scores.paths.size(); ++row) rowOf[report.scores.paths[row]] = row;
    std::string html = "<h2>Flagged images, most severe first (" + std::to_string(report.flagged.size()) + ")</h2>\n";
    if (report.flagged.empty()) return html + "<p>No image is flagged.</p>\n";
    if (static_cast<int>(report.flagged.size()) > kReportPictures) {
        html += "<p class=\"note\">Pictures for the " + std::to_string(kReportPictures) +
                " most severe; the others are listed by name.</p>\n";
    }
    html += "<div class=\"cards\">\n";
    for (const ReportFlaggedImage& image : report.flagged) {
        html += "<div class=\"card\"><div class=\"path\">" + escaped(image.image) + "</div>";
        if (!image.thumbnail.empty()) {
            html += "<div class=\"pictures\"><div class=\"figure\">" + embeddedImage(image.thumbnail, image.image) +
                    "<div class=\"caption\">image</div></div>";
            if (!image.focusMap.empty()) {
                html += "<div class=\"figure\">" + embeddedImage(image.focusMap, "focus map of " + image.image) +
                        "<div class=\"caption\">" + escaped(image.focusMapModel) + " focus map</div></div>";
            }
            html += "</div>";
        }
        html += "<div>";
        const std::size_t row = rowOf.at(image.image);
        for (std::size_t column = 0; column < report.models.size(); ++column) {
            const ModelMetadata& m = report.models[column].metadata;
            const bool flags = std::find(image.flaggedBy.begin(), image.flaggedBy.end(), m.transform) !=
                               image.flaggedBy.end();
            html += std::string(column > 0 ? " · " : "") + (flags ? "<span class=\"flag\">" : "<span>") +
                    escaped(m.transform) + " " + formatted(report.scores.estimates[row][column].estimate) + " " +
                    escaped(m.unit) + "</span>";
        }
        html += "</div></div>\n";
    }
    return html + "</div>\n";
}

std::string skippedSection(const QcReport& report) {
    const std::vector<SkippedFile> skipped = joinSkippedParts(report.scores.skipped);
    std::string html = "<h2>Files not scored (" + std::to_string(skipped.size()) + ")</h2>\n";
    if (skipped.empty()) return html + "<p>Every file was read.</p>\n";
    html += "<table><tr><th>File</th><th>Reason</th></tr>\n";
    for (const SkippedFile& file : skipped) {
        html += "<tr><td class=\"path\">" + escaped(file.path) + "</td><td>" + escaped(file.reason) + "</td></tr>\n";
    }
    return html + "</table>\n";
}

}  // namespace

std::string qcReportHtml(const QcReport& report) {
    if (report.models.empty()) throw std::invalid_argument("qcReportHtml: no model");
    const auto withoutDetail = std::count(report.scores.noDetail.begin(), report.scores.noDetail.end(), true);
    int flaggedSeries = 0;
    for (const SeriesSummary& series : report.series) flaggedSeries += series.flagged > 0 ? 1 : 0;
    std::string html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                       "<title>Twinsight QC report</title>\n<style>" + std::string(kStyle) + "</style>\n</head>\n<body>\n";
    html += "<h1>Twinsight QC report</h1>\n<p class=\"meta\">Made " + escaped(report.created) +
            " by Twinsight. Images are named by path, frame (#K) or volume slice (#z:K); no header value is shown."
            "</p>\n<div class=\"summary\"><div><b>" + std::to_string(report.scores.paths.size()) +
            "</b>images scored</div><div class=\"" + (report.flagged.empty() ? "" : "bad") + "\"><b>" +
            std::to_string(report.flagged.size()) + "</b>flagged</div><div><b>" +
            std::to_string(report.series.size()) + "</b>series</div><div class=\"" + (flaggedSeries > 0 ? "bad" : "") +
            "\"><b>" + std::to_string(flaggedSeries) + "</b>series with flagged images</div><div><b>" +
            std::to_string(joinSkippedParts(report.scores.skipped).size()) + "</b>files not scored</div><div><b>" +
            std::to_string(withoutDetail) + "</b>images without detail, never flagged</div></div>\n";
    html += modelsSection(report) + distributionSection(report) + seriesSection(report) + flaggedSection(report) +
            skippedSection(report);
    return html + "</body>\n</html>\n";
}

}  // namespace twinsight::core
