// Issue "Real workflows" through the real binary: several models, shards and merge, XMP sidecars, DICOM and RAW.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <sstream>

#include "cli_runner.h"
#include "core/base/atomic_file.h"
#include "core/samples/sample_bursts.h"
#include "support/dicom_writer.h"
#include "support/dng_writer.h"
#include "support/temp_folder.h"

namespace twinsight::testing {
namespace {
namespace fs = std::filesystem;

std::vector<std::string> csvLines(const std::string& csv) {
    std::vector<std::string> lines;
    std::istringstream in(csv);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

std::vector<std::string> fields(const std::string& line) {
    std::vector<std::string> parts;
    std::istringstream in(line);
    for (std::string part; std::getline(in, part, ',');) parts.push_back(part);
    return parts;
}

cv::Mat gradientFrame(int rows, int cols, int type, double scale) {
    cv::Mat frame(rows, cols, type);
    for (int y = 0; y < rows; ++y) {
        for (int x = 0; x < cols; ++x) {
            const double value = scale * ((x * 7 + y * 3) % 97);
            type == CV_8UC1 ? void(frame.at<uchar>(y, x) = cv::saturate_cast<uchar>(value))
                            : void(frame.at<ushort>(y, x) = cv::saturate_cast<ushort>(value));
        }
    }
    return frame;
}

// Two small models (blur, brightness) and a folder of sample scenes, made through the binary once.
class CliWorkflows : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_folder = new TempFolder();
        ASSERT_EQ(runCli({"samples", "--out", file("photos"), "--count", "9", "--seed", "6"}).exitCode, 0);
        for (const char* transform : {"blur", "brightness"}) {
            const CliResult trained = runCli({"train", "--images", file("photos"), "--transform", transform, "--out",
                                              file(std::string(transform) + ".twinsight"), "--steps", "40", "--batch",
                                              "8", "--working-size", "96", "--input-size", "32", "--seed", "2"});
            ASSERT_EQ(trained.exitCode, 0) << trained.err;
        }
    }
    static void TearDownTestSuite() {
        delete s_folder;
        s_folder = nullptr;
    }
    static std::string file(const std::string& name) { return s_folder->file(name); }
    static std::string blurModel() { return file("blur.twinsight"); }
    static std::string brightnessModel() { return file("brightness.twinsight"); }

private:
    static inline TempFolder* s_folder = nullptr;
};

TEST_F(CliWorkflows, SeveralModelsGiveOneColumnSetEachWithTheSingleModelsScores) {
    const CliResult both = runCli({"score", "--model", blurModel(), "--model", brightnessModel(), file("photos")});
    ASSERT_EQ(both.exitCode, 0) << both.err;
    const auto lines = csvLines(both.out);
    ASSERT_EQ(lines.size(), 10U);
    EXPECT_EQ(lines[0],
              "path,score_blur,estimate_blur,in_range_blur,score_brightness,estimate_brightness,"
              "in_range_brightness");
    const auto single = csvLines(runCli({"score", "--model", brightnessModel(), file("photos")}).out);
    ASSERT_EQ(single.size(), lines.size());
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const auto multi = fields(lines[i]), alone = fields(single[i]);
        ASSERT_EQ(multi.size(), 7U);
        EXPECT_EQ(multi[0], alone[0]);
        EXPECT_EQ(std::vector<std::string>(multi.begin() + 4, multi.end()),
                  std::vector<std::string>(alone.begin() + 1, alone.end()));
    }
}

// --map-out writes one focus map per image for the blur model (none for brightness, which acts on the whole frame)
// and an index naming each; with only a brightness model it is a usage error, before anything is scored.
TEST_F(CliWorkflows, MapOutWritesAFocusMapPerImageAndAnIndex) {
    TempFolder maps;
    const std::string folder = maps.file("maps");
    const CliResult scored = runCli({"score", "--model", blurModel(), "--model", brightnessModel(), "--map-out", folder,
                                     "--out", maps.file("scores.csv"), file("photos")});
    ASSERT_EQ(scored.exitCode, 0) << scored.err;
    const auto index = csvLines(core::readWholeFile(folder + "/maps.csv"));
    ASSERT_EQ(index.size(), 10U);
    EXPECT_EQ(index[0], "path,transform,map");
    for (std::size_t i = 1; i < index.size(); ++i) {
        const auto row = fields(index[i]);
        ASSERT_EQ(row.size(), 3U);
        EXPECT_EQ(row[1], "blur");
        EXPECT_EQ(row[2], fs::path(row[0]).filename().string() + ".blur.png");
        const cv::Mat map = cv::imread(folder + "/" + row[2]);
        const cv::Mat image = cv::imread(row[0]);
        ASSERT_FALSE(map.empty()) << row[2];
        EXPECT_EQ(map.rows, 96);  // at the model's working size
        EXPECT_NEAR(double(map.cols) / map.rows, double(image.cols) / image.rows, 0.02);
    }
    const CliResult refused =
        runCli({"score", "--model", brightnessModel(), "--map-out", maps.file("none"), file("photos")});
    EXPECT_EQ(refused.exitCode, 2);
    EXPECT_NE(refused.err.find("--map-out"), std::string::npos) << refused.err;
    EXPECT_FALSE(fs::exists(maps.file("none")));
}

