// The window without a model: start on the sample scenes, transformation controls, preview, bad folders.

#include <gtest/gtest.h>

#include <qcustomplot.h>

#include <QAbstractScrollArea>

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QFontMetrics>
#include <QMessageBox>
#include <QRegularExpression>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QTabWidget>
#include <filesystem>
#include <fstream>
#include <memory>

#include "support/temp_folder.h"
#include "ui/browser/image_browser.h"
#include "ui/panels/preview_panel.h"
#include "ui/panels/training_panel.h"
#include "ui/plots/plot_style.h"
#include "ui/plots/sweep_plot.h"
#include "ui/window/main_window.h"
#include "ui/window/start_folder.h"
#include "ui/workspace/workspace.h"
#include "ui_test_support.h"

namespace twinsight::ui {
namespace {

// A long title wraps to a narrow plot between words, keeps every word, and unwraps when the plot grows.
TEST(PlotTitle, WrapsBetweenWordsToThePlotsWidthAndAgainOnResize) {
    QCPTextElement* title = nullptr;
    std::unique_ptr<QCustomPlot> plot(createPlot(nullptr, &title));
    plot->resize(220, 300);
    plot->show();
    const QString text = "Pearson r = 0.937 \u00b7 Spearman \u03c1 = 0.935 (origin study: r = 0.955)\n90% over images";
    setPlotTitle(title, text);
    EXPECT_EQ(plotTitle(title), text);
    const QStringList lines = title->text().split('\n');
    EXPECT_GT(lines.size(), 3);
    const QFontMetrics metrics(title->font());
    for (const QString& line : lines) EXPECT_LE(metrics.horizontalAdvance(line), 220) << line.toStdString();
    EXPECT_EQ(title->text().split(QRegularExpression("\\s+")), text.split(QRegularExpression("\\s+")));
    plot->resize(1600, 300);
    QCoreApplication::processEvents();
    EXPECT_EQ(title->text(), text) << "a wide plot shows the title as set";
}

// A window saved larger than the screen (another scale factor, a larger monitor) or off it comes back inside the
// screen's available area.
TEST(MainWindow, ARestoredWindowTooLargeOrOffTheScreenIsFittedOntoIt) {
    QSettings settings;
    {
        MainWindow large(MainWindowOptions{false});
        large.resize(6000, 4000);
        large.move(5000, 3000);
        settings.setValue("window/geometry", large.saveGeometry());
    }
    MainWindow window(MainWindowOptions{false});
    const QRect available = window.screen()->availableGeometry();
    EXPECT_LE(window.width(), available.width());
    EXPECT_LE(window.height(), available.height());
    EXPECT_TRUE(available.contains(window.geometry().topLeft())) << window.x() << "," << window.y();
    settings.remove("window/geometry");
}

// At 1024 x 768 the window keeps that size and nothing is clipped: every visible widget on every tab lies inside the
// window (the content of a scroll area may extend beyond its viewport; that is what it scrolls).
TEST(MainWindow, At1024By768EveryPanelFitsInsideTheWindow) {
    testing::TempFolder images;
    testing::writeScenes(images.path().string(), 6, 3);
    auto window = testing::openWindowOn(images.path().string());
    ASSERT_TRUE(window);
    window->resize(1024, 768);
    QCoreApplication::processEvents();
    EXPECT_EQ(window->size(), QSize(1024, 768)) << "minimum size " << window->minimumSizeHint().width() << "x"
                                                 << window->minimumSizeHint().height();
    const QRect inside = window->rect();
    const auto insideAScrollArea = [&](const QWidget* widget) {
        for (const QWidget* up = widget->parentWidget(); up && up != window.get(); up = up->parentWidget()) {
            const auto* area = qobject_cast<const QAbstractScrollArea*>(up->parentWidget());
            if (area && area->viewport() == up) return true;
        }
        return false;
    };
    for (int tab = 0; tab < window->tabs()->count(); ++tab) {
        window->tabs()->setCurrentIndex(tab);
        QCoreApplication::processEvents();
        for (const QWidget* widget : window->findChildren<QWidget*>()) {
            if (!widget->isVisible() || widget->isWindow() || insideAScrollArea(widget)) continue;
            const QRect placed(widget->mapTo(window.get(), QPoint(0, 0)), widget->size());
            EXPECT_TRUE(inside.contains(placed)) << widget->metaObject()->className() << " '"
                                                 << widget->objectName().toStdString() << "' on tab " << tab << " at "
                                                 << placed.x() << "," << placed.y() << " " << placed.width() << "x"
                                                 << placed.height();
        }
    }
}

TEST(MainWindow, OpensOnTheSampleScenesWhenNoFolderIsKnown) {
    QSettings().remove("folder/last");
    QSettings().remove("guide/shown");
    MainWindow window({/*errorDialogs=*/false});
    window.show();
    EXPECT_TRUE(window.windowTitle().contains("Twinsight"));
    QSignalSpy ready(&window, &MainWindow::folderReady);
    window.start({});
    ASSERT_TRUE(ready.wait(60000));
    EXPECT_EQ(ready.first().at(0).toString(), sampleScenesFolder());
    EXPECT_EQ(ready.first().at(1).toInt(), kSampleSceneCount);
    EXPECT_EQ(window.browser()->paths().size(), kSampleSceneCount);
    EXPECT_TRUE(window.windowTitle().startsWith(QFileInfo(sampleScenesFolder()).fileName()))
        << window.windowTitle().toStdString();
    EXPECT_EQ(QSettings().value("folder/last").toString(), sampleScenesFolder());
    // A first start shows the three steps of a first session, once.
    auto* guide = window.findChild<QMessageBox*>("gettingStarted");
    ASSERT_NE(guide, nullptr);
    EXPECT_FALSE(guide->isModal()) << "the window stays usable";
    guide->close();
    MainWindow again({/*errorDialogs=*/false});
    QSignalSpy readyAgain(&again, &MainWindow::folderReady);
    again.start({});
    ASSERT_TRUE(readyAgain.wait(60000));
    EXPECT_EQ(again.findChild<QMessageBox*>("gettingStarted"), nullptr) << "shown once";
}

// After another folder, File > Open Sample Scenes comes back to them; Help > Getting Started says what to do, in
// three steps, without blocking the window.
TEST(MainWindow, FileOpenSampleScenesComesBackAndHelpSaysWhatToDo) {
    testing::TempFolder folder;
    testing::writeScenes(folder.path().string(), 2, /*seed=*/4);
    MainWindow window({false});
    QSignalSpy ready(&window, &MainWindow::folderReady);
    window.start(QString::fromStdString(folder.path().string()));
    ASSERT_TRUE(ready.wait(30000));
    window.findChild<QAction*>("openSampleScenesAction")->trigger();
    ASSERT_TRUE(ready.wait(60000));
    EXPECT_EQ(ready.last().at(0).toString(), sampleScenesFolder());
    EXPECT_EQ(ready.last().at(1).toInt(), kSampleSceneCount);

    window.findChild<QAction*>("gettingStartedAction")->trigger();
    auto* guide = window.findChild<QMessageBox*>("gettingStarted");
    ASSERT_NE(guide, nullptr);
    EXPECT_TRUE(guide->isVisible());
    EXPECT_EQ(guide->windowModality(), Qt::NonModal);
    for (const char* step : {"1. Pick a degradation", "2. Train", "3. Read the plots"}) {
        EXPECT_TRUE(guide->text().contains(step)) << step;
    }
}

// View > Presentation scales every widget's text and the plots' fonts and lines by the chosen scale, fills the
// screen, and comes back at the next start; turned off, everything is as before.
TEST(MainWindow, PresentationModeScalesTextAndPlotsAndSurvivesARestart) {
    QSettings settings;
    settings.remove("view/presentation");
    settings.remove("view/presentationScale");
    const double basePoints = QApplication::font().pointSizeF();
    double baseTicks = 0.0;
    {
        MainWindow window({false});
        QCustomPlot* plot = window.sweepPlot()->plot();
        baseTicks = plot->xAxis->tickLabelFont().pointSizeF();
        for (QAction* action : window.findChildren<QAction*>()) {
            if (action->data().toDouble() == 1.75) action->trigger();  // View > Presentation Scale > 1.75x
        }
        window.findChild<QAction*>("presentationAction")->trigger();
        EXPECT_DOUBLE_EQ(QApplication::font().pointSizeF(), basePoints * 1.75);
        EXPECT_DOUBLE_EQ(plot->xAxis->tickLabelFont().pointSizeF(), baseTicks * 1.75);
        EXPECT_TRUE(window.windowState() & Qt::WindowMaximized);
    }
    {
        MainWindow restarted({false});
        EXPECT_TRUE(restarted.findChild<QAction*>("presentationAction")->isChecked());
        EXPECT_DOUBLE_EQ(restarted.sweepPlot()->plot()->xAxis->tickLabelFont().pointSizeF(), baseTicks * 1.75);
        restarted.findChild<QAction*>("presentationAction")->trigger();  // off again
        EXPECT_DOUBLE_EQ(QApplication::font().pointSizeF(), basePoints);
        EXPECT_DOUBLE_EQ(restarted.sweepPlot()->plot()->xAxis->tickLabelFont().pointSizeF(), baseTicks);
        EXPECT_FALSE(restarted.windowState() & Qt::WindowMaximized);
    }
    settings.remove("view/presentation");
    settings.remove("view/presentationScale");
}

TEST(MainWindow, OpensTheFolderGivenAndRemembersIt) {
    testing::TempFolder folder;
    testing::writeScenes(folder.path().string(), 3, /*seed=*/9);
    const QString path = QString::fromStdString(folder.path().string());
    {
        MainWindow window({false});
        QSignalSpy ready(&window, &MainWindow::folderReady);
        window.start(path);
        ASSERT_TRUE(ready.wait(30000));
        EXPECT_EQ(ready.first().at(1).toInt(), 3);
    }
    MainWindow next({false});
    QSignalSpy ready(&next, &MainWindow::folderReady);
    next.start({});
    ASSERT_TRUE(ready.wait(30000));
    EXPECT_EQ(ready.first().at(0).toString(), path);
}

// What the desktop entry does when an image is opened with Twinsight: its folder opens with that image selected.
TEST(MainWindow, AnImageGivenOpensItsFolderWithTheImageSelected) {
    testing::TempFolder folder;
    testing::writeScenes(folder.path().string(), 3, /*seed=*/9);
    const QStringList images = QDir(QString::fromStdString(folder.path().string())).entryList({"*.png"});
    ASSERT_EQ(images.size(), 3);
    const QString image = QString::fromStdString((folder.path() / images.at(1).toStdString()).string());
    MainWindow window({false});
    QSignalSpy ready(&window, &MainWindow::folderReady);
    QSignalSpy errors(&window, &MainWindow::errorReported);
    window.start(image);
    ASSERT_TRUE(ready.wait(30000));
    EXPECT_EQ(ready.first().at(0).toString(), QFileInfo(image).absolutePath());
    EXPECT_EQ(ready.first().at(1).toInt(), 3);
    EXPECT_EQ(window.browser()->selectedPath(), image);
    EXPECT_EQ(errors.count(), 0);
}

TEST(MainWindow, AFileThatIsNoImageOpensItsFolderAndSaysSo) {
    testing::TempFolder folder;
    testing::writeScenes(folder.path().string(), 2, /*seed=*/9);
    const std::filesystem::path notes = folder.path() / "notes.txt";
    std::ofstream(notes) << "not an image";
    MainWindow window({false});
    QSignalSpy ready(&window, &MainWindow::folderReady);
    QSignalSpy errors(&window, &MainWindow::errorReported);
    window.start(QString::fromStdString(notes.string()));
    ASSERT_TRUE(ready.wait(30000));
    EXPECT_EQ(ready.first().at(1).toInt(), 2);
    ASSERT_EQ(errors.count(), 1);
    EXPECT_TRUE(errors.first().at(0).toString().contains("notes.txt")) << errors.first().at(0).toString().toStdString();
}

TEST(MainWindow, ChangingTheTransformationResetsTheRangeAndThePreviewFollows) {
    MainWindow window({false});
    auto* combo = window.findChild<QComboBox*>("transformCombo");
    combo->setCurrentIndex(combo->findData("rotation"));
    EXPECT_DOUBLE_EQ(window.trainingPanel()->range().min, -30.0);
    EXPECT_DOUBLE_EQ(window.trainingPanel()->range().max, 30.0);
    window.previewPanel()->setMagnitude(30.0);
    EXPECT_DOUBLE_EQ(window.previewPanel()->magnitude(), 30.0);
    combo->setCurrentIndex(combo->findData("noise"));
    EXPECT_DOUBLE_EQ(window.trainingPanel()->range().max, 30.0);
    EXPECT_DOUBLE_EQ(window.trainingPanel()->range().min, 0.0);
}

TEST(MainWindow, PreviewRedrawsAtOnceWhenTheSliderMoves) {
    testing::TempFolder folder;
    testing::writeScenes(folder.path().string(), 2, /*seed=*/9);
    MainWindow window({false});
    window.start(QString::fromStdString(folder.path().string()));
    PreviewPanel* preview = window.previewPanel();
    ASSERT_TRUE(testing::waitFor([&] { return !preview->transformedImage().isNull(); }, 30000));
    auto* slider = preview->findChild<QSlider*>("previewSlider");
    slider->setValue(0);  // blur 0: the copy equals the original
    const QImage sharp = preview->transformedImage();
    slider->setValue(slider->maximum());  // no event loop in between: the redraw is immediate
    const QImage blurred = preview->transformedImage();
    EXPECT_EQ(sharp.size(), blurred.size());
    EXPECT_NE(sharp, blurred);
    EXPECT_DOUBLE_EQ(preview->magnitude(), 5.0);
}

TEST(MainWindow, ABadFolderGivesOneClearMessage) {
    MainWindow window({false});
    QSignalSpy errors(&window, &MainWindow::errorReported);
    window.workspace()->openFolder("/no/such/folder");
    ASSERT_TRUE(errors.wait(5000));
    EXPECT_EQ(errors.count(), 1);
    EXPECT_TRUE(errors.first().at(0).toString().contains("/no/such/folder"));
}

}  // namespace
}  // namespace twinsight::ui
