// The review viewer: keys move through the flagged images and decide, undo restores, decisions reach the sidecars
// only when written (and closing with unwritten ones asks first), 100% zoom and panning stay inside the image, and
// the focus map replaces the image on M.

#include <gtest/gtest.h>

#include <QAbstractButton>
#include <QMessageBox>
#include <QSignalSpy>
#include <QTest>
#include <exiv2/xmp_exiv2.hpp>
#include <filesystem>
#include <memory>
#include <opencv2/imgcodecs.hpp>

#include "core/base/atomic_file.h"
#include "core/model/trained_model.h"
#include "support/temp_folder.h"
#include "ui/review/review_queue.h"
#include "ui/review/review_viewer.h"
#include "ui/review/zoom_view.h"
#include "ui_test_support.h"

namespace twinsight::ui {
namespace {
namespace fs = std::filesystem;
using core::ReviewDecision;

TEST(ReviewQueue, DecidingMovesOnAndUndoRestoresTheEarlierVerdict) {
    ReviewQueue queue({"a.jpg", "b.jpg", "c.jpg"}, 1);
    EXPECT_EQ(queue.currentPath(), "b.jpg");
    queue.decide(ReviewDecision::Reject);
    EXPECT_EQ(queue.currentPath(), "c.jpg");
    queue.decide(ReviewDecision::Keep);
    EXPECT_EQ(queue.currentPath(), "c.jpg") << "the last image stays current";
    queue.decide(ReviewDecision::Reject);  // changed its mind on c
    EXPECT_EQ(queue.count(ReviewDecision::Reject), 2);
    ASSERT_TRUE(queue.undo());
    EXPECT_EQ(queue.decisionOf(2), ReviewDecision::Keep) << "undo gives back the earlier verdict, not none";
    ASSERT_TRUE(queue.undo());
    EXPECT_FALSE(queue.decisionOf(2).has_value());
    ASSERT_TRUE(queue.undo());
    EXPECT_EQ(queue.currentPath(), "b.jpg") << "the image whose decision was undone becomes current";
    EXPECT_FALSE(queue.decisionOf(1).has_value());
    EXPECT_FALSE(queue.undo());
    EXPECT_FALSE(queue.move(-5) && queue.current() != 0);
    EXPECT_EQ(queue.current(), 0);
}

TEST(ReviewQueue, WritingCoversTheDecisionsAsTheyStoodThen) {
    ReviewQueue queue({"a.jpg", "b.jpg"});
    EXPECT_FALSE(queue.hasUnwritten());
    queue.decide(ReviewDecision::Reject);
    const int written = queue.revision();
    queue.decide(ReviewDecision::Keep);  // made while the first write was running
    queue.markWritten(written);
    EXPECT_TRUE(queue.hasUnwritten());
    queue.markWritten(queue.revision());
    EXPECT_FALSE(queue.hasUnwritten());
    queue.undo();
    EXPECT_TRUE(queue.hasUnwritten()) << "an undo changes what the sidecars should say";
}

std::map<std::string, std::string> sidecarProperties(const std::string& path) {
    Exiv2::XmpData data;
    EXPECT_EQ(Exiv2::XmpParser::decode(data, core::readWholeFile(path)), 0);
    std::map<std::string, std::string> result;
    for (const Exiv2::Xmpdatum& datum : data) result[datum.key()] = datum.toString();
    return result;
}

class ReviewViewerTest : public ::testing::Test {
protected:
    void SetUp() override {
        for (int i = 0; i < 4; ++i) {
            // Large enough that 100% is not the fitted size: 1600 x 1200.
            cv::Mat image(1200, 1600, CV_8UC3, cv::Scalar(40 * i, 90, 160));
            const std::string path = m_images.file("shot_" + std::to_string(i) + ".png");
            cv::imwrite(path, image);
            m_paths << QString::fromStdString(path);
        }
    }