// --groups: three bursts made from three unlike scenes, named in capture order. Each comes out as one group, and
// the best of each is the shot with the group's lowest blur estimate; the columns come after the existing ones.
// With --write-xmp, the best shots carry --best-label and every sidecar its group.
TEST_F(CliWorkflows, GroupsFindTheBurstsAndMarkTheLeastBlurredShotOfEach) {
    TempFolder shots;
    std::map<std::string, int> truth;
    const cv::Mat scenes[] = {cv::imread(file("photos/scene_000.png")), cv::imread(file("photos/scene_004.png")),
                              cv::imread(file("photos/scene_007.png"))};
    for (int burst = 0; burst < 3; ++burst) {
        // The generator's scenes share a layout (sky over ground); real photos of different subjects do not.
        cv::Mat scene = scenes[burst].clone();
        if (burst == 1) cv::rotate(scenes[burst], scene, cv::ROTATE_90_CLOCKWISE);
        if (burst == 2) cv::bitwise_not(scene, scene);
        const core::SampleBurst made = core::makeSampleBurst(scene, 3, 40 + burst);
        for (int shot = 0; shot < 3; ++shot) {
            const std::string name = "IMG_" + std::to_string(burst) + std::to_string(shot) + ".png";
            cv::imwrite(shots.file(name), made.shots[static_cast<std::size_t>(shot)]);
            truth[shots.file(name)] = burst;
        }
    }
    const CliResult scored = runCli({"score", "--model", blurModel(), "--groups", "--write-xmp", "--best-label",
                                     "Green", "--out", shots.file("scores.csv"), shots.path().string()});
    ASSERT_EQ(scored.exitCode, 0) << scored.err;
    const auto lines = csvLines(core::readWholeFile(shots.file("scores.csv")));
    ASSERT_EQ(lines.size(), 10U);
    EXPECT_EQ(lines[0], "path,score,estimate,in_range,group,best_in_group");
    std::map<int, int> groupOfBurst;
    std::map<std::string, std::vector<std::vector<std::string>>> byGroup;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const auto row = fields(lines[i]);
        ASSERT_EQ(row.size(), 6U);
        const int burst = truth.at(row[0]);
        const int group = std::stoi(row[4]);
        EXPECT_TRUE(groupOfBurst.emplace(burst, group).first->second == group) << row[0];
        byGroup[row[4]].push_back(row);
    }
    ASSERT_EQ(byGroup.size(), 3U) << "one group per burst";
    for (const auto& [group, rows] : byGroup) {
        const auto lowest = std::min_element(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
            return std::stod(a[2]) < std::stod(b[2]);
        });
        for (const auto& row : rows) EXPECT_EQ(row[5], &row == &*lowest ? "true" : "false") << row[0];
        const std::string sidecar = core::readWholeFile((*lowest)[0] + ".xmp");
        EXPECT_NE(sidecar.find("<xmp:Label>Green</xmp:Label>"), std::string::npos) << sidecar;
        EXPECT_NE(sidecar.find("<twinsight:BurstGroup>" + group + "</twinsight:BurstGroup>"), std::string::npos);
    }
    for (const auto& arguments : std::vector<std::vector<std::string>>{
             {"--best-label", "Green", "--write-xmp"}, {"--groups", "--burst-gap", "-1"}, {"--groups", "--shard", "0/2"}}) {
        std::vector<std::string> command = {"score", "--model", blurModel()};
        command.insert(command.end(), arguments.begin(), arguments.end());
        command.push_back(shots.path().string());
        const CliResult refused = runCli(command);
        EXPECT_EQ(refused.exitCode, 2) << arguments.front() << ": " << refused.err;
    }
}

