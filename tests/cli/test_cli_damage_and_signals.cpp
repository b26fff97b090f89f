// Issue 14, items 6 and 7 through the real binary: damaged images are reported and skipped (or scored and marked
// with --accept-damaged) with no decoder line on stderr; a signal during a write leaves no temporary file.

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <opencv2/imgcodecs.hpp>
#include <sstream>
#include <thread>

#include "cli_model_fixture.h"
#include "cli_runner.h"
#include "support/temp_folder.h"

namespace twinsight::testing {
namespace {
namespace fs = std::filesystem;

class CliDamageAndSignals : public CliModelFixture {
protected:
    static void SetUpTestSuite() { makeScenesAndModel(); }
    static std::string bytesOf(const std::string& path) {
        std::ostringstream bytes;
        bytes << std::ifstream(path, std::ios::binary).rdbuf();
        return bytes.str();
    }
    static std::string writeBytes(const std::string& name, const std::string& bytes) {
        std::ofstream(file(name), std::ios::binary) << bytes;
        return file(name);
    }
    // A whole JPEG, the same cut to 60%, and the PNG with its IHDR checksum broken.
    struct DamagedSet {
        std::string good, truncated, crc;
    };
    static DamagedSet damagedSet() {
        DamagedSet set;
        set.good = file("good.jpg");
        EXPECT_TRUE(cv::imwrite(set.good, cv::imread(photo())));
        const std::string jpeg = bytesOf(set.good);
        set.truncated = writeBytes("trunc.jpg", jpeg.substr(0, jpeg.size() * 6 / 10));
        std::string png = bytesOf(photo());
        png[8 + 4 + 4 + 13] ^= 0x5A;  // the first byte of IHDR's CRC
        set.crc = writeBytes("crc.png", png);
        return set;
    }
    // Every stderr line names its file: no line of a decoder's own.
    static void expectEachLineStartsWithOneOf(const std::string& err, const std::vector<std::string>& paths) {
        std::istringstream lines(err);
        for (std::string line; std::getline(lines, line);) {
            bool named = false;
            for (const std::string& path : paths) named = named || line.rfind(path + ": ", 0) == 0;
            EXPECT_TRUE(named) << "unattributed stderr line: " << line;
        }
    }
};

TEST_F(CliDamageAndSignals, DamagedImagesAreReportedOnceAndSkipped) {
    const DamagedSet set = damagedSet();
    const CliResult result = runCli({"score", "--model", model(), set.good, set.truncated, set.crc});
    EXPECT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(result.err,
              set.truncated + ": truncated JPEG data\n" + set.crc + ": damaged PNG data (IHDR: CRC error)\n");
    EXPECT_EQ(result.out.rfind("path,score,estimate,in_range\n", 0), 0U) << result.out;  // header as before
    EXPECT_EQ(countLines(result.out), 2) << result.out;
    EXPECT_NE(result.out.find(set.good + ","), std::string::npos);
    EXPECT_EQ(result.out.find("trunc.jpg"), std::string::npos) << result.out;
}

// TIFF, BMP and WebP go through OpenCV, whose decoders print "imread_('...'): can't read data: OpenCV(4.6.0) ..."
// and an empty line for a damaged file, beside Twinsight's own line for it.
TEST_F(CliDamageAndSignals, DamagedImagesOfOpenCvsDecodersGetOneLineEach) {
    const cv::Mat image = cv::imread(photo());
    std::vector<std::string> damaged;
    for (const char* extension : {".tiff", ".bmp"}) {
        const std::string whole = file(std::string("whole") + extension);
        ASSERT_TRUE(cv::imwrite(whole, image));
        const std::string bytes = bytesOf(whole);
        damaged.push_back(writeBytes(std::string("cut") + extension, bytes.substr(0, bytes.size() / 2)));
    }
    const CliResult result = runCli({"score", "--model", model(), damaged[0], damaged[1], photo()});
    EXPECT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(countLines(result.err), 2) << result.err;
    expectEachLineStartsWithOneOf(result.err, damaged);
    EXPECT_EQ(countLines(result.out), 2) << result.out;  // the header and the whole photo
}

TEST_F(CliDamageAndSignals, AcceptDamagedScoresThemMarkedInALastColumn) {
    const DamagedSet set = damagedSet();
    const CliResult result =
        runCli({"score", "--accept-damaged", "--model", model(), set.good, set.truncated, set.crc});
    EXPECT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(countLines(result.err), 2) << result.err;
    EXPECT_NE(result.err.find(set.truncated + ": truncated JPEG data"), std::string::npos) << result.err;
    expectEachLineStartsWithOneOf(result.err, {set.truncated, set.crc});
    std::istringstream lines(result.out);
    std::string header, row;
    std::getline(lines, header);
    EXPECT_EQ(header, "path,score,estimate,in_range,damaged");
    std::map<std::string, std::string> damaged;
    while (std::getline(lines, row)) damaged[row.substr(0, row.find(','))] = row.substr(row.rfind(',') + 1);
    EXPECT_EQ(damaged,
              (std::map<std::string, std::string>{{set.good, "false"}, {set.truncated, "true"}, {set.crc, "true"}}));
}

// Runs twinsight-cli with TWINSIGHT_TEST_PAUSE_BEFORE_RENAME so that it waits with its temporary file written,
// sends `signalNumber` once that file is there, and returns the wait status (a bounded wait for each step).
int signalDuringWrite(const std::vector<std::string>& arguments, const fs::path& folder, const std::string& name,
                      int signalNumber) {
    const pid_t child = ::fork();
    if (child == 0) {
        ::setenv("TWINSIGHT_TEST_PAUSE_BEFORE_RENAME", "120", 1);
        std::vector<char*> argv{const_cast<char*>(TWINSIGHT_CLI_PATH)};
        for (const std::string& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
        argv.push_back(nullptr);
        std::freopen("/dev/null", "w", stdout);
        ::execv(TWINSIGHT_CLI_PATH, argv.data());
        ::_exit(127);
    }
    const auto temporaryThere = [&] {
        for (const auto& entry : fs::directory_iterator(folder)) {
            if (entry.path().filename().string().rfind("." + name + ".tmp", 0) == 0) return true;
        }
        return false;
    };
    int status = 0;
    for (int tries = 0; tries < 1200 && !temporaryThere(); ++tries) {    // at most a minute for the training
        if (::waitpid(child, &status, WNOHANG) == child) return status;  // ended without writing: the test fails
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    EXPECT_TRUE(temporaryThere()) << "the temporary file never appeared";
    ::kill(child, signalNumber);
    for (int tries = 0; tries < 600; ++tries) {
        if (::waitpid(child, &status, WNOHANG) == child) return status;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ::kill(child, SIGKILL);
    ::waitpid(child, &status, 0);
    ADD_FAILURE() << "twinsight-cli did not end within 30 s of the signal";
    return status;
}

std::vector<std::string> namesIn(const fs::path& folder) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(folder)) names.push_back(entry.path().filename().string());
    return names;
}

TEST_F(CliDamageAndSignals, ASignalDuringTheCsvWriteLeavesNoTemporaryFile) {
    for (const int signalNumber : {SIGINT, SIGTERM, SIGHUP}) {
        TempFolder out;
        const int status = signalDuringWrite({"score", "--model", model(), "--out", out.file("x.csv"), photo()},
                                             out.path(), "x.csv", signalNumber);
        ASSERT_TRUE(WIFSIGNALED(status)) << "signal " << signalNumber << ", status " << status;
        EXPECT_EQ(WTERMSIG(status), signalNumber);
        EXPECT_EQ(namesIn(out.path()), std::vector<std::string>{}) << "signal " << signalNumber;
    }
}

TEST_F(CliDamageAndSignals, SigintDuringTheModelWriteLeavesNoTemporaryFile) {
    TempFolder out;
    const int status =
        signalDuringWrite({"train", "--images", file("photos"), "--transform", "blur", "--out", out.file("m.twinsight"),
                           "--steps", "2", "--batch", "4", "--working-size", "96", "--input-size", "32", "--seed", "1"},
                          out.path(), "m.twinsight", SIGINT);
    ASSERT_TRUE(WIFSIGNALED(status)) << status;
    EXPECT_EQ(WTERMSIG(status), SIGINT);
    EXPECT_EQ(namesIn(out.path()), std::vector<std::string>{});
}

}  // namespace
}  // namespace twinsight::testing
