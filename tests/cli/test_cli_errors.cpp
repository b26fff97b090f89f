#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "cli_runner.h"
#include "support/temp_folder.h"

namespace twinsight::testing {
namespace {
namespace fs = std::filesystem;

class CliErrors : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_EQ(runCli({"samples", "--out", m_folder.file("images"), "--count", "3"}).exitCode, 0); }
    CliResult train(const std::vector<std::string>& extra) {
        std::vector<std::string> arguments{"train", "--out", m_folder.file("model.twinsight"), "--steps", "2"};
        arguments.insert(arguments.end(), extra.begin(), extra.end());
        return runCli(arguments);
    }
    void expectOneLineError(const CliResult& result, int code, const std::string& mention) {
        EXPECT_EQ(result.exitCode, code) << result.err;
        EXPECT_EQ(countLines(result.err), 1) << result.err;
        EXPECT_NE(result.err.find(mention), std::string::npos) << result.err;
        EXPECT_FALSE(fs::exists(m_folder.file("model.twinsight")));
    }
    TempFolder m_folder;
};

TEST_F(CliErrors, UnknownTransformationIsAUsageError) {
    expectOneLineError(train({"--images", m_folder.file("images"), "--transform", "sharpen"}), 2, "sharpen");
}

TEST_F(CliErrors, BadRangesAreUsageErrors) {
    const std::string images = m_folder.file("images");
    expectOneLineError(train({"--images", images, "--transform", "blur", "--range", "3:1"}), 2, "3:1");
    expectOneLineError(train({"--images", images, "--transform", "blur", "--range", "0:50"}), 2, "valid range");
    expectOneLineError(train({"--images", images, "--transform", "blur", "--range", "zero:5"}), 2, "zero:5");
    const CliResult zeroSteps = runCli({"train", "--images", images, "--transform", "rotation", "--range", "-10:10",
                                        "--steps", "0", "--out", m_folder.file("model.twinsight")});
    expectOneLineError(zeroSteps, 2, "steps");
    expectOneLineError(train({"--images", images, "--transform", "blur", "--steps", "3", "--steps", "4"}), 2, "steps");
}

TEST_F(CliErrors, MissingAndEmptyFoldersAreNamed) {
    expectOneLineError(train({"--images", m_folder.file("absent"), "--transform", "blur"}), 1, "absent");
    fs::create_directories(m_folder.file("empty"));
    expectOneLineError(train({"--images", m_folder.file("empty"), "--transform", "blur"}), 1, "no readable image");
}

TEST_F(CliErrors, UnwritableOutputFailsBeforeTraining) {
    const CliResult result = runCli({"train", "--images", m_folder.file("images"), "--transform", "blur", "--out",
                                     m_folder.file("nowhere/model.twinsight")});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.err.find("nowhere"), std::string::npos) << result.err;
    EXPECT_FALSE(fs::exists(m_folder.file("nowhere")));
}

TEST_F(CliErrors, FolderWithOnlyBadImagesReportsEachAndFails) {
    fs::create_directories(m_folder.file("bad"));
    std::ofstream(m_folder.file("bad/empty.jpg"));
    std::ofstream(m_folder.file("bad/text.png")) << "hello";
    const CliResult result = train({"--images", m_folder.file("bad"), "--transform", "blur"});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.err.find("empty.jpg: "), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("text.png: "), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("no readable image"), std::string::npos) << result.err;
}

TEST_F(CliErrors, ScoreWithMissingModelOrPathFails) {
    const CliResult noModel = runCli({"score", "--model", m_folder.file("absent.twinsight"), m_folder.file("images")});
    EXPECT_EQ(noModel.exitCode, 1);
    EXPECT_NE(noModel.err.find("absent.twinsight"), std::string::npos);
    const CliResult noArguments = runCli({"score"});
    EXPECT_EQ(noArguments.exitCode, 2);
}

TEST_F(CliErrors, DegradeRejectsBadMagnitudesWithoutWriting) {
    const CliResult result = runCli({"degrade", "--transform", "blur", "--magnitude", "-1", "--out",
                                     m_folder.file("out.png"), m_folder.file("images/scene_000.png")});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("magnitude -1"), std::string::npos) << result.err;
    EXPECT_FALSE(fs::exists(m_folder.file("out.png")));
}

}  // namespace
}  // namespace twinsight::testing
