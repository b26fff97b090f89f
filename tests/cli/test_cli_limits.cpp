// Issue 14, items 3, 8 and 10 through the real binary: upper bounds on every numeric option and one line for an
// allocation failure; control characters in names escaped on standard error; messages that said the wrong thing.

#include <gtest/gtest.h>
#include <sys/mount.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <opencv2/imgcodecs.hpp>
#include <thread>

#include "cli_model_fixture.h"
#include "cli_runner.h"
#include "support/dicom_writer.h"
#include "support/temp_folder.h"

namespace twinsight::testing {
namespace {
namespace fs = std::filesystem;

constexpr int kSeconds = 60;  // the old code ran some of these for hours; only that reaches it

class CliLimits : public CliModelFixture {
protected:
    static void SetUpTestSuite() { makeScenesAndModel("shard.csv", "photos"); }
    // A short training run, with `extra` options replacing the defaults they name.
    static std::vector<std::string> train(const std::vector<std::string>& extra) {
        std::vector<std::string> arguments{"train", "--images", file("photos"),           "--transform",
                                           "blur",  "--out",    file("refused.twinsight")};
        for (const auto& [option, value] : {std::pair<std::string, std::string>{"--steps", "1"},
                                            {"--batch", "2"},
                                            {"--working-size", "96"},
                                            {"--input-size", "32"}}) {
            if (std::find(extra.begin(), extra.end(), option) == extra.end()) {
                arguments.insert(arguments.end(), {option, value});
            }
        }
        arguments.insert(arguments.end(), extra.begin(), extra.end());
        return arguments;
    }
    // Exit status `code`, exactly one line on standard error, holding every one of `mentions`.
    static void expectOneLine(const CliResult& result, int code, const std::vector<std::string>& mentions) {
        EXPECT_EQ(result.exitCode, code) << result.err;
        EXPECT_EQ(countLines(result.err), 1) << result.err;
        for (const std::string& mention : mentions)
            EXPECT_NE(result.err.find(mention), std::string::npos) << result.err;
    }
};

TEST_F(CliLimits, EveryNumericOptionHasAnUpperBoundCheckedBeforeAnyWork) {
    const std::string cores = std::to_string(std::max(1U, std::thread::hardware_concurrency()));
    const std::string tooManyThreads = std::to_string(std::max(1U, std::thread::hardware_concurrency()) + 1);
    const std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>> cases = {
        {{"sweep", "--model", model(), "--levels", "1001", photo()}, {"--levels", "1000", "1001"}},
        {{"eval", "--model", model(), "--images", file("photos"), "--levels", "1001"}, {"--levels", "1000", "1001"}},
        {train({"--batch", "4097"}), {"--batch", "4096", "4097"}},
        {train({"--threads", tooManyThreads}), {"--threads", "0 to " + cores, tooManyThreads}},
        {train({"--steps", "1000001"}), {"--steps", "1000000", "1000001"}},
        {train({"--working-size", "4097"}), {"--working-size", "4096", "4097"}},
        {train({"--working-size", "4096", "--input-size", "1025"}), {"--input-size", "1024", "1025"}},
        {train({"--learning-rate", "2"}), {"--learning-rate", "2"}},
        {train({"--linearity", "101"}), {"--linearity", "101"}},
        {{"samples", "--out", file("many"), "--count", "10001"}, {"--count", "10000", "10001"}},
        {{"degrade", "--transform", "blur", "--magnitude", "1", "--working-size", "4097", "--out", file("d.png"),
          photo()},
         {"--working-size", "4096", "4097"}},
    };
    for (const auto& [arguments, mentions] : cases) {
        SCOPED_TRACE(arguments.front() + " " + mentions.front());
        expectOneLine(runCliTimed(arguments, kSeconds), 2, mentions);
    }
    EXPECT_FALSE(fs::exists(file("refused.twinsight")));
    EXPECT_FALSE(fs::exists(file("many")));
    EXPECT_FALSE(fs::exists(file("d.png")));
}

TEST_F(CliLimits, HelpStatesTheMaxima) {
    const CliResult help = runCli({"--help-all"});
    ASSERT_EQ(help.exitCode, 0) << help.err;
    for (const char* maximum : {"2 to 1000", "at most 4096", "at most 1000000", "16 to 1024", "at most 10000",
                                "at most the number of cores"}) {
        EXPECT_NE(help.out.find(maximum), std::string::npos) << maximum;
    }
}

// An allocation failure is "out of memory while ..." in one line, not OpenCV's message over two: an 6000 x 6000
// image under an address-space limit just above what the program needs for a small one.
TEST_F(CliLimits, OutOfMemoryIsOneLineNamingWhatWasBeingDone) {
#if defined(__SANITIZE_ADDRESS__)
    GTEST_SKIP() << "AddressSanitizer reserves terabytes of address space: no address-space limit can be set under it";
#endif
    const std::string big = file("big.png");
    ASSERT_TRUE(cv::imwrite(big, cv::Mat(6000, 6000, CV_8UC3, cv::Scalar(90, 120, 150))));
    const auto degradeUnder = [&](long kilobytes, const std::string& image) {
        const std::string command = "ulimit -v " + std::to_string(kilobytes) + " && exec '" + TWINSIGHT_CLI_PATH +
                                    "' degrade --transform blur --magnitude 2 --working-size 0 --out '" +
                                    file("oom.png") + "' '" + image + "'";
        return runProgram("bash", {"-c", command});
    };
    // The smallest limit (to 16 MB) under which the program degrades a small image: its libraries and threads.
    long low = 64 * 1024, high = 8 * 1024 * 1024;
    ASSERT_EQ(degradeUnder(high, photo()).exitCode, 0) << "an 8 GB address space is not enough";
    while (high - low > 16 * 1024) {
        const long middle = (low + high) / 2;
        (degradeUnder(middle, photo()).exitCode == 0 ? high : low) = middle;
    }
    // The big image alone takes 108 MB once decoded.
    const CliResult result = degradeUnder(high + 48 * 1024, big);
    expectOneLine(result, 1, {"twinsight-cli: out of memory while ", "big.png"});
    EXPECT_EQ(result.err.find("OpenCV"), std::string::npos) << result.err;
}

TEST_F(CliLimits, ControlCharactersInNamesAndValuesAreEscapedOnStandardError) {
    const std::string injected = file("zero\ninjected.png"), tabbed = file("tab\there\x01.png");
    std::ofstream(injected).close();
    std::ofstream(tabbed).close();
    const CliResult scored = runCli({"score", "--model", model(), injected, tabbed, photo()});
    EXPECT_EQ(scored.exitCode, 0) << scored.err;
    EXPECT_EQ(scored.err,
              file("zero\\ninjected.png") + ": empty file\n" + file("tab\\there\\x01.png") + ": empty file\n");
    expectOneLine(runCli({"sweep", "--model", model(), injected}), 1, {"zero\\ninjected.png: empty file"});
    expectOneLine(runCli({"train", "--images", file("photos"), "--transform", "blur\nx", "--out", file("t.twinsight")}),
                  2, {"blur\\nx"});
    expectOneLine(runCli({"sweep", "--model", model(), "--levels", "3\n4", photo()}), 2, {"--levels"});

    // merge: a shard named with a line break, and an image scored twice whose name has one.
    const std::string shard = file("shard\n1.csv");
    std::ofstream(shard) << "path,score,estimate,in_range\n\"a\nb.png\",1,2,true\n";
    expectOneLine(runCli({"merge", shard, shard + "x"}), 1, {"shard\\n1.csvx"});
    fs::copy_file(shard, shard + "x");
    expectOneLine(runCli({"merge", shard, shard + "x"}), 1, {"a\\nb.png: scored twice", "shard\\n1.csv"});
}

TEST_F(CliLimits, RangesMustBeFiniteNumbers) {
    expectOneLine(runCli(train({"--range", "0:inf"})), 2, {"0:inf", "inf is not finite"});
    expectOneLine(runCli(train({"--range", "1e308:1e309"})), 2, {"1e309 is out of range", "not finite"});
    expectOneLine(runCli(train({"--range", "nan:3"})), 2, {"nan is not a number"});
}

TEST_F(CliLimits, SamplesOnAFullDiskNamesTheFileAndTheReason) {
    const std::string disk = file("tiny");
    fs::create_directories(disk);
    if (::mount("tmpfs", disk.c_str(), "tmpfs", 0, "size=64k") != 0) GTEST_SKIP() << "cannot mount a tmpfs here";
    struct Unmount {
        std::string path;
        ~Unmount() { ::umount(path.c_str()); }
    } unmount{disk};
    const CliResult result = runCli({"samples", "--out", disk + "/scenes", "--count", "20"});
    expectOneLine(result, 1, {disk + "/scenes/scene_0", "No space left on device"});
    EXPECT_EQ(result.err.find("libpng"), std::string::npos) << result.err;
    EXPECT_EQ(result.err.find("permissions"), std::string::npos) << result.err;
}

TEST_F(CliLimits, SamplesRefusesAnOutWhoseParentFolderIsMissing) {
    const std::string out = file("absent/dir/x");
    expectOneLine(runCli({"samples", "--out", out, "--count", "1"}), 1, {out, "does not exist"});
    EXPECT_FALSE(fs::exists(file("absent")));
    const CliResult oneLevel = runCli({"samples", "--out", file("new"), "--count", "1"});
    EXPECT_EQ(oneLevel.exitCode, 0) << oneLevel.err;
    EXPECT_TRUE(fs::exists(file("new/scene_000.png")));
}

TEST_F(CliLimits, DegradeNamesAFolderAsOneAndRefusesANegativeWorkingSize) {
    expectOneLine(runCli({"degrade", "--transform", "blur", "--magnitude", "1", "--out", file("photos"), photo()}), 1,
                  {file("photos") + ": is a folder"});
    expectOneLine(runCli({"degrade", "--transform", "blur", "--magnitude", "1", "--working-size", "-1", "--out",
                          file("d.png"), photo()}),
                  2, {"--working-size", "-1"});
    EXPECT_FALSE(fs::exists(file("d.png")));
}

// DICOM headers hold 16-bit sizes: 60000 x 60000 over 64 bytes of pixels is over the limit, not short pixel data.
TEST_F(CliLimits, AHugeDicomIsRefusedByTheMegapixelLimit) {
    const std::string path = file("huge.dcm");
    DicomSpec spec;
    spec.frames = {cv::Mat(8, 8, CV_8UC1, cv::Scalar(100))};
    writeDicom(path, spec);
    std::string bytes = readText(path);
    for (const char element : {'\x10', '\x11'}) {  // Rows (0028,0010) and Columns (0028,0011): US, 8
        const std::string tag = std::string("\x28\x00", 2) + element + std::string("\x00", 1);
        const std::string explicitVr = tag + std::string("US\x02\x00\x08\x00", 6);
        const std::string implicitVr = tag + std::string("\x02\x00\x00\x00\x08\x00", 6);
        std::size_t at = bytes.find(explicitVr);
        if (at == std::string::npos) at = bytes.find(implicitVr);
        ASSERT_NE(at, std::string::npos);
        bytes.replace(at + 8, 2, "\x60\xea");  // 60000, little endian
    }
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
    const CliResult scored = runCli({"score", "--model", model(), path, photo()});
    EXPECT_EQ(scored.exitCode, 0) << scored.err;
    EXPECT_EQ(scored.err, path + ": 3600.0 megapixels is over the 100 megapixel limit\n");
}

TEST_F(CliLimits, ValFractionZeroIsRefusedRatherThanReportedAsHeldOut) {
    expectOneLine(runCli(train({"--val-fraction", "0"})), 2, {"--val-fraction", "above 0", "held-out"});
    EXPECT_FALSE(fs::exists(file("refused.twinsight")));
}

TEST_F(CliLimits, NegativeSeedsAreRefused) {
    expectOneLine(runCli(train({"--seed", "-1"})), 2, {"--seed", "must not be negative", "-1"});
    expectOneLine(runCli({"samples", "--out", file("seeded"), "--seed", "-1"}), 2, {"--seed", "-1"});
    EXPECT_FALSE(fs::exists(file("refused.twinsight")));
    EXPECT_FALSE(fs::exists(file("seeded")));
}

TEST_F(CliLimits, FlagThresholdsMustBeFinite) {
    for (const std::string option : {"--flag-above", "--flag-below"}) {
        for (const std::string value : {"nan", "blur=inf", "1e999"}) {
            expectOneLine(runCli({"score", "--model", model(), "--write-xmp", "--dry-run", option, value, photo()}), 2,
                          {option, value});
        }
    }
    EXPECT_FALSE(fs::exists(photo() + ".xmp"));
}

TEST_F(CliLimits, MergeRefusesAScoreThatIsNoNumberNamingFileLineAndValue) {
    std::string csv = readText(file("shard.csv"));
    const std::size_t row = csv.find('\n', csv.find('\n') + 1) + 1;  // the second image: line 3
    const std::size_t score = csv.find(',', row) + 1;
    csv.replace(score, csv.find(',', score) - score, "abc");
    const std::string bad = file("bad.csv");
    std::ofstream(bad) << csv;
    expectOneLine(runCli({"merge", "--out", file("merged.csv"), bad}), 1, {bad + " line 3", "score 'abc'"});
    EXPECT_FALSE(fs::exists(file("merged.csv")));
}

}  // namespace
}  // namespace twinsight::testing
