#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "support/temp_folder.h"

namespace twinsight::testing {
namespace {
namespace fs = std::filesystem;

// Sample scenes and one small blur model made through the binary itself, shared by the end-to-end tests.
class CliEndToEnd : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_folder = new TempFolder();
        ASSERT_EQ(runCli({"samples", "--out", folder("train"), "--count", "24", "--seed", "4"}).exitCode, 0);
        ASSERT_EQ(runCli({"samples", "--out", folder("test"), "--count", "6", "--seed", "8"}).exitCode, 0);
        s_train = new CliResult(runCli({"train", "--images", folder("train"), "--transform", "blur", "--out",
                                        folder("blur.twinsight"), "--steps", "120", "--batch", "16", "--working-size",
                                        "144", "--input-size", "48", "--device", "cpu", "--seed", "3"}));
    }
    static std::string folder(const std::string& name) { return s_folder->file(name); }
    static const CliResult& training() { return *s_train; }

private:
    static inline TempFolder* s_folder = nullptr;
    static inline CliResult* s_train = nullptr;
};

TEST(Cli, HelpListsTheCommands) {
    const CliResult result = runCli({"--help"});
    EXPECT_EQ(result.exitCode, 0);
    for (const char* command : {"transforms", "samples", "degrade", "train", "score", "sweep", "eval", "demo"}) {
        EXPECT_NE(result.out.find(command), std::string::npos) << command;
    }
}

TEST(Cli, VersionMatchesTheProjectVersion) {
    const CliResult result = runCli({"--version"});
    EXPECT_EQ(result.exitCode, 0);
    EXPECT_NE(result.out.find(TWINSIGHT_EXPECTED_VERSION), std::string::npos) << result.out;
}

TEST(Cli, TransformsPrintsOneLinePerTransformationStartingWithItsName) {
    const CliResult result = runCli({"transforms"});
    ASSERT_EQ(result.exitCode, 0);
    EXPECT_EQ(countLines(result.out), 6);
    EXPECT_EQ(result.out.rfind("blur ", 0), 0U);
    EXPECT_NE(result.out.find("\nrotation "), std::string::npos);
    EXPECT_NE(result.out.find("degrees"), std::string::npos);
    EXPECT_NE(result.out.find("whole-frame"), std::string::npos);
}

TEST_F(CliEndToEnd, TrainPrintsTheSummaryJsonAndWritesTheModel) {
    ASSERT_EQ(training().exitCode, 0) << training().err;
    const auto summary = nlohmann::json::parse(training().out);
    for (const char* field :
         {"transform", "range", "working_size", "input_size", "steps", "seconds", "pairs_per_second", "device",
          "threads", "n_train_images", "n_val_images", "skipped", "val_pair_accuracy", "val_pearson", "val_spearman"}) {
        EXPECT_TRUE(summary.contains(field)) << field;
    }
    EXPECT_EQ(summary["transform"], "blur");
    EXPECT_EQ(summary["range"], nlohmann::json::array({0.0, 5.0}));
    EXPECT_EQ(summary["n_train_images"].get<int>() + summary["n_val_images"].get<int>(), 24);
    EXPECT_GT(summary["val_pair_accuracy"].get<double>(), 0.85);
    for (const char* figure : {"val_pair_accuracy", "val_pearson", "val_spearman"}) {
        const double low = summary[std::string(figure) + "_low"].get<double>();
        const double high = summary[std::string(figure) + "_high"].get<double>();
        EXPECT_LE(low, summary[figure].get<double>() + 1e-9) << figure;
        EXPECT_GE(high, summary[figure].get<double>() - 1e-9) << figure;
        EXPECT_LT(low, high) << figure << ": several held-out images give a real interval";
    }
    // 24 scenes, 20% held out: 5 held-out images, topped up to 8 sweeps for the calibration.
    EXPECT_EQ(summary["n_calibration_images"], 8);
    EXPECT_GT(summary["val_median_abs_error"].get<double>(), 0.0);
    EXPECT_LT(summary["val_median_abs_error"].get<double>(), 1.5) << "px, on a 0-5 px range";
    EXPECT_TRUE(fs::is_regular_file(folder("blur.twinsight")));
}

