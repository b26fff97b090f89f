// LibTorch's code lives in a module loaded only when a network is trained or used (core/model/network_backend.h):
// the commands that never run a network work without it, and those that do say in one line what is wrong with it.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "cli_runner.h"
#include "support/temp_folder.h"

namespace twinsight::testing {
namespace {
namespace fs = std::filesystem;

constexpr const char* kModuleVariable = "TWINSIGHT_NETWORK_MODULE";

class CliNetworkModule : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_folder = new TempFolder();
        ASSERT_EQ(runCli({"samples", "--out", file("scenes"), "--count", "6", "--seed", "2"}).exitCode, 0);
        const CliResult trained = runCli({"train", "--images", file("scenes"), "--transform", "blur", "--steps", "20",
                                          "--out", file("blur.twinsight"), "--device", "cpu"});
        ASSERT_EQ(trained.exitCode, 0) << trained.err;
    }
    static std::string file(const std::string& name) { return s_folder->file(name); }

    // Runs with the module looked for where there is none.
    static CliResult runWithoutModule(const std::vector<std::string>& arguments) {
        return runCliWithVariable(kModuleVariable, file("no-such-folder/libtwinsight-network.so"), arguments);
    }

private:
    static inline TempFolder* s_folder = nullptr;
};

TEST_F(CliNetworkModule, CommandsThatRunNoNetworkNeedNoModule) {
    EXPECT_EQ(runWithoutModule({"--version"}).exitCode, 0);
    EXPECT_EQ(runWithoutModule({"--help"}).exitCode, 0);
    EXPECT_EQ(runWithoutModule({"transforms"}).exitCode, 0);
    const CliResult samples = runWithoutModule({"samples", "--out", file("more"), "--count", "2"});
    EXPECT_EQ(samples.exitCode, 0) << samples.err;
    const CliResult degraded = runWithoutModule({"degrade", file("scenes/scene_000.png"), "--transform", "blur",
                                                 "--magnitude", "2", "--out", file("blurred.png")});
    EXPECT_EQ(degraded.exitCode, 0) << degraded.err;
    EXPECT_TRUE(fs::exists(file("blurred.png")));

    const CliResult scored =
        runCli({"score", "--model", file("blur.twinsight"), "--out", file("scores.csv"), file("scenes")});
    ASSERT_EQ(scored.exitCode, 0) << scored.err;
    const CliResult merged = runWithoutModule({"merge", "--out", file("merged.csv"), file("scores.csv")});
    EXPECT_EQ(merged.exitCode, 0) << merged.err;
    EXPECT_EQ(readText(file("merged.csv")), readText(file("scores.csv")));
}

TEST_F(CliNetworkModule, CommandsThatRunANetworkNameTheMissingModuleInOneLine) {
    const std::string missing = file("no-such-folder/libtwinsight-network.so");
    const CliResult scored = runWithoutModule({"score", "--model", file("blur.twinsight"), file("scenes")});
    EXPECT_EQ(scored.exitCode, 1);
    EXPECT_EQ(countLines(scored.err), 1) << scored.err;
    EXPECT_NE(scored.err.find("cannot load the network module (" + missing), std::string::npos) << scored.err;
    EXPECT_TRUE(scored.out.empty()) << scored.out;

    const CliResult trained = runWithoutModule(
        {"train", "--images", file("scenes"), "--transform", "blur", "--steps", "2", "--out", file("never.twinsight")});
    EXPECT_EQ(trained.exitCode, 1);
    EXPECT_EQ(countLines(trained.err), 1) << trained.err;
    EXPECT_NE(trained.err.find("network module"), std::string::npos) << trained.err;
    EXPECT_FALSE(fs::exists(file("never.twinsight")));
}

TEST_F(CliNetworkModule, ALibraryThatIsNoModuleIsRefusedByName) {
    // zlib is part of every Debian system, and LibTorch's own dependencies.
    const std::string foreign = "/lib/x86_64-linux-gnu/libz.so.1";
    if (!fs::exists(foreign)) GTEST_SKIP() << foreign << " not found";
    const CliResult scored =
        runCliWithVariable(kModuleVariable, foreign, {"score", "--model", file("blur.twinsight"), file("scenes")});
    EXPECT_EQ(scored.exitCode, 1);
    EXPECT_EQ(scored.err, "twinsight-cli: " + foreign + ": not a Twinsight network module; reinstall Twinsight\n");
}

}  // namespace
}  // namespace twinsight::testing
