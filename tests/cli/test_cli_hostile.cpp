// Issue 14, items 1, 2, 4 and 5 through the real binary: FIFOs, lost standard output, special --out targets, and
// links that lead nowhere. Every run that could hang runs under a timeout (exit code 124 fails the test).

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>

#include "cli_model_fixture.h"
#include "cli_runner.h"
#include "support/temp_folder.h"

namespace twinsight::testing {
namespace {
namespace fs = std::filesystem;

constexpr int kSeconds = 30;  // far more than any of these runs needs; only a hang reaches it

// One tiny blur model and a few scenes, made through the binary once.
class CliHostile : public CliModelFixture {
protected:
    static void SetUpTestSuite() { makeScenesAndModel("shard.csv", kFirstPhoto); }
    static std::string fifo(const std::string& name) {
        const std::string path = file(name);
        if (!fs::exists(fs::symlink_status(path))) {
            EXPECT_EQ(::mkfifo(path.c_str(), 0644), 0) << path;
        }
        return path;
    }
    static void expectOneLineError(const CliResult& result, int code, const std::string& mention) {
        EXPECT_EQ(result.exitCode, code) << result.err;
        EXPECT_EQ(countLines(result.err), 1) << result.err;
        EXPECT_NE(result.err.find(mention), std::string::npos) << result.err;
        EXPECT_EQ(result.err.find("filesystem error"), std::string::npos) << result.err;
    }
};

TEST_F(CliHostile, FifosAreNeverOpenedAsImagesModelsShardsOrLists) {
    const std::string image = fifo("y.jpg");
    const CliResult scored = runCliTimed({"score", "--model", model(), image, photo()}, kSeconds);
    EXPECT_EQ(scored.exitCode, 0) << scored.err;
    EXPECT_EQ(scored.err, image + ": not a regular file (a FIFO)\n");
    EXPECT_NE(scored.out.find(photo()), std::string::npos) << scored.out;

    std::ofstream(file("list.txt")) << image << "\n" << photo() << "\n";
    const CliResult listed = runCliTimed({"score", "--model", model(), "--files-from", file("list.txt")}, kSeconds);
    EXPECT_EQ(listed.exitCode, 0) << listed.err;
    EXPECT_EQ(listed.err, image + ": not a regular file (a FIFO)\n");

    const std::string notRegular = "not a regular file (a FIFO)";
    expectOneLineError(runCliTimed({"sweep", "--model", model(), image}, kSeconds), 1, notRegular);
    expectOneLineError(
        runCliTimed({"degrade", "--transform", "blur", "--magnitude", "1", "--out", file("d.png"), image}, kSeconds), 1,
        notRegular);
    expectOneLineError(runCliTimed({"score", "--model", model(), "--files-from", fifo("list.fifo")}, kSeconds), 1,
                       notRegular);
    // A list from a process substitution is a pipe too, but already open with its writer running: it is read.
    const CliResult substituted =
        runProgram("bash", {"-c", std::string("timeout 30 '") + TWINSIGHT_CLI_PATH + "' score --model '" + model() +
                                      "' --files-from <(echo '" + photo() + "')"});
    EXPECT_EQ(substituted.exitCode, 0) << substituted.err;
    EXPECT_NE(substituted.out.find(photo()), std::string::npos) << substituted.out;
    expectOneLineError(runCliTimed({"merge", fifo("shard.fifo")}, kSeconds), 1, notRegular);
    expectOneLineError(runCliTimed({"score", "--model", fifo("model.fifo"), photo()}, kSeconds), 1, notRegular);
    const CliResult trained = runCliTimed(
        {"train", "--images", image, "--transform", "blur", "--steps", "2", "--out", file("m2.twinsight")}, kSeconds);
    EXPECT_EQ(trained.exitCode, 1) << trained.err;
    EXPECT_NE(trained.err.find(image + ": " + notRegular), std::string::npos) << trained.err;
}

TEST_F(CliHostile, LostStandardOutputIsAnError) {
    const std::vector<std::vector<std::string>> commands = {
        {"score", "--model", model(), photo()},
        {"sweep", "--model", model(), photo()},
        {"eval", "--model", model(), "--images", file("photos"), "--levels", "2"},
        {"merge", file("shard.csv")},
        {"transforms"},
        {"train", "--images", file("photos"), "--transform", "blur", "--out", file("lost.twinsight"), "--steps", "2",
         "--batch", "4", "--working-size", "96", "--input-size", "32"},
    };
    for (const std::vector<std::string>& command : commands) {
        const CliResult result = runCliTimed(command, kSeconds, "/dev/full");
        EXPECT_EQ(result.exitCode, 1) << command.front() << ": " << result.err;
        const std::string last = "twinsight-cli: standard output: writing failed";
        EXPECT_NE(result.err.find(last), std::string::npos) << command.front() << ": " << result.err;
        if (command.front() != "train") {  // train shows its progress first
            EXPECT_EQ(countLines(result.err), 1) << result.err;
        }
    }
}

TEST_F(CliHostile, OutWritesStreamsInPlaceAndRefusesOtherSpecialFiles) {
    // A null device of its own (needs root, as replacing one does): the old code replaced it by a regular file, and
    // the system's /dev/null must never be at stake in a test.
    const std::string device = file("null");
    if (::mknod(device.c_str(), S_IFCHR | 0666, makedev(1, 3)) == 0) {
        const CliResult toDevice = runCliTimed({"score", "--model", model(), "--out", device, photo()}, kSeconds);
        EXPECT_EQ(toDevice.exitCode, 0) << toDevice.err;
        EXPECT_TRUE(fs::is_character_file(device));
    }
    const CliResult toStdout = runCliTimed({"score", "--model", model(), "--out", "/dev/stdout", photo()}, kSeconds);
    EXPECT_EQ(toStdout.exitCode, 0) << toStdout.err;
    EXPECT_EQ(toStdout.out.rfind("path,score,", 0), 0u) << toStdout.out;

    const std::string pipe = fifo("out.fifo"), received = file("received.csv");
    const std::string reader = "cat '" + pipe + "' > '" + received + "' & '" + std::string(TWINSIGHT_CLI_PATH) +
                               "' score --model '" + model() + "' --out '" + pipe + "' '" + photo() + "'; wait";
    const CliResult throughFifo = runProgram("timeout", {std::to_string(kSeconds), "sh", "-c", reader});
    EXPECT_EQ(throughFifo.exitCode, 0) << throughFifo.err;
    EXPECT_TRUE(fs::is_fifo(pipe));
    EXPECT_EQ(readText(received).rfind("path,score,", 0), 0u) << readText(received);

    const std::string socketPath = file("s.csv");
    const int socketFd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::strncpy(address.sun_path, socketPath.c_str(), sizeof address.sun_path - 1);
    ASSERT_EQ(::bind(socketFd, reinterpret_cast<const sockaddr*>(&address), sizeof address), 0) << socketPath;
    expectOneLineError(runCliTimed({"score", "--model", model(), "--out", socketPath, photo()}, kSeconds), 1,
                       "s.csv: not a regular file (a socket)");
    ::close(socketFd);
    EXPECT_TRUE(fs::is_socket(socketPath));
}

TEST_F(CliHostile, OutThatIsAnInputIsRefused) {
    const std::string before = readText(model()), shard = readText(file("shard.csv"));
    expectOneLineError(runCliTimed({"score", "--model", model(), "--out", model(), photo()}, kSeconds), 2,
                       "is also an input");
    expectOneLineError(runCliTimed({"merge", "--out", file("shard.csv"), file("shard.csv")}, kSeconds), 2,
                       "is also an input");
    expectOneLineError(runCliTimed({"sweep", "--model", model(), "--out", photo(), photo()}, kSeconds), 2,
                       "is also an input");
    EXPECT_EQ(readText(model()), before);
    EXPECT_EQ(readText(file("shard.csv")), shard);
}

TEST_F(CliHostile, DanglingLinksLoopsAndFifosInAFolderEachGetTheirLine) {
    const std::string folder = file("scan");
    fs::create_directories(folder);
    fs::copy_file(photo(), folder + "/good.png");
    fs::create_symlink("nowhere.png", folder + "/dangling.png");
    fs::create_symlink("loop_b.png", folder + "/loop_a.png");
    fs::create_symlink("loop_a.png", folder + "/loop_b.png");
    ASSERT_EQ(::mkfifo((folder + "/pipe.jpg").c_str(), 0644), 0);
    const CliResult result = runCliTimed({"score", "--model", model(), folder}, kSeconds);
    EXPECT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(result.err, folder + "/dangling.png: dangling link\n" + folder + "/loop_a.png: link loop\n" + folder +
                              "/loop_b.png: link loop\n" + folder + "/pipe.jpg: not a regular file (a FIFO)\n");
    EXPECT_NE(result.out.find(folder + "/good.png"), std::string::npos) << result.out;
}

TEST_F(CliHostile, DanglingLinksAndLoopsGivenAsPathsAreReportedInOneLine) {
    const std::string dangling = file("dangling.jpg"), loop = file("loop1.jpg");
    fs::create_symlink("nowhere.jpg", dangling);
    fs::create_symlink("loop2.jpg", loop);
    fs::create_symlink("loop1.jpg", file("loop2.jpg"));
    const CliResult scored = runCliTimed({"score", "--model", model(), dangling, loop, photo()}, kSeconds);
    EXPECT_EQ(scored.exitCode, 0) << scored.err;
    EXPECT_EQ(scored.err, dangling + ": dangling link\n" + loop + ": link loop\n");
    expectOneLineError(runCliTimed({"score", "--model", loop, photo()}, kSeconds), 1, "loop1.jpg: link loop");
    expectOneLineError(runCliTimed({"score", "--model", dangling, photo()}, kSeconds), 1,
                       "dangling.jpg: dangling link");
    expectOneLineError(runCliTimed({"sweep", "--model", model(), loop}, kSeconds), 1, "loop1.jpg: link loop");
    expectOneLineError(runCliTimed({"score", "--model", model(), "--out", loop, photo()}, kSeconds), 1, "loop1.jpg");
}

}  // namespace
}  // namespace twinsight::testing