TEST_F(CliEndToEnd, ThoroughTrainsThreeTimesTheSteps) {
    const CliResult result = runCli({"train", "--images", folder("test"), "--transform", "noise", "--out",
                                     folder("thorough.twinsight"), "--steps", "4", "--thorough", "--batch", "4",
                                     "--working-size", "96", "--input-size", "32", "--device", "cpu"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(nlohmann::json::parse(result.out)["steps"], 12);
}

TEST_F(CliEndToEnd, ScoreWritesSortedCsvAndReportsUnreadableFiles) {
    ASSERT_EQ(training().exitCode, 0);
    std::ofstream(folder("test/broken.png")) << "not a png";
    const CliResult result = runCli({"score", "--model", folder("blur.twinsight"), folder("test")});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(result.out.rfind("path,score,estimate,in_range\n", 0), 0U);
    EXPECT_EQ(countLines(result.out), 7);
    EXPECT_LT(result.out.find("scene_000.png"), result.out.find("scene_005.png"));
    EXPECT_NE(result.err.find("broken.png: "), std::string::npos) << result.err;
    fs::remove(folder("test/broken.png"));
}

TEST_F(CliEndToEnd, ScoredBlurFollowsTheDegradeCommand) {
    ASSERT_EQ(training().exitCode, 0);
    const std::string source = folder("test/scene_001.png");
    ASSERT_EQ(runCli({"degrade", "--transform", "blur", "--magnitude", "4", "--working-size", "144", "--out",
                      folder("blurred.png"), source})
                  .exitCode,
              0);
    ASSERT_EQ(runCli({"score", "--model", folder("blur.twinsight"), "--out", folder("pair.csv"), source,
                      folder("blurred.png")})
                  .exitCode,
              0);
    const std::string csv = readText(folder("pair.csv"));
    std::istringstream lines(csv);
    std::string header, blurredRow, sharpRow;
    std::getline(lines, header);
    std::getline(lines, blurredRow);  // sorted by path: .../blurred.png before .../test/...
    std::getline(lines, sharpRow);
    auto estimate = [](const std::string& row) {
        const auto first = row.find(',', row.find(',') + 1);
        return std::stod(row.substr(first + 1));
    };
    EXPECT_GT(estimate(blurredRow), estimate(sharpRow) + 1.5) << csv;
}

TEST_F(CliEndToEnd, SweepAndEvalFollowTheProtocol) {
    ASSERT_EQ(training().exitCode, 0);
    const CliResult sweep =
        runCli({"sweep", "--model", folder("blur.twinsight"), "--levels", "6", folder("test/scene_002.png")});
    ASSERT_EQ(sweep.exitCode, 0) << sweep.err;
    EXPECT_EQ(sweep.out.rfind("magnitude,score,estimate\n", 0), 0U);
    EXPECT_EQ(countLines(sweep.out), 7);
    EXPECT_NE(sweep.out.find("\n5,"), std::string::npos) << sweep.out;
    const CliResult eval =
        runCli({"eval", "--model", folder("blur.twinsight"), "--images", folder("test"), "--out", folder("eval.json")});
    ASSERT_EQ(eval.exitCode, 0) << eval.err;
    const auto report = nlohmann::json::parse(readText(folder("eval.json")));
    EXPECT_EQ(report["n_images"], 6);
    EXPECT_EQ(report["levels"], 8);
    EXPECT_GT(report["spearman"].get<double>(), 0.8);
    for (const char* field : {"pearson", "per_image_spearman", "pair_accuracy"}) EXPECT_TRUE(report.contains(field));
    EXPECT_LE(report["spearman_low"].get<double>(), report["spearman"].get<double>());
    EXPECT_GE(report["spearman_high"].get<double>(), report["spearman"].get<double>());
    EXPECT_LE(report["pearson_low"].get<double>(), report["pearson_high"].get<double>());
    EXPECT_LE(report["pair_accuracy_low"].get<double>(), report["pair_accuracy_high"].get<double>());
    EXPECT_EQ(report["unit"], "px");
    EXPECT_GT(report["median_abs_error"].get<double>(), 0.0);
    EXPECT_LT(report["median_abs_error"].get<double>(), 2.0);
}

TEST_F(CliEndToEnd, CorruptModelExitsOneWithOneLine) {
    std::ofstream(folder("corrupt.twinsight")) << "TWINSIGHT-MODEL\ngarbage";
    const CliResult result = runCli({"score", "--model", folder("corrupt.twinsight"), folder("test")});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_EQ(countLines(result.err), 1) << result.err;
    EXPECT_NE(result.err.find("corrupt.twinsight"), std::string::npos);
}

}  // namespace
}  // namespace twinsight::testing
