// Issue "Radiology QC" through the real binary: NIfTI volumes and DICOM series scored slice by slice, the series
// table, and the QC report; no header text in any output.

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "cli_model_fixture.h"
#include "cli_runner.h"
#include "core/base/atomic_file.h"
#include "core/scoring/score_csv_merge.h"
#include "support/dicom_writer.h"
#include "support/nifti_writer.h"

namespace twinsight::testing {
namespace {

constexpr const char* kSecret = "SECRET-PATIENT-0815";

// RFC 4180 rows: the names of 4D slices hold a comma and come quoted.
std::vector<std::vector<std::string>> csvRows(const std::string& csv) { return core::parseCsv(csv, "test"); }

// A textured volume; `blurLevel` smooths it along x and y (0: sharp).
NiftiSpec textured(std::array<int, 4> size, int blurLevel) {
    NiftiSpec spec;
    spec.size = size;
    spec.description = kSecret;
    spec.value = [blurLevel](int x, int y, int z, int t) {
        double sum = 0.0;
        int count = 0;
        for (int dy = -blurLevel; dy <= blurLevel; ++dy) {
            for (int dx = -blurLevel; dx <= blurLevel; ++dx, ++count) {
                sum += ((x + dx) / 4 + (y + dy) / 4 + z + t) % 2 == 0 ? 200.0 : 1200.0;
            }
        }
        return sum / count;
    };
    return spec;
}

cv::Mat dicomFrame(int seed) {
    cv::Mat frame(64, 64, CV_16UC1);
    for (int y = 0; y < frame.rows; ++y) {
        for (int x = 0; x < frame.cols; ++x) frame.at<ushort>(y, x) = static_cast<ushort>(((x / 4 + y / 4 + seed) % 2) * 900 + 100);
    }
    return frame;
}

class CliRadiology : public CliModelFixture {
protected:
    static void SetUpTestSuite() {
        makeScenesAndModel();
        std::filesystem::create_directories(file("scans/series_a"));
        writeNifti(file("scans/sharp.nii.gz"), textured({48, 48, 6, 1}, 0));
        writeNifti(file("scans/soft.nii"), textured({48, 48, 5, 1}, 3));
        writeNifti(file("scans/bold.nii.gz"), textured({32, 32, 3, 2}, 1));
        DicomSpec slice;
        slice.patientName = kSecret;
        for (int i = 1; i <= 4; ++i) {
            slice.frames = {dicomFrame(i)};
            writeDicom(file("scans/series_a/IM00000" + std::to_string(i)), slice);
        }
    }
};

TEST_F(CliRadiology, VolumesAndSeriesFoldersAreScoredSliceBySliceWithATablePerSeries) {
    const std::string seriesCsvPath = file("series.csv");
    const CliResult result = runCli({"score", "--model", model(), "--by-series", "--series-out", seriesCsvPath,
                                     "--flag-above", "-1000", file("scans")});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const auto scores = csvRows(result.out);
    ASSERT_EQ(scores.size(), 1u + 4u + 6u + 5u + 6u) << result.out;
    EXPECT_EQ(scores[1][0], file("scans/bold.nii.gz") + "#t:1,z:1");
    EXPECT_EQ(scores[7][0], file("scans/series_a/IM000001"));
    EXPECT_EQ(scores[11][0], file("scans/sharp.nii.gz") + "#z:1");
    std::map<std::string, double> estimates;
    for (std::size_t i = 1; i < scores.size(); ++i) estimates[scores[i][0]] = std::stod(scores[i][2]);

    const auto series = csvRows(core::readWholeFile(seriesCsvPath));
    ASSERT_EQ(series.size(), 5u);
    EXPECT_EQ(series[0], (std::vector<std::string>{"series", "n_images", "median_estimate", "worst_estimate",
                                                   "worst_image", "n_flagged"}));
    std::map<std::string, int> counts;
    double previousWorst = INFINITY;
    for (std::size_t i = 1; i < series.size(); ++i) {
        counts[series[i][0]] = std::stoi(series[i][1]);
        const double worst = std::stod(series[i][3]);
        EXPECT_LE(worst, previousWorst) << "worst series first";
        previousWorst = worst;
        EXPECT_NEAR(estimates.at(series[i][4]), worst, 1e-5 * std::max(1.0, std::abs(worst)));
        EXPECT_EQ(series[i][4].rfind(series[i][0], 0), 0u) << "the worst image belongs to its series";
        EXPECT_EQ(series[i][5], series[i][1]) << "every image flagged above -1000";
    }
    EXPECT_EQ(counts, (std::map<std::string, int>{{file("scans/bold.nii.gz"), 6},
                                                  {file("scans/series_a"), 4},
                                                  {file("scans/sharp.nii.gz"), 6},
                                                  {file("scans/soft.nii"), 5}}));
    for (const std::string& text : {result.out, result.err, core::readWholeFile(seriesCsvPath)}) {
        EXPECT_EQ(text.find("SECRET"), std::string::npos) << text;
    }
}

TEST_F(CliRadiology, SlicesChoosesTheAxesAndBadValuesAreUsageErrors) {
    const CliResult all = runCli({"score", "--model", model(), "--slices", "all", file("scans/sharp.nii.gz")});
    ASSERT_EQ(all.exitCode, 0) << all.err;
    EXPECT_EQ(csvRows(all.out).size(), 1u + 48u + 48u + 6u);
    const CliResult two = runCli({"score", "--model", model(), "--slices", "x,z", file("scans/soft.nii")});
    ASSERT_EQ(two.exitCode, 0) << two.err;
    EXPECT_EQ(csvRows(two.out).size(), 1u + 48u + 5u);
    const CliResult bad = runCli({"score", "--model", model(), "--slices", "w", file("scans")});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_NE(bad.err.find("--slices 'w'"), std::string::npos) << bad.err;
    const CliResult alone = runCli({"score", "--model", model(), "--by-series", file("scans")});
    EXPECT_EQ(alone.exitCode, 2) << "the series table needs its file";
    const CliResult sharded = runCli({"score", "--model", model(), "--by-series", "--series-out", file("s.csv"),
                                      "--shard", "0/2", file("scans")});
    EXPECT_EQ(sharded.exitCode, 2);
}

// How often `needle` occurs in `text`.
std::size_t occurrences(const std::string& text, const std::string& needle) {
    std::size_t count = 0;
    for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size())) {
        ++count;
    }
    return count;
}

