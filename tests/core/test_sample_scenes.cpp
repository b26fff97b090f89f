#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "bench/classical_measures.h"
#include "core/samples/sample_scenes.h"

namespace twinsight::core {
namespace {

namespace fs = std::filesystem;
using twinsight::bench::laplacianVariance;

// Enough scenes for the statistics below to be stable, few enough to render in well under a second.
constexpr int kScenes = 20;
constexpr std::uint64_t kSeed = 2024;

cv::Mat blurred(const cv::Mat& image, double sigma) {
    cv::Mat out;
    cv::GaussianBlur(image, out, cv::Size(0, 0), sigma);
    return out;
}

double meanLevel(const cv::Mat& bgr) {
    const cv::Scalar mean = cv::mean(bgr);
    return (mean[0] + mean[1] + mean[2]) / 3.0;
}

// Longest run of rows, in one column of the band, where the horizontal gradient is strong: a vertical edge.
int longestVerticalEdge(const cv::Mat& bgr, int firstRow, int lastRow) {
    cv::Mat grey, dx;
    cv::cvtColor(bgr, grey, cv::COLOR_BGR2GRAY);
    cv::Sobel(grey, dx, CV_32F, 1, 0);
    int longest = 0;
    for (int x = 1; x + 1 < dx.cols; ++x) {
        int run = 0;
        for (int y = firstRow; y < lastRow; ++y) {
            run = std::abs(dx.at<float>(y, x)) > 60.0f ? run + 1 : 0;
            longest = std::max(longest, run);
        }
    }
    return longest;
}

// A fresh empty folder under the system's temporary folder, removed at the end of the test.
class TempFolder {
public:
    explicit TempFolder(const std::string& name) : m_path(fs::temp_directory_path() / ("twinsight_test_" + name)) {
        fs::remove_all(m_path);
        fs::create_directories(m_path);
    }
    ~TempFolder() {
        std::error_code ignored;
        fs::remove_all(m_path, ignored);
    }
    const fs::path& path() const { return m_path; }

private:
    fs::path m_path;
};

TEST(SampleScenes, SameArgumentsGiveIdenticalPixels) {
    for (const cv::Size size : {kSampleSceneSize, cv::Size(64, 64), cv::Size(200, 317)}) {
        const cv::Mat first = renderSampleScene(kSeed, 5, size);
        const cv::Mat second = renderSampleScene(kSeed, 5, size);
        EXPECT_EQ(cv::norm(first, second, cv::NORM_INF), 0.0) << size;
    }
}

TEST(SampleScenes, DifferentIndexOrSeedGivesADifferentScene) {
    const cv::Mat scene = renderSampleScene(kSeed, 0);
    EXPECT_GT(cv::norm(scene, renderSampleScene(kSeed, 1), cv::NORM_L1) / scene.total(), 10.0);
    EXPECT_GT(cv::norm(scene, renderSampleScene(kSeed + 1, 0), cv::NORM_L1) / scene.total(), 10.0);
}

TEST(SampleScenes, OutputIsBgr8OfTheRequestedSize) {
    for (const cv::Size size : {kSampleSceneSize, cv::Size(64, 64), cv::Size(100, 250), cv::Size(640, 480)}) {
        const cv::Mat scene = renderSampleScene(kSeed, 3, size);
        EXPECT_EQ(scene.type(), CV_8UC3);
        EXPECT_EQ(scene.size(), size);
    }
    EXPECT_EQ(renderSampleScene(kSeed, 0).size(), cv::Size(480, 360));
}

TEST(SampleScenes, RejectsSizesBelow64Pixels) {
    EXPECT_THROW(renderSampleScene(kSeed, 0, cv::Size(63, 64)), std::invalid_argument);
    EXPECT_THROW(renderSampleScene(kSeed, 0, cv::Size(64, 63)), std::invalid_argument);
    EXPECT_THROW(renderSampleScene(kSeed, 0, cv::Size(0, 0)), std::invalid_argument);
}

TEST(SampleScenes, SkyIsBrighterAndBluerThanTheGround) {
    int brighter = 0, bluer = 0;
    for (int index = 0; index < kScenes; ++index) {
        const cv::Mat scene = renderSampleScene(kSeed, index);
        const int fifth = scene.rows / 5;
        const cv::Scalar top = cv::mean(scene.rowRange(0, fifth));
        const cv::Scalar bottom = cv::mean(scene.rowRange(scene.rows - fifth, scene.rows));
        brighter += meanLevel(scene.rowRange(0, fifth)) > meanLevel(scene.rowRange(scene.rows - fifth, scene.rows));
        bluer += (top[0] - top[2]) > (bottom[0] - bottom[2]);  // blue minus red, BGR order
    }
    EXPECT_GE(brighter, kScenes - 2);
    EXPECT_GE(bluer, kScenes - 2);
}

TEST(SampleScenes, BlurIsMeasurableOnEveryScene) {
    for (int index = 0; index < kScenes; ++index) {
        const cv::Mat scene = renderSampleScene(kSeed, index);
        EXPECT_GE(laplacianVariance(scene), 3.0 * laplacianVariance(blurred(scene, 3.0))) << "scene " << index;
    }
}

// Training and scoring work on 64-pixel crops: most of them must carry blur information, though not all (a clear
// sky carries none, as in real photos).
TEST(SampleScenes, MostCropsRespondToBlur) {
    constexpr int kCrop = 64;
    double fractionSum = 0.0;
    for (int index = 0; index < kScenes; ++index) {
        const cv::Mat scene = renderSampleScene(kSeed, index), soft = blurred(scene, 2.0);
        int responsive = 0, crops = 0;
        for (int y = 0; y + kCrop <= scene.rows; y += kCrop) {
            for (int x = 0; x + kCrop <= scene.cols; x += kCrop, ++crops) {
                const cv::Rect crop(x, y, kCrop, kCrop);
                responsive += laplacianVariance(scene(crop)) > 2.0 * laplacianVariance(soft(crop));
            }
        }
        fractionSum += static_cast<double>(responsive) / crops;
    }
    EXPECT_GE(fractionSum / kScenes, 0.6);
    EXPECT_LT(fractionSum / kScenes, 0.99);
}

// Noise-based ground texture at several scales: the bottom of the frame keeps fine detail once a sigma-1 blur has
// removed any sensor-like grain (flat colours with a few edges measure about 13 here, textured ground about 40).
TEST(SampleScenes, GroundIsTexturedBeyondGrain) {
    std::vector<double> detail;
    for (int index = 0; index < kScenes; ++index) {
        const cv::Mat scene = renderSampleScene(kSeed, index);
        detail.push_back(laplacianVariance(blurred(scene.rowRange(scene.rows * 4 / 5, scene.rows), 1.0)));
    }
    std::nth_element(detail.begin(), detail.begin() + kScenes / 2, detail.end());
    EXPECT_GE(detail[kScenes / 2], 25.0);  // the median scene
}

// Buildings, trunks and poles: long vertical edges between the top fifth and the lower middle of the frame, which
// noise-like ground texture never makes.
TEST(SampleScenes, MostScenesHaveVerticalStructures) {
    int withStructure = 0;
    for (int index = 0; index < kScenes; ++index) {
        const cv::Mat scene = renderSampleScene(kSeed, index);
        withStructure += longestVerticalEdge(scene, scene.rows / 5, scene.rows * 3 / 5) >= scene.rows / 12;
    }
    EXPECT_GE(withStructure, kScenes * 4 / 5);
}

TEST(SampleScenes, ExposureVariesWithoutClipping) {
    std::vector<double> means;
    for (int index = 0; index < kScenes; ++index) {
        means.push_back(meanLevel(renderSampleScene(kSeed, index)));
        EXPECT_GE(means.back(), 80.0) << "scene " << index;  // room for a brightness shift of -80
        EXPECT_LE(means.back(), 170.0) << "scene " << index;
    }
    cv::Scalar mean, stddev;
    cv::meanStdDev(means, mean, stddev);
    EXPECT_GT(stddev[0], 7.0);  // one fixed exposure target gives about 2; the random targets about 12 to 16
}

TEST(SampleScenes, WritesNumberedReadablePngs) {
    const TempFolder folder("sample_scenes_write");
    const fs::path target = folder.path() / "new" / "scenes";  // missing folders are created
    const std::vector<std::string> paths = writeSampleScenes(target.string(), 3, kSeed);
    ASSERT_EQ(paths.size(), 3u);
    for (int index = 0; index < 3; ++index) {
        const fs::path expected = target / ("scene_00" + std::to_string(index) + ".png");
        EXPECT_EQ(fs::path(paths[index]), expected);
        const cv::Mat read = cv::imread(paths[index], cv::IMREAD_COLOR);
        ASSERT_FALSE(read.empty()) << paths[index];
        EXPECT_EQ(cv::norm(read, renderSampleScene(kSeed, index), cv::NORM_INF), 0.0);  // PNG is lossless
    }
}

TEST(SampleScenes, WriteRejectsCountsBelowOne) {
    const TempFolder folder("sample_scenes_count");
    for (const int count : {0, -2}) {
        try {
            writeSampleScenes(folder.path().string(), count, kSeed);
            ADD_FAILURE() << "no exception for count " << count;
        } catch (const std::invalid_argument& e) {
            EXPECT_NE(std::string(e.what()).find(std::to_string(count)), std::string::npos) << e.what();
        }
    }
    EXPECT_TRUE(fs::is_empty(folder.path()));
}

TEST(SampleScenes, WriteIntoAnUnwritableFolderThrowsNamingThePath) {
    const TempFolder folder("sample_scenes_unwritable");
    const fs::path file = folder.path() / "a_file";
    std::ofstream(file) << "not a folder";
    const std::string target = (file / "scenes").string();  // a folder cannot be made under a regular file
    try {
        writeSampleScenes(target, 2, kSeed);
        FAIL() << "no exception for " << target;
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find(target), std::string::npos) << e.what();
    }
}

}  // namespace
}  // namespace twinsight::core
