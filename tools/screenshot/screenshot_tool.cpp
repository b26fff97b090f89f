// Drives the real window through a training on a folder, opens a second (noise) model beside it, and saves a
// screenshot of each tab: the README's figure, and a way to look at the program after a training without clicking.
// Not a test and not installed.
//
//   twinsight_screenshot FOLDER OUT_PREFIX [STEPS] [SELECT_ROW] [WIDTHxHEIGHT]   (run under xvfb-run for the real
//   platform and fonts; the window is 1400x880 unless a size is given)

#include <qcustomplot.h>

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QListWidget>
#include <QPushButton>
#include <QScreen>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <utility>

#include "core/base/atomic_file.h"
#include "core/base/process_setup.h"
#include "core/model/device.h"
#include "ui/browser/image_browser.h"
#include "ui/browser/image_view.h"
#include "ui/panels/pairs_strip.h"
#include "ui/panels/ranking_panel.h"
#include "ui/panels/training_panel.h"
#include "ui/plots/correlation_plot.h"
#include "ui/plots/lesson_sheet.h"
#include "ui/plots/plot_style.h"
#include "ui/plots/sweep_plot.h"
#include "ui/plots/training_curves.h"
#include "ui/review/review_viewer.h"
#include "ui/ui_test_support.h"
#include "ui/window/lesson_sheet_export.h"
#include "ui/window/main_window.h"
#include "ui/workspace/model_set.h"
#include "ui/workspace/workspace.h"

