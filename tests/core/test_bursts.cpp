// Bursts: looks, grouping by look and capture time, the best of each group, capture times from EXIF.
#include <gtest/gtest.h>

#include <exiv2/exiv2.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "core/imageio/capture_time.h"
#include "core/samples/sample_bursts.h"
#include "core/samples/sample_scenes.h"
#include "core/scoring/bursts.h"
#include "support/temp_folder.h"

namespace twinsight::core {
namespace {

// Scene `index`, made unlike the others: the generator's scenes share a layout (sky over ground), which real photos
// of different subjects do not; each is turned or recoloured its own way.
cv::Mat distinctScene(int index) {
    cv::Mat scene = renderSampleScene(11, index);
    switch (index % 5) {
        case 1:
            cv::flip(scene, scene, 0);
            break;  // upside down
        case 2:
            cv::bitwise_not(scene, scene);
            break;  // negative
        case 3:
            cv::rotate(scene, scene, cv::ROTATE_90_CLOCKWISE);
            cv::resize(scene, scene, kSampleSceneSize);
            break;  // on its side
        case 4:
            cv::cvtColor(scene, scene, cv::COLOR_BGR2RGB);
            cv::flip(scene, scene, 1);
            break;
        default:
            break;
    }
    return scene;
}

// Five bursts of 2 to 5 shots of five different scenes, in capture order, with the truth.
struct GeneratedBursts {
    std::vector<BurstShot> shots;
    std::vector<int> truth;
    std::vector<double> sigmas;
    std::vector<int> sharpest;  // per burst, index into shots
};

GeneratedBursts generatedBursts(bool withTimes) {
    GeneratedBursts made;
    double time = 1000.0;
    for (int scene = 0; scene < 5; ++scene) {
        const SampleBurst burst = makeSampleBurst(distinctScene(scene), 2 + scene % 4, 100 + scene);
        made.sharpest.push_back(static_cast<int>(made.shots.size()) + burst.sharpest);
        for (std::size_t s = 0; s < burst.shots.size(); ++s) {
            BurstShot shot{"scene" + std::to_string(scene) + "_" + std::to_string(s), std::nullopt,
                           burstLook(burst.shots[s])};
            if (withTimes) shot.time = time;
            time += 0.4;
            made.shots.push_back(shot);
            made.truth.push_back(scene);
            made.sigmas.push_back(burst.blurSigmas[s]);
        }
        time += 30.0;
    }
    return made;
}

TEST(SampleBursts, OneShotIsSharpAndTheOthersAreBlurredByDistinctAmounts) {
    const SampleBurst burst = makeSampleBurst(renderSampleScene(3, 0), 5, 42);
    ASSERT_EQ(burst.shots.size(), 5U);
    EXPECT_EQ(burst.blurSigmas[static_cast<std::size_t>(burst.sharpest)], 0.0);
    std::set<double> distinct(burst.blurSigmas.begin(), burst.blurSigmas.end());
    EXPECT_EQ(distinct.size(), 5U);
    for (const cv::Mat& shot : burst.shots) EXPECT_EQ(shot.size(), burst.shots.front().size());
    const SampleBurst again = makeSampleBurst(renderSampleScene(3, 0), 5, 42);
    EXPECT_EQ(cv::norm(again.shots[2], burst.shots[2], cv::NORM_INF), 0.0) << "the same seed, the same burst";
    EXPECT_THROW(makeSampleBurst(renderSampleScene(3, 0), 7, 1), std::invalid_argument);
}

TEST(Bursts, LooksOfOneSceneAreAlikeAndOfAnotherNot) {
    const cv::Mat scene = distinctScene(0);
    const cv::Mat other = distinctScene(1);
    cv::Mat blurred;
    cv::GaussianBlur(scene, blurred, cv::Size(0, 0), 3.0);
    EXPECT_NEAR(lookSimilarity(burstLook(scene), burstLook(scene)), 1.0, 1e-9);
    EXPECT_GT(lookSimilarity(burstLook(scene), burstLook(blurred)), 0.95) << "blur changes a look little";
    EXPECT_LT(lookSimilarity(burstLook(scene), burstLook(other)), BurstOptions().minSimilarity);
    const cv::Mat grey(100, 100, CV_8UC3, cv::Scalar::all(128)), dark(100, 100, CV_8UC3, cv::Scalar::all(20));
    EXPECT_EQ(lookSimilarity(burstLook(grey), burstLook(grey)), 1.0);
    EXPECT_EQ(lookSimilarity(burstLook(grey), burstLook(dark)), 0.0) << "two flat frames differ by their level";
}

TEST(Bursts, GeneratedBurstsAreGroupedExactlyWithAndWithoutCaptureTimes) {
    for (const bool withTimes : {false, true}) {
        const GeneratedBursts made = generatedBursts(withTimes);
        EXPECT_EQ(groupBursts(made.shots), made.truth) << (withTimes ? "with times" : "looks only");
    }
}

TEST(Bursts, ATimeGapSplitsLookalikesAndShuffledFilesAreOrderedByTime) {
    GeneratedBursts made = generatedBursts(true);
    // The first burst's last shot taken a minute later: a new group, however alike it looks.
    const std::size_t last = 1;
    ASSERT_EQ(made.truth[last], 0);
    made.shots[last].time = *made.shots[last].time + 60.0;
    for (std::size_t later = last + 1; later < made.shots.size(); ++later) *made.shots[later].time += 120.0;
    const std::vector<int> split = groupBursts(made.shots);
    EXPECT_NE(split[0], split[last]);
    // Names in another order than the times: the times decide.
    GeneratedBursts shuffled = generatedBursts(true);
    std::reverse(shuffled.shots.begin(), shuffled.shots.end());
    std::reverse(shuffled.truth.begin(), shuffled.truth.end());
    const std::vector<int> groups = groupBursts(shuffled.shots);
    for (std::size_t i = 0; i < groups.size(); ++i) EXPECT_EQ(groups[i], shuffled.truth[i]) << i;
}

TEST(Bursts, TheBestOfEachGroupIsTheLeastDegraded) {
    const GeneratedBursts made = generatedBursts(false);
    const std::vector<bool> best = bestOfGroups(groupBursts(made.shots), made.sigmas);
    for (std::size_t i = 0; i < best.size(); ++i) {
        const bool sharpest = std::find(made.sharpest.begin(), made.sharpest.end(), int(i)) != made.sharpest.end();
        EXPECT_EQ(best[i], sharpest) << i;
    }
    EXPECT_EQ(bestOfGroups({0, 0, 1}, {0.5, 0.5, 2.0}), (std::vector<bool>{true, false, false}))
        << "ties: the first; a shot on its own is no burst's best";
}

TEST(Bursts, ScoredImagesOfASignedRangeKeepTheShotNearestZero) {
    MultiModelScores scores;
    scores.paths = {"a.png", "b.png", "c.png"};
    const cv::Mat look = burstLook(renderSampleScene(11, 2));
    scores.looks = {look, look, look};
    scores.estimates = {
        {ImageEstimate{0.0, -8.0, true}}, {ImageEstimate{0.0, 2.0, true}}, {ImageEstimate{0.0, 5.0, true}}};
    const BurstGroups rotation = groupScoredImages(scores, 0, Range{-30.0, 30.0});
    EXPECT_EQ(rotation.count(), 1);
    EXPECT_EQ(rotation.best, (std::vector<bool>{false, true, false}));
    const BurstGroups blur = groupScoredImages(scores, 0, Range{0.0, 4.0});
    EXPECT_EQ(blur.best, (std::vector<bool>{true, false, false}));
    EXPECT_THROW(groupScoredImages(scores, 1, Range{0.0, 4.0}), std::invalid_argument);
}

TEST(CaptureTime, ExifDatesAreParsedToSecondsWithTheirFraction) {
    const auto first = parseExifDateTime("2024:05:17 14:03:22", "25");
    const auto second = parseExifDateTime("2024:05:17 14:03:23", "5");
    ASSERT_TRUE(first && second);
    EXPECT_NEAR(*second - *first, 1.25, 1e-6);
    EXPECT_NEAR(*parseExifDateTime("2024:03:01 00:00:00") - *parseExifDateTime("2024:02:28 00:00:00"), 2 * 86400.0,
                1e-6)
        << "2024 is a leap year";
    EXPECT_FALSE(parseExifDateTime("0000:00:00 00:00:00"));
    EXPECT_FALSE(parseExifDateTime("2024-05-17 14:03:22"));
    EXPECT_FALSE(parseExifDateTime(""));
}

TEST(CaptureTime, IsReadFromAJpegsExifAndIsNoneWithoutIt) {
    testing::TempFolder folder;
    const std::string jpeg = folder.file("IMG_0001.JPG");
    cv::imwrite(jpeg, renderSampleScene(1, 0));
    EXPECT_FALSE(captureTime(jpeg).has_value());
    {
        auto image = Exiv2::ImageFactory::open(jpeg);
        image->readMetadata();
        Exiv2::ExifData exif = image->exifData();
        exif["Exif.Photo.DateTimeOriginal"] = "2024:05:17 14:03:22";
        exif["Exif.Photo.SubSecTimeOriginal"] = "50";
        image->setExifData(exif);
        image->writeMetadata();
    }
    ASSERT_TRUE(captureTime(jpeg).has_value());
    EXPECT_NEAR(*captureTime(jpeg), *parseExifDateTime("2024:05:17 14:03:22", "5"), 1e-6);
    EXPECT_FALSE(captureTime(folder.file("missing.jpg")).has_value());
    EXPECT_FALSE(captureTime(jpeg + "#2").has_value());
}

}  // namespace
}  // namespace twinsight::core
