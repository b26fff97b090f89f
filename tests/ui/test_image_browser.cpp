// The image grid: background thumbnails, skipped files with reasons, counts, sorting and flags.

#include <gtest/gtest.h>

#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QSignalSpy>
#include <QToolButton>
#include <filesystem>
#include <fstream>

#include "core/imageio/image_loading.h"
#include "support/nifti_writer.h"
#include "support/temp_folder.h"
#include "ui/browser/image_browser.h"
#include "ui/browser/image_grid_model.h"
#include "ui_test_support.h"

namespace twinsight::ui {
namespace {

// The images of `folder` as the workspace's scan lists them.
QStringList imagesOf(const testing::TempFolder& folder) {
    QStringList paths;
    for (const std::string& path : core::listImageFiles(folder.path().string())) paths << QString::fromStdString(path);
    return paths;
}

void showFolder(ImageBrowser& browser, const testing::TempFolder& folder) {
    browser.showFolder(QString::fromStdString(folder.path().string()), imagesOf(folder));
}

TEST(ImageBrowser, ADamagedVolumeIsOneSkippedFileWithItsSliceCount) {
    testing::TempFolder folder;
    testing::writeScenes(folder.path().string(), 3, /*seed=*/4);
    testing::NiftiSpec spec;
    spec.size = {32, 32, 6, 1};
    const std::string volume = folder.file("cut.nii.gz");
    testing::writeNifti(volume, spec);
    std::filesystem::resize_file(volume, std::filesystem::file_size(volume) / 2);
    ImageBrowser browser;
    QSignalSpy finished(&browser, &ImageBrowser::thumbnailsFinished);
    showFolder(browser, folder);
    EXPECT_EQ(browser.paths().size(), 3 + 6);
    ASSERT_TRUE(finished.count() > 0 || finished.wait(20000));
    EXPECT_EQ(browser.skippedCount(), 6) << "every slice is an image that could not be decoded";
    auto* skipped = browser.findChild<QListWidget*>("skippedList");
    ASSERT_EQ(skipped->count(), 1);
    EXPECT_TRUE(skipped->item(0)->text().endsWith("(6 slices)")) << skipped->item(0)->text().toStdString();
    EXPECT_EQ(browser.findChild<QToolButton*>("skippedToggle")->text(), QStringLiteral("1 file skipped"));
    EXPECT_TRUE(browser.findChild<QLabel*>("imageCount")->text().startsWith("3 images"));
}

TEST(ImageBrowser, FillsThumbnailsInTheBackgroundAndListsSkippedFiles) {
    testing::TempFolder folder;
    testing::writeScenes(folder.path().string(), 12, /*seed=*/3);
    std::ofstream(folder.file("broken.jpg")) << "not a jpeg";
    std::ofstream(folder.file("empty.png"));
    ImageBrowser browser;
    QSignalSpy finished(&browser, &ImageBrowser::thumbnailsFinished);
    showFolder(browser, folder);
    EXPECT_EQ(browser.paths().size(), 14);
    ASSERT_TRUE(finished.count() > 0 || finished.wait(20000));
    EXPECT_EQ(browser.model()->thumbnailsDone(), 14);
    EXPECT_EQ(browser.skippedCount(), 2);
    EXPECT_TRUE(browser.findChild<QLabel*>("imageCount")->text().startsWith("12 images"))
        << browser.findChild<QLabel*>("imageCount")->text().toStdString();
    const int row = browser.model()->rowOf(QString::fromStdString(folder.file("scene_000.png")));
    ASSERT_GE(row, 0);
    EXPECT_FALSE(browser.model()->index(row).data(Qt::DecorationRole).value<QImage>().isNull());
    EXPECT_FALSE(browser.selectedPath().isEmpty());  // the first image is selected, so the large view shows it
    // The skipped list opens and closes under its disclosure toggle, its arrow following.
    browser.show();
    auto* toggle = browser.findChild<QToolButton*>("skippedToggle");
    auto* skipped = browser.findChild<QListWidget*>("skippedList");
    ASSERT_TRUE(toggle && skipped);
    EXPECT_FALSE(skipped->isVisible());
    EXPECT_EQ(toggle->arrowType(), Qt::RightArrow);
    toggle->click();
    EXPECT_TRUE(skipped->isVisible());
    EXPECT_EQ(skipped->count(), 2);
    EXPECT_EQ(toggle->arrowType(), Qt::DownArrow);
    toggle->click();
    EXPECT_FALSE(skipped->isVisible());
    EXPECT_EQ(toggle->arrowType(), Qt::RightArrow);
}

TEST(ImageBrowser, SortsByScoreAndShowsScoresAndFlags) {
    testing::TempFolder folder;
    testing::writeScenes(folder.path().string(), 4, /*seed=*/3);
    ImageBrowser browser;
    showFolder(browser, folder);
    QHash<QString, std::vector<core::ImageEstimate>> estimates;
    const QStringList paths = browser.paths();
    for (int i = 0; i < paths.size(); ++i) estimates.insert(paths[i], {{double((i * 7) % 4), 0.5 * i, true}});
    browser.setModelEstimates({{"blur", "px"}}, estimates, 0);
    browser.setFlagged({{paths[1], {0}}});
    browser.setSortOrder(ImageBrowser::SortOrder::ScoreDescending);
    auto* grid = browser.findChild<QListView*>("imageGrid");
    const QAbstractItemModel* view = grid->model();
    double previous = 1e9;
    for (int row = 0; row < view->rowCount(); ++row) {
        const double score = view->index(row, 0).data(ImageGridModel::ScoreRole).toDouble();
        EXPECT_LE(score, previous);
        previous = score;
        EXPECT_FALSE(view->index(row, 0).data(ImageGridModel::CaptionRole).toString().isEmpty());
        const bool flagged = view->index(row, 0).data(ImageGridModel::PathRole).toString() == paths[1];
        if (flagged) {  // two decimals, as thresholds are typed: 0.5 px reads 0.50
            EXPECT_EQ(view->index(row, 0).data(ImageGridModel::CaptionRole).toString(), "3.00 · 0.50 px");
        }
        EXPECT_EQ(view->index(row, 0).data(ImageGridModel::FlaggedRole).toBool(), flagged);
        EXPECT_EQ(view->index(row, 0).data(ImageGridModel::FlaggingLinesRole).value<QList<int>>(),
                  flagged ? QList<int>{0} : QList<int>{});
    }
    browser.setSortOrder(ImageBrowser::SortOrder::Name);
    EXPECT_EQ(view->index(0, 0).data(ImageGridModel::PathRole).toString(), paths[0]);
}

TEST(ImageBrowser, AThousandFilesOpenWithoutFreezing) {
    testing::TempFolder folder;
    testing::writeJpegs(folder.path().string(), 1000, /*width=*/320);
    ImageBrowser browser;
    browser.resize(400, 800);
    browser.show();
    QSignalSpy finished(&browser, &ImageBrowser::thumbnailsFinished);
    const QStringList paths = imagesOf(folder);  // the scan runs on a pool thread in the program
    testing::StallMeter meter;
    QElapsedTimer clock;
    meter.start();
    clock.start();
    browser.showFolder(QString::fromStdString(folder.path().string()), paths);
    ASSERT_TRUE(finished.wait(120000));
    meter.stop();
    std::cout << "[ timing ] 1000 small JPEGs (320 px): opened and thumbnailed in " << clock.elapsed()
              << " ms; longest event-loop stall " << meter.longestStallMs() << " ms" << std::endl;
    EXPECT_EQ(browser.model()->thumbnailsDone(), 1000);
}

}  // namespace
}  // namespace twinsight::ui
