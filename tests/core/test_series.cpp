// Series: which series an image belongs to, the ranking worst first, images without detail, and the table's CSV.
#include "core/scoring/series.h"

#include <gtest/gtest.h>

#include <fstream>
#include <opencv2/imgproc.hpp>

#include "core/evaluation/focus_map.h"
#include "core/scoring/reports.h"
#include "core/sidecars/sidecar_plan.h"
#include "support/nifti_writer.h"
#include "support/temp_folder.h"

namespace twinsight::core {
namespace {

using testing::TempFolder;

ImageEstimate estimateOf(double value) {
    ImageEstimate estimate;
    estimate.estimate = value;
    return estimate;
}

TEST(Series, AnImagesSeriesIsItsVolumeOrMultiFrameFileElseItsFolder) {
    TempFolder folder;
    testing::writeNifti(folder.file("brain.nii"), testing::NiftiSpec{});
    std::ofstream(folder.file("ct.dcm")) << "x";
    EXPECT_EQ(seriesOf(folder.file("brain.nii") + "#z:3"), folder.file("brain.nii"));
    EXPECT_EQ(seriesOf(folder.file("ct.dcm") + "#2"), folder.file("ct.dcm"));
    EXPECT_EQ(seriesOf(folder.file("IM0001")), folder.path().string());
    EXPECT_EQ(seriesOf("photo.jpg"), ".");
}

TEST(Series, RankedWorstFirstWithTheirMediansFlagsAndWorstImages) {
    MultiModelScores scores;
    scores.paths = {"/a/1.png", "/a/2.png", "/a/3.png", "/b/1.png", "/b/2.png"};
    for (double value : {0.5, 3.0, 1.0, 0.2, 0.4}) scores.estimates.push_back({estimateOf(value)});
    const std::vector<SeriesSummary> series = summariseSeries(scores, 0, {0.0, 5.0}, {"/a/2.png", "/b/2.png"});
    ASSERT_EQ(series.size(), 2u);
    EXPECT_EQ(series[0].series, "/a");
    EXPECT_EQ(series[0].images, 3);
    EXPECT_DOUBLE_EQ(series[0].medianEstimate, 1.0);
    EXPECT_DOUBLE_EQ(series[0].worstEstimate, 3.0);
    EXPECT_EQ(series[0].worstImage, "/a/2.png");
    EXPECT_EQ(series[0].flagged, 1);
    EXPECT_EQ(series[1].worstImage, "/b/2.png");
    EXPECT_EQ(seriesCsv(series), "series,n_images,median_estimate,worst_estimate,worst_image,n_flagged\n"
                                 "/a,3,1,3,/a/2.png,1\n/b,2,0.3,0.4,/b/2.png,1\n");

    // A signed range: the farthest from 0 is the worst, darker or brighter.
    MultiModelScores signedScores;
    signedScores.paths = {"/c/1.png", "/c/2.png", "/d/1.png"};
    for (double value : {-40.0, 10.0, 25.0}) signedScores.estimates.push_back({estimateOf(value)});
    const std::vector<SeriesSummary> signedSeries = summariseSeries(signedScores, 0, {-80.0, 80.0}, {});
    EXPECT_EQ(signedSeries[0].series, "/c");
    EXPECT_DOUBLE_EQ(signedSeries[0].worstEstimate, -40.0);
}

TEST(Series, ImagesWithoutDetailAreNeverFlaggedNorTheWorst) {
    const cv::Mat black(64, 64, CV_8UC3, cv::Scalar::all(0));
    cv::Mat ring = black.clone();
    cv::circle(ring, {40, 40}, 10, cv::Scalar::all(255), 2);
    EXPECT_TRUE(hasNoDetail(black));
    EXPECT_FALSE(hasNoDetail(ring)) << "a small structure in one corner is detail";

    MultiModelScores scores;
    scores.paths = {"/v.nii#z:1", "/v.nii#z:2", "/v.nii#z:3"};
    for (double value : {4.5, 1.0, 0.5}) scores.estimates.push_back({estimateOf(value)});
    scores.noDetail = {true, false, false};
    ModelMetadata blur;
    blur.transform = "blur";
    blur.range = {0.0, 5.0};
    const std::set<std::string> flagged = flaggedByRules({blur}, scores, {{"blur", true, 0.8}});
    EXPECT_EQ(flagged, (std::set<std::string>{"/v.nii#z:2"}));
    const std::vector<SeriesSummary> series = summariseSeries(scores, 0, blur.range, flagged);
    ASSERT_EQ(series.size(), 1u);
    EXPECT_EQ(series[0].worstImage, "/v.nii#z:2");
    EXPECT_DOUBLE_EQ(series[0].medianEstimate, 0.75) << "over the slices with detail";
    EXPECT_EQ(series[0].images, 3);
}

}  // namespace
}  // namespace twinsight::core
