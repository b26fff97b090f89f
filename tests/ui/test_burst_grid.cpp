// View > Collapse Bursts: the window groups a folder's bursts, shows the best shot of each (the one the current
// model finds least blurred) with a badge, and everything again once turned off.

#include <gtest/gtest.h>

#include <QAction>
#include <QComboBox>
#include <QPushButton>
#include <QSignalSpy>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "core/base/atomic_file.h"
#include "core/samples/sample_bursts.h"
#include "core/samples/sample_scenes.h"
#include "support/temp_folder.h"
#include "ui/browser/image_browser.h"
#include "ui/browser/image_grid_model.h"
#include "ui/panels/xmp_dialog.h"
#include "ui/window/main_window.h"
#include "ui/workspace/workspace.h"
#include "ui_test_support.h"

namespace twinsight::ui {
namespace {

TEST(BurstGrid, CollapsingShowsTheLeastBlurredShotOfEachBurstAndUncollapsingShowsAll) {
    testing::TempFolder folder;
    // Three bursts of three shots of unlike scenes (the generator's share a layout; real photos do not), named in
    // capture order.
    for (int burst = 0; burst < 3; ++burst) {
        cv::Mat scene = core::renderSampleScene(21, burst);
        if (burst == 1) cv::rotate(core::renderSampleScene(21, burst), scene, cv::ROTATE_90_CLOCKWISE);
        if (burst == 2) cv::bitwise_not(scene, scene);
        const core::SampleBurst made = core::makeSampleBurst(scene, 3, 7 + burst);
        for (int shot = 0; shot < 3; ++shot) {
            cv::imwrite(folder.file("IMG_" + std::to_string(burst) + std::to_string(shot) + ".png"),
                        made.shots[static_cast<std::size_t>(shot)]);
        }
    }
    auto window = testing::openWindowOn(folder.path().string());
    ASSERT_TRUE(window);
    testing::useQuickTraining(*window->trainingPanel());
    QSignalSpy scored(window.get(), &MainWindow::scoresUpdated);
    window->findChild<QPushButton*>("trainButton")->click();
    ASSERT_TRUE(testing::waitFor([&] { return !scored.isEmpty() && !window->workspace()->isTraining(); }, 120000));

    QSignalSpy grouped(window->workspace(), &Workspace::burstsChanged);
    auto* collapse = window->findChild<QAction*>("collapseBurstsAction");
    ASSERT_NE(collapse, nullptr);
    collapse->setChecked(true);
    ASSERT_TRUE(testing::waitFor([&] { return !grouped.isEmpty(); }, 30000));
    EXPECT_EQ(window->workspace()->bursts().count(), 3);
    ImageBrowser* browser = window->browser();
    EXPECT_EQ(browser->visibleCount(), 3);
    const ImageGridModel* grid = browser->model();
    const auto& scores = *window->workspace()->scores();
    for (int burst = 0; burst < 3; ++burst) {
        // The best is the shot with the lowest blur estimate among the burst's three.
        int bestRow = -1;
        double lowest = 1e9;
        for (int shot = 0; shot < 3; ++shot) {
            const QString path = QString::fromStdString(folder.file("IMG_" + std::to_string(burst) +
                                                                    std::to_string(shot) + ".png"));
            const int row = grid->rowOf(path);
            ASSERT_GE(row, 0);
            EXPECT_EQ(grid->index(row).data(ImageGridModel::BurstSizeRole).toInt(), 3);
            const double estimate = (*window->workspace()->estimatesOf(path))[0].estimate;
            if (estimate < lowest) {
                lowest = estimate;
                bestRow = row;
            }
        }
        EXPECT_TRUE(grid->index(bestRow).data(ImageGridModel::BestInBurstRole).toBool()) << burst;
    }
    EXPECT_EQ(scores.scores.paths.size(), 9U);

    // File > Write XMP Sidecars then offers a label for the best of each burst, and every sidecar gets its group.
    XmpDialog* dialog = window->openSidecarDialog();
    ASSERT_NE(dialog, nullptr);
    auto* bestLabel = dialog->findChild<QComboBox*>("xmpBestLabel");
    ASSERT_NE(bestLabel, nullptr);
    bestLabel->setCurrentIndex(bestLabel->findData(QStringLiteral("Green")));
    QSignalSpy written(dialog, &XmpDialog::writeFinished);
    dialog->write();
    ASSERT_TRUE(written.wait(30000));
    for (int row = 0; row < grid->rowCount(); ++row) {
        const QModelIndex index = grid->index(row);
        const std::string sidecar =
            core::readWholeFile(index.data(ImageGridModel::PathRole).toString().toStdString() + ".xmp");
        EXPECT_NE(sidecar.find("<twinsight:BurstGroup>"), std::string::npos) << sidecar;
        const bool labelled = sidecar.find("<xmp:Label>Green</xmp:Label>") != std::string::npos;
        const bool flagged = index.data(ImageGridModel::FlaggedRole).toBool();
        EXPECT_EQ(labelled, index.data(ImageGridModel::BestInBurstRole).toBool() && !flagged) << row;
    }
    dialog->close();

    collapse->setChecked(false);
    EXPECT_EQ(browser->visibleCount(), 9);
    EXPECT_TRUE(testing::waitFor([&] { return window->workspace()->bursts().places().isEmpty(); }, 5000));
    EXPECT_EQ(grid->index(0).data(ImageGridModel::BurstSizeRole).toInt(), 0) << "badges go with the grouping";
}

}  // namespace
}  // namespace twinsight::ui