TEST_F(CliWorkflows, TwoModelsOfOneTransformationAreAUsageError) {
    const CliResult result = runCli({"score", "--model", blurModel(), "--model", blurModel(), file("photos")});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("a second blur model"), std::string::npos) << result.err;
}

TEST_F(CliWorkflows, ShardedRunsMergeIntoExactlyTheSingleRunsCsv) {
    TempFolder work;
    DicomSpec series;
    for (double scale : {1.0, 2.0, 3.0}) series.frames.push_back(gradientFrame(80, 96, CV_8UC1, scale));
    writeDicom(work.file("series.dcm"), series);
    std::ofstream(work.file("list.txt")) << file("photos") << "\n"
                                         << work.file("series.dcm") << "\n"
                                         << work.file("deleted_since.png") << "\n";  // a stale list entry
    const std::vector<std::string> base = {"score", "--model", blurModel(), "--files-from", work.file("list.txt")};
    auto with = [&](std::vector<std::string> extra) {
        std::vector<std::string> arguments = base;
        arguments.insert(arguments.end(), extra.begin(), extra.end());
        return runCli(arguments);
    };
    ASSERT_EQ(with({"--out", work.file("single.csv")}).exitCode, 0);
    std::vector<std::string> merge = {"merge",           "--files-from", work.file("list.txt"),
                                      "--allow-missing", "--out",        work.file("all.csv")};
    std::size_t reportedDeleted = 0;
    for (int k = 0; k < 4; ++k) {
        const std::string shard = work.file("shard" + std::to_string(k) + ".csv");
        const CliResult result = with({"--shard", std::to_string(k) + "/4", "--out", shard});
        ASSERT_EQ(result.exitCode, 0) << result.err;
        reportedDeleted += result.err.find("deleted_since.png: ") != std::string::npos;
        // Files dealt round robin: 9 scenes, series.dcm (10th, 3 frames) and the stale entry (11th).
        const std::size_t scored = csvLines(readText(shard)).size() - 1;
        EXPECT_EQ(scored, (std::vector<std::size_t>{3, 5, 2, 2}[k])) << "shard " << k;
        merge.push_back(shard);
    }
    EXPECT_EQ(reportedDeleted, 1U) << "the stale entry is reported by the one shard that holds it";
    const CliResult merged = runCli(merge);
    ASSERT_EQ(merged.exitCode, 0) << merged.err;
    EXPECT_NE(merged.err.find("deleted_since.png: in the list but in no shard CSV"), std::string::npos) << merged.err;
    EXPECT_EQ(readText(work.file("all.csv")), readText(work.file("single.csv")));
    EXPECT_NE(readText(work.file("single.csv")).find("series.dcm#3,"), std::string::npos);
}

TEST_F(CliWorkflows, MergeRefusesAnImageScoredTwiceAndReportsMissingOnes) {
    TempFolder work;
    std::ofstream(work.file("list.txt")) << file("photos") << "\n";
    for (int k = 0; k < 2; ++k) {
        const CliResult result = runCli({"score", "--model", blurModel(), "--files-from", work.file("list.txt"),
                                         "--shard", std::to_string(k) + "/2", "--out", work.file(std::to_string(k))});
        ASSERT_EQ(result.exitCode, 0) << result.err;
    }
    const CliResult twice = runCli({"merge", "--out", work.file("m.csv"), work.file("0"), work.file("0")});
    EXPECT_EQ(twice.exitCode, 1);
    EXPECT_NE(twice.err.find("scored twice"), std::string::npos) << twice.err;
    const CliResult missing =
        runCli({"merge", "--files-from", work.file("list.txt"), "--out", work.file("m.csv"), work.file("0")});
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_NE(missing.err.find("in no shard CSV"), std::string::npos) << missing.err;
    EXPECT_FALSE(fs::exists(work.file("m.csv"))) << "a failed merge writes nothing";
    const CliResult allowed = runCli({"merge", "--files-from", work.file("list.txt"), "--allow-missing", "--out",
                                      work.file("m.csv"), work.file("0")});
    EXPECT_EQ(allowed.exitCode, 0) << allowed.err;
    EXPECT_EQ(csvLines(readText(work.file("m.csv"))).size(), 6U);
}

