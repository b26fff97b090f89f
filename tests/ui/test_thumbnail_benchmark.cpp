// Time to open and fully thumbnail a folder of real-sized photos. Runs only when TWINSIGHT_THUMBNAIL_BENCH names
// a folder (it is too large to generate in every test run); prints the time and the longest UI stall.

#include <gtest/gtest.h>

#include <QElapsedTimer>
#include <QSignalSpy>
#include <cstdlib>

#include "ui/browser/image_browser.h"
#include "ui/browser/image_grid_model.h"
#include "ui/window/main_window.h"
#include "ui/workspace/workspace.h"
#include "ui_test_support.h"

namespace twinsight::ui {
namespace {

TEST(ThumbnailBenchmark, OpensAndThumbnailsAFolderOfPhotos) {
    const char* folder = std::getenv("TWINSIGHT_THUMBNAIL_BENCH");
    if (!folder) GTEST_SKIP() << "set TWINSIGHT_THUMBNAIL_BENCH to a folder of photos to run";
    MainWindow window({/*errorDialogs=*/false});
    window.resize(1400, 880);
    window.show();
    QSignalSpy ready(&window, &MainWindow::folderReady);
    QSignalSpy thumbnails(window.browser(), &ImageBrowser::thumbnailsFinished);
    testing::StallMeter meter;
    QElapsedTimer clock;
    meter.start();
    clock.start();
    window.workspace()->openFolder(QString::fromLocal8Bit(folder));
    ASSERT_TRUE(ready.wait(60000));
    const qint64 listed = clock.elapsed();
    ASSERT_TRUE(thumbnails.count() > 0 || thumbnails.wait(600000));
    meter.stop();
    const int count = window.browser()->model()->rowCount();
    std::cout << "[ timing ] " << count << " photos: listed in " << listed << " ms, all thumbnails in "
              << clock.elapsed() << " ms; longest event-loop stall " << meter.longestStallMs() << " ms" << std::endl;
    EXPECT_EQ(window.browser()->model()->thumbnailsDone(), count);
}

}  // namespace
}  // namespace twinsight::ui
