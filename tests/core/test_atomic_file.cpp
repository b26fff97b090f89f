// Atomic writes: temporary files that a killed run left beside the target are removed once they are stale.

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "core/base/atomic_file.h"
#include "support/temp_folder.h"

namespace twinsight::core {
namespace {
namespace fs = std::filesystem;
using twinsight::testing::TempFolder;

std::string touch(const TempFolder& folder, const std::string& name, std::chrono::seconds age) {
    const std::string path = folder.file(name);
    std::ofstream(path) << "left by a killed run";
    fs::last_write_time(path, fs::file_time_type::clock::now() - age);
    return path;
}

TEST(AtomicFile, StaleTemporaryFilesOfTheTargetAreRemovedOnTheNextWriteAndFreshOnesKept) {
    TempFolder folder;
    const std::string stale = touch(folder, ".x.csv.tmp123456", std::chrono::minutes(5));
    const std::string fresh = touch(folder, ".x.csv.tmp654321", std::chrono::seconds(0));  // another run, writing now
    const std::string otherTarget = touch(folder, ".y.csv.tmp123456", std::chrono::minutes(5));
    const std::string notOurPattern = touch(folder, ".x.csv.tmpbackup", std::chrono::minutes(5));
    const std::string userFile = touch(folder, "x.csv.tmp1", std::chrono::minutes(5));
    writeFileAtomically(folder.file("x.csv"), "path,score\n");
    EXPECT_FALSE(fs::exists(stale));
    EXPECT_TRUE(fs::exists(fresh));
    EXPECT_TRUE(fs::exists(otherTarget));
    EXPECT_TRUE(fs::exists(notOurPattern));
    EXPECT_TRUE(fs::exists(userFile));
    EXPECT_EQ(readWholeFile(folder.file("x.csv")), "path,score\n");
}

TEST(AtomicFile, AStaleTemporaryFileJustOverAMinuteOldIsRemovedAndOneUnderAMinuteKept) {
    TempFolder folder;
    const std::string overMinute = touch(folder, ".m.twinsight.tmp1", std::chrono::seconds(90));
    const std::string underMinute = touch(folder, ".m.twinsight.tmp2", std::chrono::seconds(20));
    removeStaleTemporaryFiles(folder.file("m.twinsight"));
    EXPECT_FALSE(fs::exists(overMinute));
    EXPECT_TRUE(fs::exists(underMinute));
}

}  // namespace
}  // namespace twinsight::core