TEST_F(CliWorkflows, BadShardSpecsAreUsageErrors) {
    for (const char* spec : {"4/4", "1", "a/b"}) {
        const CliResult result = runCli({"score", "--model", blurModel(), "--shard", spec, file("photos")});
        EXPECT_EQ(result.exitCode, 2) << spec;
        EXPECT_NE(result.err.find(std::string("'") + spec + "'"), std::string::npos) << result.err;
    }
}

// What `exiv2` itself reads from a sidecar: "Xmp.xmp.Rating 1" lines, key then value.
std::string exivValue(const std::string& sidecar, const std::string& key) {
    const CliResult result = runProgram("exiv2", {"-PXkv", sidecar});
    std::istringstream in(result.out);
    for (std::string line; std::getline(in, line);) {
        if (line.rfind(key + " ", 0) != 0) continue;
        const std::size_t value = line.find_first_not_of(' ', key.size());
        return value == std::string::npos ? "" : line.substr(value);
    }
    return "(absent)";
}

TEST_F(CliWorkflows, WriteXmpRatesFlagsAndMergesSidecarsThatExiv2ReadsBack) {
    TempFolder work;
    for (const char* name : {"scene_000.png", "scene_001.png", "scene_002.png"}) {
        fs::copy_file(file("photos/") + name, work.file(name));
    }
    // Two blurred scenes: the sharp ones may all read 0 px, so the split needs estimates that differ for real.
    for (const char* name : {"scene_005.png", "scene_007.png"}) {
        cv::Mat blurred;
        cv::GaussianBlur(cv::imread(file("photos/") + name), blurred, cv::Size(0, 0), 3.0);
        ASSERT_TRUE(cv::imwrite(work.file(name), blurred)) << name;
    }
    std::ofstream(work.file("scene_001.png.xmp"))
        << R"(<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">)"
        << R"(<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">)"
        << R"(<dc:subject><rdf:Bag><rdf:li>holiday</rdf:li></rdf:Bag></dc:subject><xmp:Rating>5</xmp:Rating>)"
        << R"(</rdf:Description></rdf:RDF></x:xmpmeta>)";
    const auto lines = csvLines(runCli({"score", "--model", blurModel(), work.path().string()}).out);
    ASSERT_EQ(lines.size(), 6U);
    std::vector<double> estimates;
    for (std::size_t row = 1; row < lines.size(); ++row) estimates.push_back(std::stod(fields(lines[row])[2]));
    std::sort(estimates.begin(), estimates.end());
    std::size_t widest = 0;  // flag below the middle of the widest gap: printed digits cannot move the split
    for (std::size_t i = 1; i + 1 < estimates.size(); ++i) {
        if (estimates[i + 1] - estimates[i] > estimates[widest + 1] - estimates[widest]) widest = i;
    }
    ASSERT_GT(estimates[widest + 1] - estimates[widest], 1e-3) << "the scenes' estimates should differ";
    const double split = (estimates[widest] + estimates[widest + 1]) / 2;
    const std::string threshold = std::to_string(split);
    const std::vector<std::string> request = {"score",        "--model",      blurModel(),
                                              "--write-xmp",  "--flag-below", "blur=" + threshold,
                                              "--flag-label", "Purple",       work.path().string()};
    std::vector<std::string> dryRun = request;
    dryRun.insert(dryRun.begin() + 3, "--dry-run");
    const CliResult listed = runCli(dryRun);
    ASSERT_EQ(listed.exitCode, 0) << listed.err;
    EXPECT_EQ(countLines(listed.out), 5) << listed.out;
    EXPECT_NE(listed.out.find("scene_000.png.xmp"), std::string::npos) << listed.out;
    EXPECT_FALSE(fs::exists(work.file("scene_000.png.xmp"))) << "a dry run writes nothing";
    const CliResult written = runCli(request);
    ASSERT_EQ(written.exitCode, 0) << written.err;
    const std::string merged = work.file("scene_001.png.xmp");
    EXPECT_EQ(exivValue(merged, "Xmp.dc.subject"), "holiday") << "the user's keywords survive";
    EXPECT_NE(exivValue(merged, "Xmp.twinsight.BlurEstimate"), "(absent)");
    for (std::size_t row = 1; row < lines.size(); ++row) {
        const auto columns = fields(lines[row]);
        const std::string sidecar = columns[0] + ".xmp";
        ASSERT_TRUE(fs::exists(sidecar)) << sidecar;
        if (std::stod(columns[2]) < split) {
            EXPECT_EQ(exivValue(sidecar, "Xmp.xmp.Rating"), "1") << sidecar;
            EXPECT_EQ(exivValue(sidecar, "Xmp.xmp.Label"), "Purple") << sidecar;
        } else {
            EXPECT_GE(std::stoi(exivValue(sidecar, "Xmp.xmp.Rating")), 2) << sidecar;
            EXPECT_EQ(exivValue(sidecar, "Xmp.xmp.Label"), "(absent)") << sidecar;
        }
    }
}