int main(int argc, char** argv) {
    twinsight::core::preferPassiveOpenMpWaiting();
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName("TwinsightScreenshot");
    QCoreApplication::setApplicationName("TwinsightScreenshot");
    if (argc < 3) {
        std::cerr << "usage: twinsight_screenshot FOLDER OUT_PREFIX [STEPS] [SELECT_ROW] [WIDTHxHEIGHT]\n";
        return 2;
    }
    const int steps = argc > 3 ? std::atoi(argv[3]) : 300;
    const int selectRow = argc > 4 ? std::atoi(argv[4]) : 5;
    twinsight::core::setComputeThreads(twinsight::core::defaultThreadCount());
    using namespace twinsight;
    const auto saveGrab = [prefix = QString::fromLocal8Bit(argv[2])](const QPixmap& grab, const QString& suffix) {
        grab.save(prefix + suffix);
        std::cout << "wrote " << (prefix + suffix).toStdString() << std::endl;
    };
    ui::MainWindow window({/*errorDialogs=*/false});
    int width = 1400, height = 880;
    if (argc > 5 && std::sscanf(argv[5], "%dx%d", &width, &height) != 2) {
        std::cerr << "twinsight_screenshot: size must read WIDTHxHEIGHT, got " << argv[5] << "\n";
        return 2;
    }
    window.resize(width, height);
    window.show();
    QSignalSpy ready(&window, &ui::MainWindow::folderReady);
    window.start(QString::fromLocal8Bit(argv[1]));
    if (!ready.wait(60000)) return 1;
    ui::TrainingPanel* panel = window.trainingPanel();
    panel->findChild<QSpinBox*>("stepsSpin")->setValue(steps);
    const QStringList paths = window.browser()->paths();
    window.browser()->selectPath(paths.value(selectRow));
    QSignalSpy scored(&window, &ui::MainWindow::scoresUpdated);
    QSignalSpy swept(&window, &ui::MainWindow::sweepUpdated);
    QSignalSpy studied(&window, &ui::MainWindow::studyUpdated);
    // The Sweep while training, at the second validation: the selected image's curve as the network stands then.
    int liveSweeps = 0;
    QObject::connect(window.workspace(), &ui::Workspace::trainingProgress, &window, [&](const ui::TrainingUpdate& update) {
        if (update.watchedSweep.empty() || ++liveSweeps != 2) return;
        QWidget* shown = window.tabs()->currentWidget();
        window.tabs()->setCurrentWidget(window.sweepPlot());
        window.sweepPlot()->plot()->replot();
        saveGrab(window.grab(), "-live-sweep.png");
        window.tabs()->setCurrentWidget(shown);
    });
    testing::StallMeter meter;
    meter.start();
    window.findChild<QPushButton*>("trainButton")->click();
    const bool done =
        testing::waitFor([&] { return !scored.isEmpty() && !swept.isEmpty() && !studied.isEmpty(); }, 30 * 60 * 1000);
    meter.stop();
    std::cout << "training " << (done ? "done" : "timed out") << "; longest stall " << meter.longestStallMs() << " ms"
              << std::endl;
    // A second model, of noise, trained without the window and opened beside the blur one, which stays current.
    QTemporaryDir models;
    core::TrainerConfig noise = panel->config();
    noise.transform = "noise";
    noise.range.reset();
    noise.steps = std::max(100, steps / 2);
    const std::string noiseFile = models.filePath("noise.twinsight").toStdString();
    testing::trainModelFile(noise, QString::fromLocal8Bit(argv[1]).toStdString(), noiseFile);
    QSignalSpy scoredTwice(&window, &ui::MainWindow::scoresUpdated);
    window.openModelFile(QString::fromStdString(noiseFile));
    if (!scoredTwice.wait(10 * 60 * 1000)) std::cout << "scoring with two models timed out" << std::endl;
    window.workspace()->setCurrentModel(0);
    window.workspace()->exportScores(QString::fromLocal8Bit(argv[2]) +
                                     "-scores.csv");  // the figures behind the captions
    testing::waitForWrites(window);
    testing::waitFor([] { return false; }, 1500);  // let queued replots and thumbnails settle
    window.browser()->setSortOrder(ui::ImageBrowser::SortOrder::ScoreDescending);
    // The most degraded image: flagged, at the top of the grid, and the one the sweep shows.
    const QStringList flagged = window.rankingPanel()->flaggedPaths();
    window.browser()->selectPath(flagged.isEmpty() ? paths.value(selectRow) : flagged.first());
    QSignalSpy sweptAgain(&window, &ui::MainWindow::sweepUpdated);
    sweptAgain.wait(20000);
    // The Pairs tab with its most wrongly judged pair shown large.
    if (auto* gallery = window.findChild<QListWidget*>("galleryList"); gallery && gallery->count() > 0)
        gallery->setCurrentRow(0);
    for (int tab = 0; tab < window.tabs()->count(); ++tab) {
        window.tabs()->setCurrentIndex(tab);
        testing::waitFor([] { return false; }, 600);
        const QString name = window.tabs()->tabText(tab).toLower();
        const QString file = QString::fromLocal8Bit(argv[2]) + "-" + name + ".png";
        window.grab().save(file);
        std::cout << "wrote " << file.toStdString() << std::endl;
    }
    // The Image tab with the current model's focus map (View > Focus Map).
    window.tabs()->setCurrentIndex(0);
    if (auto* focusMap = window.findChild<QAction*>("focusMapAction")) {
        focusMap->setChecked(true);
        auto* view = window.findChild<ui::ImageView*>("imageView");
        testing::waitFor([view] { return view->caption().contains("focus map"); }, 20000);
        testing::waitFor([] { return false; }, 600);
        const QString file = QString::fromLocal8Bit(argv[2]) + "-focus-map.png";
        window.grab().save(file);
        std::cout << "wrote " << file.toStdString() << std::endl;
        focusMap->setChecked(false);
        testing::waitFor([view] { return !view->caption().contains("focus map"); }, 20000);
    }
    // View > Collapse Bursts: the grid with the best shot of each burst.
    if (auto* collapse = window.findChild<QAction*>("collapseBurstsAction")) {
        QSignalSpy grouped(window.workspace(), &ui::Workspace::burstsChanged);
        window.browser()->setSortOrder(ui::ImageBrowser::SortOrder::Name);
        collapse->setChecked(true);
        grouped.wait(60000);
        testing::waitFor([] { return false; }, 600);
        saveGrab(window.grab(), "-bursts.png");
        collapse->setChecked(false);
    }
    // View > Group by Series: each series (a volume, a DICOM series folder) shown by its worst image, worst first.
    if (auto* group = window.findChild<QAction*>("groupSeriesAction")) {
        group->setChecked(true);
        testing::waitFor([] { return false; }, 600);
        saveGrab(window.grab(), "-series.png");
        group->setChecked(false);
    }
    // The review of the flagged images (View > Review Flagged Images): the first one with its focus map, then at 100%.
    if (auto* review = window.findChild<QAction*>("reviewFlaggedAction"); review && review->isEnabled()) {
        review->trigger();
        if (auto* viewer = window.findChild<ui::ReviewViewer*>("reviewViewer")) {
            viewer->resize(window.size());
            viewer->activateWindow();
            if (!QTest::qWaitForWindowActive(viewer)) std::cout << "the viewer did not become active" << std::endl;
            QSignalSpy shown(viewer, &ui::ReviewViewer::imageShown);
            shown.wait(30000);
            QTest::keyClick(viewer, Qt::Key_M);
            shown.wait(30000);
            testing::waitFor([] { return false; }, 400);
            saveGrab(viewer->grab(), "-review.png");
            QTest::keyClick(viewer, Qt::Key_M);
            shown.wait(30000);
            QTest::keyClick(viewer, Qt::Key_Z);
            testing::waitFor([] { return false; }, 400);
            saveGrab(viewer->grab(), "-review-100.png");
            viewer->close();
        }
    }
    // The lesson sheet of the blur model, as File > Export Lesson Sheet writes it.
    if (const auto model = window.workspace()->currentModel()) {
        ui::LessonSheet sheet;
        sheet.title = QObject::tr("Learning %1 without labels").arg(ui::transformOf(*model));
        sheet.settings = ui::lessonSettings(model->metadata());
        sheet.figures = ui::lessonFigures(model->metadata());
        sheet.curves = window.trainingCurves()->plot();
        sheet.sweep = window.sweepPlot()->plot();
        sheet.correlation = window.correlationPlot()->plot();
        if (const auto* pairs = window.findChild<ui::PairsStrip*>("pairsStrip")) sheet.pairs = pairs->tiles();
        const QString file = QString::fromLocal8Bit(argv[2]) + "-lesson.pdf";
        core::writeFileAtomically(file.toStdString(), ui::renderLessonSheet(sheet));
        std::cout << "wrote " << file.toStdString() << std::endl;
    }
    // Help > Getting Started, as a first-time user opens it.
    if (auto* guide = window.findChild<QAction*>("gettingStartedAction")) {
        guide->trigger();
        testing::waitFor([] { return false; }, 400);
        if (auto* box = window.findChild<QWidget*>("gettingStarted")) {
            const QString file = QString::fromLocal8Bit(argv[2]) + "-getting-started.png";
            box->grab().save(file);
            std::cout << "wrote " << file.toStdString() << std::endl;
            box->close();
        }
    }
    // The sweep and the correlation as a user exports them (PDF and SVG: rendered in memory, then written).
    for (const auto& [name, plot] :
         {std::pair{"sweep", window.sweepPlot()->plot()}, std::pair{"correlation", window.correlationPlot()->plot()}}) {
        for (const char* format : {"pdf", "svg"}) {
            const QString file = QString::fromLocal8Bit(argv[2]) + "-" + name + "." + format;
            ui::savePlot(plot, file);
            std::cout << "wrote " << file.toStdString() << std::endl;
        }
    }
    return done ? 0 : 1;
}