    ReviewViewer* open(int start = 0, std::shared_ptr<const core::TrainedModel> model = nullptr) {
        ReviewSource source;
        source.paths = m_paths;
        source.start = start;
        source.describe = [](const QString&) { return QStringLiteral("blur 2.50 px"); };
        source.focusModel = std::move(model);
        auto* viewer = new ReviewViewer(std::move(source));
        viewer->resize(900, 700);
        viewer->show();
        viewer->activateWindow();
        EXPECT_TRUE(QTest::qWaitForWindowActive(viewer));
        return viewer;
    }

    static bool shows(ReviewViewer* viewer, int index) {
        return testing::waitFor([&] { return viewer->queue().current() == index && !viewer->view()->image().isNull(); },
                                20000);
    }

    testing::TempFolder m_images;
    QStringList m_paths;
};

TEST_F(ReviewViewerTest, KeysMoveDecideAndUndoAndTheDecisionsReachTheSidecarsOnlyWhenWritten) {
    QPointer<ReviewViewer> viewer = open(1);
    ASSERT_TRUE(shows(viewer, 1));
    EXPECT_EQ(viewer->view()->image().width(), 1600) << "the viewer decodes at full resolution, for 100%";
    EXPECT_TRUE(viewer->caption().contains("2 of 4")) << viewer->caption().toStdString();
    EXPECT_TRUE(viewer->caption().contains("blur 2.50 px"));
    QTest::keyClick(viewer, Qt::Key_Left);
    ASSERT_TRUE(shows(viewer, 0));
    QTest::keyClick(viewer, Qt::Key_X);  // reject shot_0, on to shot_1
    ASSERT_TRUE(shows(viewer, 1));
    QTest::keyClick(viewer, Qt::Key_P);  // keep shot_1
    QTest::keyClick(viewer, Qt::Key_X);  // reject shot_2
    ASSERT_TRUE(shows(viewer, 3));
    QTest::keyClick(viewer, Qt::Key_Z, Qt::ControlModifier);  // undo: shot_2 undecided and current again
    ASSERT_TRUE(shows(viewer, 2));
    EXPECT_FALSE(viewer->queue().decisionOf(2).has_value());
    EXPECT_TRUE(viewer->caption().contains("undecided")) << viewer->caption().toStdString();
    EXPECT_EQ(viewer->queue().decisionOf(0), ReviewDecision::Reject);
    EXPECT_EQ(viewer->queue().decisionOf(1), ReviewDecision::Keep);
    for (const QString& path : m_paths) EXPECT_FALSE(fs::exists(path.toStdString() + ".xmp")) << "nothing written yet";

    QSignalSpy written(viewer.data(), &ReviewViewer::decisionsWritten);
    QTest::keyClick(viewer, Qt::Key_S, Qt::ControlModifier);
    ASSERT_TRUE(testing::waitFor([&] { return !written.isEmpty(); }, 20000));
    EXPECT_TRUE(written.first().at(0).toString().contains("Wrote 2 sidecars"))
        << written.first().at(0).toString().toStdString();
    const auto rejected = sidecarProperties(m_paths[0].toStdString() + ".xmp");
    EXPECT_EQ(rejected.at("Xmp.xmp.Rating"), "-1");
    EXPECT_EQ(rejected.at("Xmp.digiKam.PickLabel"), "1");
    EXPECT_EQ(sidecarProperties(m_paths[1].toStdString() + ".xmp").at("Xmp.digiKam.PickLabel"), "3");
    EXPECT_FALSE(fs::exists(m_paths[2].toStdString() + ".xmp"));
    EXPECT_FALSE(viewer->queue().hasUnwritten());
    QTest::keyClick(viewer, Qt::Key_Escape);  // all written: closes without asking
    EXPECT_TRUE(testing::waitFor([&] { return viewer.isNull() || !viewer->isVisible(); }, 5000));
}

TEST_F(ReviewViewerTest, ClosingWithUnwrittenDecisionsAsksAndCanWriteThemFirst) {
    QPointer<ReviewViewer> viewer = open();
    ASSERT_TRUE(shows(viewer, 0));
    QTest::keyClick(viewer, Qt::Key_X);
    viewer->close();
    auto* question = viewer->findChild<QMessageBox*>("reviewUnwritten");
    ASSERT_NE(question, nullptr);
    EXPECT_TRUE(viewer->isVisible());
    question->button(QMessageBox::Cancel)->click();
    EXPECT_TRUE(testing::waitFor([&] { return !viewer->findChild<QMessageBox*>("reviewUnwritten"); }, 5000));
    EXPECT_TRUE(viewer->isVisible());
    viewer->close();
    question = viewer->findChild<QMessageBox*>("reviewUnwritten");
    ASSERT_NE(question, nullptr);
    question->button(QMessageBox::Save)->click();  // Write and Close
    ASSERT_TRUE(testing::waitFor([&] { return viewer.isNull() || !viewer->isVisible(); }, 20000));
    EXPECT_EQ(sidecarProperties(m_paths[0].toStdString() + ".xmp").at("Xmp.xmp.Rating"), "-1");
}

TEST_F(ReviewViewerTest, HundredPercentShowsImagePixelsAndPanningStaysInsideTheImage) {
    QPointer<ReviewViewer> viewer = open();
    ASSERT_TRUE(shows(viewer, 0));
    ZoomView* view = viewer->view();
    EXPECT_TRUE(view->isFitted());
    EXPECT_LT(view->scale(), 1.0);
    QTest::keyClick(viewer, Qt::Key_Z);
    EXPECT_FALSE(view->isFitted());
    EXPECT_DOUBLE_EQ(view->scale() * view->devicePixelRatioF(), 1.0);
    EXPECT_TRUE(viewer->caption().contains("100%")) << viewer->caption().toStdString();
    for (int i = 0; i < 20; ++i) QTest::keyClick(viewer, Qt::Key_Right, Qt::ShiftModifier);  // pan right, far
    const double halfWidth = view->width() / (2.0 * view->scale());
    EXPECT_DOUBLE_EQ(view->centre().x(), 1600 - halfWidth) << "the view stops at the image's right edge";
    // The zoom is kept on the next image, on the same spot.
    QTest::keyClick(viewer, Qt::Key_Right);
    ASSERT_TRUE(shows(viewer, 1));
    EXPECT_FALSE(view->isFitted());
    EXPECT_DOUBLE_EQ(view->centre().x(), 1600 - halfWidth);
    QTest::keyClick(viewer, Qt::Key_Z);
    EXPECT_TRUE(view->isFitted());
    viewer->close();
}

TEST_F(ReviewViewerTest, MShowsTheFocusMapOfTheModel) {
    testing::TempFolder training;
    testing::writeScenes(training.path().string(), 8, 3);
    const std::string modelPath = training.file("blur.pt");
    testing::trainModelFile(testing::quickConfig("blur", 10), training.path().string(), modelPath);
    auto model = std::make_shared<const core::TrainedModel>(core::TrainedModel::load(modelPath, "cpu"));
    QPointer<ReviewViewer> viewer = open(0, model);
    ASSERT_TRUE(shows(viewer, 0));
    QSignalSpy shown(viewer.data(), &ReviewViewer::imageShown);
    QTest::keyClick(viewer, Qt::Key_M);
    ASSERT_TRUE(testing::waitFor([&] { return !shown.isEmpty(); }, 20000));
    EXPECT_TRUE(viewer->focusMapShown());
    // The map is drawn at the model's working size (128 px shorter side), over the image.
    EXPECT_EQ(viewer->view()->image().height(), 128);
    EXPECT_TRUE(viewer->caption().contains("focus map"));
    QTest::keyClick(viewer, Qt::Key_M);
    ASSERT_TRUE(testing::waitFor([&] { return viewer->view()->image().height() == 1200; }, 20000));
    viewer->close();
}

}  // namespace
}  // namespace twinsight::ui