TEST_F(CliWorkflows, BaseNamingWritesLightroomStyleSidecarsAndBadOptionsAreUsageErrors) {
    TempFolder work;
    fs::copy_file(file("photos/scene_003.png"), work.file("scene_003.png"));
    const CliResult written =
        runCli({"score", "--model", blurModel(), "--write-xmp", "--xmp-naming", "base", "--flag-above", "-100",
                "--reject", "--out", work.file("s.csv"), work.file("scene_003.png")});
    ASSERT_EQ(written.exitCode, 0) << written.err;
    EXPECT_EQ(exivValue(work.file("scene_003.xmp"), "Xmp.xmp.Rating"), "-1");
    EXPECT_FALSE(fs::exists(work.file("scene_003.png.xmp")));
    cv::imwrite(work.file("scene_003.jpg"), cv::imread(work.file("scene_003.png")));
    const CliResult clash = runCli({"score", "--model", blurModel(), "--write-xmp", "--xmp-naming", "base", "--out",
                                    work.file("s.csv"), work.path()});
    EXPECT_EQ(clash.exitCode, 1) << "two images, one sidecar name";
    EXPECT_NE(clash.err.find("scene_003.xmp: already the sidecar of"), std::string::npos) << clash.err;
    EXPECT_EQ(countLines(clash.err), 2) << clash.err;
    EXPECT_EQ(runCli({"score", "--model", blurModel(), "--write-xmp", "--xmp-naming", "lr", work.path()}).exitCode, 2);
    EXPECT_EQ(runCli({"score", "--model", blurModel(), "--flag-above", "2", work.path()}).exitCode, 2)
        << "flags without --write-xmp";
    EXPECT_EQ(runCli({"score", "--model", blurModel(), "--write-xmp", "--flag-above", "noise=3", work.path()}).exitCode,
              2);
}

TEST_F(CliWorkflows, DicomFramesAreScoredByNameAndNoHeaderValueLeaks) {
    TempFolder work;
    DicomSpec multi;
    multi.patientName = "SECRET^PATIENTNAME";
    for (double scale : {1.0, 40.0, 300.0}) multi.frames.push_back(gradientFrame(90, 110, CV_16UC1, scale));
    writeDicom(work.file("ct.dcm"), multi);
    DicomSpec single = multi;
    single.frames.resize(1);
    writeDicom(work.file("IM000001"), single);  // series folders often have no extensions
    std::ofstream(work.file("broken.dcm")) << "DICM but not really";
    const CliResult result = runCli({"score", "--model", blurModel(), work.path().string()});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const auto lines = csvLines(result.out);
    ASSERT_EQ(lines.size(), 5U) << result.out;
    EXPECT_EQ(fields(lines[1])[0], work.file("IM000001"));
    EXPECT_EQ(fields(lines[2])[0], work.file("ct.dcm") + "#1");
    EXPECT_EQ(fields(lines[4])[0], work.file("ct.dcm") + "#3");
    EXPECT_NE(result.err.find("broken.dcm"), std::string::npos) << result.err;
    for (const std::string& text : {result.out, result.err}) {
        EXPECT_EQ(text.find("SECRET"), std::string::npos) << text;
    }
}

TEST_F(CliWorkflows, CameraRawFilesAreScored) {
    TempFolder work;
    DngContent content;
    content.mosaic = bayerMosaic(cv::imread(file("photos/scene_004.png")));
    writeDng(work.file("IMG_0001.DNG"), content);
    std::ofstream(work.file("IMG_0002.NEF")) << "not a raw file at all";
    const CliResult result = runCli({"score", "--model", blurModel(), work.path().string()});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const auto lines = csvLines(result.out);
    ASSERT_EQ(lines.size(), 2U) << result.out;
    EXPECT_EQ(fields(lines[1])[0], work.file("IMG_0001.DNG"));
    EXPECT_NE(result.err.find("IMG_0002.NEF: "), std::string::npos) << result.err;
    EXPECT_EQ(countLines(result.err), 1) << "one line per unreadable file";
}

}  // namespace
}  // namespace twinsight::testing
