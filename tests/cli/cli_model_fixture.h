#pragma once
// A test suite around one tiny blur model and four sample scenes, made through the binary once per suite.

#include <string>

#include <gtest/gtest.h>

#include "cli_runner.h"
#include "support/temp_folder.h"

namespace twinsight::testing {

class CliModelFixture : public ::testing::Test {
protected:
    // Scenes in photos/, the model m.twinsight; with `scoreInto` non-empty, also a score CSV of `scoreInput`, a name
    // inside the suite's folder (the folder does not exist before this call).
    static void makeScenesAndModel(const std::string& scoreInto = {}, const std::string& scoreInput = {}) {
        s_folder = new TempFolder();
        ASSERT_EQ(runCli({"samples", "--out", file("photos"), "--count", "4", "--seed", "5"}).exitCode, 0);
        const CliResult trained =
            runCli({"train", "--images", file("photos"), "--transform", "blur", "--out", model(), "--steps", "2",
                    "--batch", "4", "--working-size", "96", "--input-size", "32", "--seed", "1"});
        ASSERT_EQ(trained.exitCode, 0) << trained.err;
        if (!scoreInto.empty()) {
            ASSERT_EQ(runCli({"score", "--model", model(), "--out", file(scoreInto), file(scoreInput)}).exitCode, 0);
        }
    }
    static void TearDownTestSuite() {
        delete s_folder;
        s_folder = nullptr;
    }
    static std::string file(const std::string& name) { return s_folder->file(name); }
    static std::string model() { return file("m.twinsight"); }
    static std::string photo() { return file(kFirstPhoto); }
    static constexpr const char* kFirstPhoto = "photos/scene_000.png";

private:
    static inline TempFolder* s_folder = nullptr;
};

}  // namespace twinsight::testing
