#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "core/imageio/image_source.h"
#include "core/scoring/sharding.h"
#include "support/temp_folder.h"

namespace twinsight::core {
namespace {

TEST(ShardSpec, ParsesZeroBasedKOverN) {
    const ShardSpec shard = parseShardSpec("2/5");
    EXPECT_EQ(shard.index, 2);
    EXPECT_EQ(shard.count, 5);
    EXPECT_EQ(parseShardSpec("0/1").count, 1);
}

TEST(ShardSpec, RefusesMalformedAndOutOfRangeSpecsNamingThem) {
    for (const char* text : {"", "3", "1/", "/4", "a/4", "1/4x", "-1/4", "+1/4", "1 /4", "4/4", "0/0", "5/4"}) {
        try {
            parseShardSpec(text);
            FAIL() << "accepted '" << text << "'";
        } catch (const std::invalid_argument& error) {
            EXPECT_NE(std::string(error.what()).find(std::string("'") + text + "'"), std::string::npos) << error.what();
        }
    }
}

TEST(ShardSpec, ShardsCoverEveryItemExactlyOnceWhateverTheCount) {
    std::vector<std::string> items;
    for (int i = 0; i < 103; ++i) items.push_back("img" + std::to_string(i));
    for (int count : {1, 2, 3, 4, 7, 103, 150}) {
        std::map<std::string, int> seen;
        std::size_t largest = 0, smallest = items.size();
        for (int index = 0; index < count; ++index) {
            const auto shard = selectShard(items, {index, count});
            largest = std::max(largest, shard.size());
            smallest = std::min(smallest, shard.size());
            for (const std::string& item : shard) ++seen[item];
        }
        EXPECT_EQ(seen.size(), items.size()) << count;
        EXPECT_TRUE(std::all_of(seen.begin(), seen.end(), [](const auto& entry) { return entry.second == 1; }));
        EXPECT_LE(largest - smallest, 1U) << "round robin keeps shards within one item of each other";
    }
}

TEST(ShardSpec, SelectionIsDeterministicAndKeepsListOrder) {
    const std::vector<std::string> items = {"a", "b", "c", "d", "e", "f", "g"};
    EXPECT_EQ(selectShard(items, {1, 3}), (std::vector<std::string>{"b", "e"}));
    EXPECT_EQ(selectShard(items, {1, 3}), selectShard(items, {1, 3}));
    EXPECT_THROW(selectShard(items, {3, 3}), std::invalid_argument);
}

TEST(PathList, SkipsBlankLinesDropsCarriageReturnsAndKeepsSpaces) {
    std::istringstream in("a.png\n\r\n  spaced name.jpg \r\nlast.tif");
    EXPECT_EQ(readPathList(in, "list"), (std::vector<std::string>{"a.png", "  spaced name.jpg ", "last.tif"}));
}

TEST(PathList, MissingListFileIsNamed) {
    try {
        readPathListFile("/nonexistent/list.txt");
        FAIL();
    } catch (const std::runtime_error& error) {
        EXPECT_NE(std::string(error.what()).find("/nonexistent/list.txt"), std::string::npos);
    }
}

TEST(PathList, ReadsAFileWrittenByTheTest) {
    testing::TempFolder folder;
    std::ofstream(folder.file("list.txt")) << "x.png\ny.png\n";
    EXPECT_EQ(readPathListFile(folder.file("list.txt")), (std::vector<std::string>{"x.png", "y.png"}));
}

TEST(ImageSource, FrameSuffixNamesAFrameOnlyWhenTheFileExistsWithoutIt) {
    testing::TempFolder folder;
    std::ofstream(folder.file("series.dcm")) << "x";
    std::ofstream(folder.file("odd#3")) << "x";
    const ImageSource frame = parseImageSource(folder.file("series.dcm#12"));
    EXPECT_EQ(frame.file, folder.file("series.dcm"));
    EXPECT_EQ(frame.frame, 12);
    EXPECT_EQ(parseImageSource(folder.file("odd#3")).frame, 0) << "a real file with '#' in its name is a file";
    EXPECT_EQ(parseImageSource(folder.file("missing.dcm#2")).frame, 0);
    EXPECT_EQ(parseImageSource(folder.file("series.dcm#0")).frame, 0);
    EXPECT_EQ(parseImageSource(folder.file("series.dcm#x")).frame, 0);
    EXPECT_EQ(imageSourceName("a.dcm", 3), "a.dcm#3");
    EXPECT_EQ(imageSourceName("a.dcm", 0), "a.dcm");
}

TEST(ImageSource, FramesSortByNumberAfterTheirFile) {
    std::vector<std::string> names = {"b.png", "a.dcm#10", "a.dcm#2", "a.dcm", "a.dcm#1", "a.dcm.png"};
    std::sort(names.begin(), names.end(), imageNameLess);
    EXPECT_EQ(names, (std::vector<std::string>{"a.dcm", "a.dcm#1", "a.dcm#2", "a.dcm#10", "a.dcm.png", "b.png"}));
}

}  // namespace
}  // namespace twinsight::core
