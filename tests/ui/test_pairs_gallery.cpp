// The pairs gallery: wrong verdicts first, the wrong-only filter, a pair shown large with its magnitudes and scores,
// and the accuracy-by-difference bars of the held-out study.

#include <gtest/gtest.h>

#include <QCheckBox>

#include "ui/panels/pairs_gallery.h"

namespace twinsight::ui {
namespace {

PairView pairOf(double firstMagnitude, double secondMagnitude, double firstScore, double secondScore) {
    PairView pair;
    pair.first = QImage(64, 64, QImage::Format_RGB888);
    pair.second = QImage(64, 64, QImage::Format_RGB888);
    pair.first.fill(Qt::gray);
    pair.second.fill(Qt::darkGray);
    pair.firstMagnitude = firstMagnitude;
    pair.secondMagnitude = secondMagnitude;
    pair.firstMoreDegraded = firstMagnitude > secondMagnitude;
    pair.firstScore = firstScore;
    pair.secondScore = secondScore;
    pair.correct = (firstScore > secondScore) == pair.firstMoreDegraded;
    return pair;
}

TEST(PairsGallery, ListsTheMostWronglyJudgedFirstAndFiltersToTheWrongOnes) {
    PairsGallery gallery;
    gallery.reset("px", "more degraded");
    gallery.addPairs({pairOf(1.0, 2.0, 0.1, 0.9), pairOf(1.0, 1.2, 0.6, 0.5)}, 100);  // right; wrong by 0.1
    gallery.addPairs({pairOf(3.0, 0.5, 0.2, 0.9), pairOf(0.5, 4.0, 0.1, 0.3)}, 200);  // wrong by 0.7; right
    ASSERT_EQ(gallery.pairCount(), 4);
    EXPECT_EQ(gallery.wrongCount(), 2);
    QVector<PairView> listed = gallery.listed();
    ASSERT_EQ(listed.size(), 4);
    EXPECT_DOUBLE_EQ(listed[0].firstMagnitude, 3.0) << "the most confident wrong verdict first";
    EXPECT_DOUBLE_EQ(listed[1].secondMagnitude, 1.2);
    EXPECT_TRUE(listed[2].correct && listed[3].correct);
    EXPECT_DOUBLE_EQ(listed[3].secondMagnitude, 2.0) << "the surest right verdict last";

    gallery.findChild<QCheckBox*>("wrongOnlyCheck")->setChecked(true);
    listed = gallery.listed();
    ASSERT_EQ(listed.size(), 2);
    for (const PairView& pair : listed) EXPECT_FALSE(pair.correct);

    gallery.showPair(0);
    const QString detail = gallery.detailText();
    EXPECT_TRUE(detail.contains("3.00 px") && detail.contains("0.50 px")) << detail.toStdString();
    EXPECT_TRUE(detail.contains("wrong") && detail.contains("Step 200")) << detail.toStdString();

    gallery.reset("px", "more degraded");
    EXPECT_EQ(gallery.pairCount(), 0);
}

TEST(PairsGallery, ShowsTheHeldOutAccuracyForEachMagnitudeDifference) {
    PairsGallery gallery;
    gallery.reset("px", "more degraded");
    core::CorrelationStudy study;
    for (int image = 0; image < 2; ++image) {
        for (int level = 0; level < 4; ++level) study.rows.push_back({image, level * 1.0, double(level)});
    }
    gallery.setStudy(study);
    EXPECT_EQ(gallery.differenceBars(), 3);  // differences 1, 2 and 3
}

}  // namespace
}  // namespace twinsight::ui
