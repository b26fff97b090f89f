// Radiology in the window: a folder of NIfTI volumes and a DICOM series folder opens slice by slice, View > Group by
// Series shows each series by its most degraded image, worst first, and opens one on a double-click, and File >
// Export Report writes the QC report.

#include <gtest/gtest.h>

#include <QAction>
#include <QPushButton>
#include <QSignalSpy>
#include <filesystem>

#include "core/base/atomic_file.h"
#include "support/dicom_writer.h"
#include "support/nifti_writer.h"
#include "support/temp_folder.h"
#include "ui/browser/image_browser.h"
#include "ui/browser/image_grid_model.h"
#include "ui/jobs/file_writer.h"
#include "ui/window/main_window.h"
#include "ui/window/report_export.h"
#include "ui/workspace/workspace.h"
#include "ui_test_support.h"

namespace twinsight::ui {
namespace {

testing::NiftiSpec checkerVolume(int slices, int blur) {
    testing::NiftiSpec spec;
    spec.size = {64, 64, slices, 1};
    spec.description = "SECRET-DESCRIPTION";
    spec.value = [blur](int x, int y, int z, int) {
        double sum = 0.0;
        int count = 0;
        for (int d = -blur; d <= blur; ++d, ++count) sum += ((x + d) / 6 + (y + d) / 6 + z) % 2 == 0 ? 100.0 : 900.0;
        return sum / count;
    };
    return spec;
}

TEST(SeriesGrid, VolumesAndSeriesGroupWorstFirstOpenOnDoubleClickAndGoIntoTheReport) {
    testing::TempFolder folder;
    testing::writeNifti(folder.file("a_sharp.nii.gz"), checkerVolume(5, 0));
    testing::writeNifti(folder.file("b_soft.nii"), checkerVolume(4, 4));
    std::filesystem::create_directories(folder.file("series"));
    testing::DicomSpec slice;
    for (int i = 1; i <= 3; ++i) {
        cv::Mat frame(64, 64, CV_16UC1);
        for (int y = 0; y < 64; ++y)
            for (int x = 0; x < 64; ++x) frame.at<ushort>(y, x) = static_cast<ushort>(((x / 5 + y / 5 + i) % 2) * 800 + 100);
        slice.frames = {frame};
        testing::writeDicom(folder.file("series/IM" + std::to_string(i)), slice);
    }
    int images = 0;
    auto window = testing::openWindowOn(folder.path().string(), &images);
    ASSERT_TRUE(window);
    EXPECT_EQ(images, 5 + 4 + 3);
    testing::useQuickTraining(*window->trainingPanel());
    QSignalSpy scored(window.get(), &MainWindow::scoresUpdated);
    window->findChild<QPushButton*>("trainButton")->click();
    ASSERT_TRUE(testing::waitFor([&] { return !scored.isEmpty() && !window->workspace()->isTraining(); }, 120000));

    auto* group = window->findChild<QAction*>("groupSeriesAction");
    ASSERT_NE(group, nullptr);
    group->setChecked(true);
    ImageBrowser* browser = window->browser();
    EXPECT_EQ(browser->visibleCount(), 3) << "one image per series";
    const ImageGridModel* grid = browser->model();
    const Workspace& workspace = *window->workspace();
    QHash<QString, double> worstOf;
    QHash<QString, QString> worstImage;
    for (int row = 0; row < grid->rowCount(); ++row) {
        const QModelIndex index = grid->index(row);
        const QString series = index.data(ImageGridModel::SeriesRole).toString();
        const double estimate = (*workspace.estimatesOf(index.data(ImageGridModel::PathRole).toString()))[0].estimate;
        if (!worstOf.contains(series) || estimate > worstOf[series]) {
            worstOf[series] = estimate;
            worstImage[series] = index.data(ImageGridModel::PathRole).toString();
        }
    }
    ASSERT_EQ(worstOf.size(), 3);
    for (auto it = worstImage.cbegin(); it != worstImage.cend(); ++it) {
        const QModelIndex index = grid->index(grid->rowOf(it.value()));
        EXPECT_TRUE(index.data(ImageGridModel::WorstInSeriesRole).toBool()) << it.key().toStdString();
    }
    EXPECT_EQ(grid->index(grid->rowOf(QString::fromStdString(folder.file("b_soft.nii") + "#z:1")))
                  .data(ImageGridModel::SeriesSizeRole)
                  .toInt(),
              4);

    browser->toggleSeries(QString::fromStdString(folder.file("a_sharp.nii.gz")));
    EXPECT_EQ(browser->visibleCount(), 2 + 5) << "an opened series shows all its slices";
    group->setChecked(false);
    EXPECT_EQ(browser->visibleCount(), 12);

    const QString report = QString::fromStdString(folder.file("qc.html"));
    QSignalSpy written(workspace.fileWriter(), &FileWriter::written);
    EXPECT_EQ(exportReport(*window->workspace(), report), QString());
    ASSERT_TRUE(written.wait(60000));
    const std::string html = core::readWholeFile(report.toStdString());
    EXPECT_NE(html.find(folder.file("b_soft.nii")), std::string::npos);
    EXPECT_NE(html.find(folder.file("series")), std::string::npos);
    EXPECT_EQ(html.find("SECRET"), std::string::npos);
}

}  // namespace
}  // namespace twinsight::ui