TEST_F(CliRadiology, TheReportIsOneWellFormedFileWithAnEntryPerFlaggedImageAndNoHeaderValue) {
    std::ofstream(file("scans/broken.nii.gz")) << "not a volume";
    const std::string html = file("qc.html");
    const CliResult result = runCli({"report", "--model", model(), "--out", html, "--flag-above", "-1000",
                                     file("scans")});
    std::filesystem::remove(file("scans/broken.nii.gz"));
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const std::string text = core::readWholeFile(html);
    EXPECT_EQ(occurrences(text, "<div class=\"card\">"), 4u + 6u + 5u + 6u) << "every image is flagged above -1000";
    EXPECT_EQ(occurrences(text, "<td class=\"path\">" + file("scans/soft.nii") + "</td>"), 1u) << "a series row";
    EXPECT_NE(text.find(file("scans/broken.nii.gz")), std::string::npos) << "the file not scored is listed";
    EXPECT_EQ(text.find("SECRET"), std::string::npos);
    EXPECT_EQ(text.find("href="), std::string::npos);
    EXPECT_EQ(text.find("<script"), std::string::npos);
    EXPECT_EQ(occurrences(text, "src=\""), occurrences(text, "src=\"data:image/")) << "pictures are embedded";
    EXPECT_EQ(text.find("url("), std::string::npos);

    const std::string lint = file("xmllint.txt");
    const int status = std::system(("xmllint --html --noout '" + html + "' 2> '" + lint + "'").c_str());
    EXPECT_EQ(status, 0);
    EXPECT_EQ(core::readWholeFile(lint), "") << "no parser complaint";
}

TEST_F(CliRadiology, TheReportRefusesAMissingPathBeforeScoring) {
    const CliResult result = runCli({"report", "--model", model(), "--out", file("r.html"), file("nothing-here")});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.err.find("nothing-here: no such file or folder"), std::string::npos) << result.err;
    EXPECT_FALSE(std::filesystem::exists(file("r.html")));
    const CliResult noOut = runCli({"report", "--model", model(), file("scans")});
    EXPECT_EQ(noOut.exitCode, 2);
    // An output onto an image inside a folder given as PATH: refused, the volume left as it was.
    const std::string volume = file("scans/soft.nii");
    const std::string before = core::readWholeFile(volume);
    const CliResult ontoVolume = runCli({"report", "--model", model(), "--out", volume, file("scans")});
    EXPECT_EQ(ontoVolume.exitCode, 2);
    EXPECT_NE(ontoVolume.err.find("is one of the images"), std::string::npos) << ontoVolume.err;
    const CliResult seriesOntoVolume = runCli({"score", "--model", model(), "--by-series", "--series-out", volume,
                                               file("scans")});
    EXPECT_EQ(seriesOntoVolume.exitCode, 2);
    EXPECT_EQ(core::readWholeFile(volume), before);
}

}  // namespace
}  // namespace twinsight::testing
