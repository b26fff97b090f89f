// The window with a model: a real short training drives the grid's scores, the plots, the ranking; Stop keeps
// the previous model; a corrupt model file is refused and the current model stays; exports write what they say.

#include <gtest/gtest.h>

#include <qcustomplot.h>

#include <QAction>
#include <QCoreApplication>
#include <QDir>
#include <QDoubleSpinBox>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <regex>

#include "core/base/atomic_file.h"
#include "core/degrade/transform.h"
#include "imageio/open_counter.h"
#include "support/temp_folder.h"
#include "ui/browser/image_browser.h"
#include "ui/browser/image_grid_model.h"
#include "ui/browser/image_view.h"
#include "ui/jobs/file_writer.h"
#include "ui/jobs/training_controller.h"
#include "ui/panels/model_info_panel.h"
#include "ui/panels/pairs_strip.h"
#include "ui/panels/ranking_panel.h"
#include "ui/panels/training_panel.h"
#include "ui/plots/correlation_plot.h"
#include "ui/plots/plot_style.h"
#include "ui/plots/sweep_plot.h"
#include "ui/plots/lesson_sheet.h"
#include "ui/plots/training_curves.h"
#include "ui/review/review_viewer.h"
#include "ui/review/zoom_view.h"
#include "ui/window/lesson_sheet_export.h"
#include "ui/window/main_window.h"
#include "ui/workspace/workspace.h"
#include "ui_test_support.h"

namespace twinsight::ui {
namespace {
namespace fs = std::filesystem;

class WindowWithModel : public ::testing::Test {
protected:
    void SetUp() override {
        testing::writeScenes(m_images.path().string(), 16, /*seed=*/5);
        m_window = testing::openWindowOn(m_images.path().string());
        ASSERT_TRUE(m_window);
        testing::useQuickTraining(*m_window->trainingPanel());
    }

    // Moves the threshold between the 8th and 9th of the 16 estimates, typed into the ranking as a user would.
    void flagTheMoreBlurredHalf() {
        std::vector<double> estimates;
        for (const auto& row : m_window->workspace()->scores()->scores.estimates) estimates.push_back(row[0].estimate);
        std::sort(estimates.begin(), estimates.end());
        auto* spin = m_window->rankingPanel()->findChild<QDoubleSpinBox*>("thresholdAbove");
        ASSERT_NE(spin, nullptr);
        spin->setDecimals(6);
        spin->setValue((estimates[7] + estimates[8]) / 2.0);
    }

    // Clicks Train and waits until the folder is scored and both plots are drawn; returns the longest stall.
    double trainAndWait() {
        QSignalSpy scored(m_window.get(), &MainWindow::scoresUpdated);
        QSignalSpy swept(m_window.get(), &MainWindow::sweepUpdated);
        QSignalSpy studied(m_window.get(), &MainWindow::studyUpdated);
        QSignalSpy failed(m_window.get(), &MainWindow::errorReported);
        testing::StallMeter meter;
        meter.start();
        m_window->findChild<QPushButton*>("trainButton")->click();
        EXPECT_TRUE(m_window->workspace()->isTraining());
        const bool done =
            testing::waitFor([&] { return !scored.isEmpty() && !swept.isEmpty() && !studied.isEmpty(); }, 240000);
        meter.stop();
        EXPECT_TRUE(done) << (failed.isEmpty() ? "" : failed.first().at(0).toString().toStdString());
        return meter.longestStallMs();
    }

    std::unique_ptr<MainWindow> m_window;
    testing::TempFolder m_images;
    testing::TempFolder m_output;
};

TEST_F(WindowWithModel, TrainingFillsTheGridThePlotsAndTheRanking) {
    const double stall = trainAndWait();
    std::cout << "[ timing ] longest event-loop stall from Train to scored folder: " << stall << " ms" << std::endl;
    ASSERT_TRUE(m_window->workspace()->currentModel());
    const ImageGridModel* grid = m_window->browser()->model();
    for (int row = 0; row < grid->rowCount(); ++row) {
        EXPECT_TRUE(grid->index(row).data(ImageGridModel::ScoreRole).isValid()) << row;
        EXPECT_FALSE(grid->index(row).data(ImageGridModel::CaptionRole).toString().isEmpty());
    }
    EXPECT_EQ(m_window->trainingCurves()->lossPoints(), 40);
    EXPECT_GE(m_window->trainingCurves()->accuracyPoints(), 1);
    EXPECT_GT(m_window->findChild<PairsStrip*>("pairsStrip")->count(), 0);
    EXPECT_EQ(m_window->sweepPlot()->pointCount(), 21);
    EXPECT_GT(m_window->correlationPlot()->pointCount(), 0);
    const QString title = m_window->correlationPlot()->title();
    EXPECT_TRUE(title.contains("Pearson") && title.contains("Spearman") && title.contains("0.955"))
        << title.toStdString();
    // How sure the figures are, and that so few held-out images make them rough.
    EXPECT_TRUE(title.contains("90% over images: r ") && title.contains("–")) << title.toStdString();
    EXPECT_TRUE(title.contains("rough: only")) << "a study of a handful of images says so";
    const QString info = m_window->modelInfo()->text();
    EXPECT_TRUE(info.contains("blur"));
    EXPECT_TRUE(info.contains("90% interval")) << info.toStdString();
    EXPECT_TRUE(info.contains("px (median)")) << info.toStdString();
    // The ranking starts at the blur model's own threshold, in px, whatever the folder holds: exactly the images
    // estimated above it are flagged.
    const FlagThresholds thresholds = m_window->rankingPanel()->thresholds();
    EXPECT_FALSE(thresholds.below.has_value());
    ASSERT_TRUE(thresholds.above.has_value());
    EXPECT_DOUBLE_EQ(*thresholds.above, core::findTransform("blur").noticeableMagnitude());
    const auto& scores = *m_window->workspace()->scores();
    int above = 0;
    for (const auto& row : scores.scores.estimates) above += row[0].estimate > *thresholds.above ? 1 : 0;
    EXPECT_EQ(m_window->rankingPanel()->flaggedPaths().size(), above);
    flagTheMoreBlurredHalf();
    const QStringList flagged = m_window->rankingPanel()->flaggedPaths();
    ASSERT_EQ(flagged.size(), 8);
    EXPECT_TRUE(grid->index(grid->rowOf(flagged.first())).data(ImageGridModel::FlaggedRole).toBool());
    // Opening a flagged image from the list (double-click or Enter) starts the review there, worst first.
    auto* list = m_window->rankingPanel()->findChild<QListWidget*>("flaggedList");
    ASSERT_EQ(list->count(), 8);
    // Each flagged image shows its thumbnail in the list once the grid has it.
    ASSERT_TRUE(testing::waitFor([&] { return !m_window->browser()->thumbnailsLoading(); }, 30000));
    for (int row = 0; row < list->count(); ++row) EXPECT_FALSE(list->item(row)->icon().isNull()) << row;
    emit list->itemActivated(list->item(1));
    auto* viewer = m_window->findChild<ReviewViewer*>("reviewViewer");
    ASSERT_NE(viewer, nullptr);
    EXPECT_EQ(viewer->queue().paths(), flagged);
    EXPECT_EQ(viewer->queue().current(), 1);
    ASSERT_TRUE(testing::waitFor([&] { return !viewer->view()->image().isNull(); }, 20000));
    EXPECT_TRUE(viewer->caption().contains(" px")) << "the estimates that flag it" << viewer->caption().toStdString();
    viewer->close();  // nothing decided: closes without asking
    EXPECT_FALSE(viewer->isVisible());
    m_window->browser()->selectPath(flagged[1]);
    // View > Next and Previous Flagged Image (N, Shift+N) step through them in the list's order, round the ends.
    auto* next = m_window->findChild<QAction*>("nextFlaggedAction");
    auto* previous = m_window->findChild<QAction*>("previousFlaggedAction");
    ASSERT_TRUE(next && previous);
    next->trigger();
    EXPECT_EQ(m_window->browser()->selectedPath(), flagged[2]);
    previous->trigger();
    previous->trigger();
    EXPECT_EQ(m_window->browser()->selectedPath(), flagged[0]);
    previous->trigger();
    EXPECT_EQ(m_window->browser()->selectedPath(), flagged[7]);
}

// The lesson sheet: one landscape A4 page (pdfinfo) with the title, the settings and figures, and the window's
// plots and pairs drawn in.
TEST_F(WindowWithModel, TheLessonSheetIsAOnePagePdfWithTheSettingsFiguresPlotsAndPairs) {
    trainAndWait();
    const auto model = m_window->workspace()->currentModel();
    ASSERT_TRUE(model);
    LessonSheet sheet;
    sheet.title = "Learning blur without labels";
    sheet.settings = lessonSettings(model->metadata());
    sheet.figures = lessonFigures(model->metadata());
    sheet.curves = m_window->trainingCurves()->plot();
    sheet.sweep = m_window->sweepPlot()->plot();
    sheet.correlation = m_window->correlationPlot()->plot();
    sheet.pairs = m_window->findChild<PairsStrip*>("pairsStrip")->tiles();
    ASSERT_FALSE(sheet.pairs.isEmpty());
    EXPECT_TRUE(sheet.settings.join('\n').contains("Steps: 40 of 8 pairs")) << sheet.settings.join('\n').toStdString();
    EXPECT_TRUE(sheet.figures.join('\n').contains("Pair accuracy")) << sheet.figures.join('\n').toStdString();
    const std::string pdf = m_output.file("lesson.pdf");
    core::writeFileAtomically(pdf, renderLessonSheet(sheet));
    if (std::system("command -v pdfinfo >/dev/null 2>&1") != 0) GTEST_SKIP() << "pdfinfo (poppler-utils) is missing";
    const auto run = [](const std::string& command) {
        std::string output;
        FILE* pipe = popen(command.c_str(), "r");
        char buffer[256];
        while (pipe && std::fgets(buffer, sizeof buffer, pipe)) output += buffer;
        if (pipe) pclose(pipe);
        return output;
    };
    const std::string info = run("pdfinfo '" + pdf + "'");
    EXPECT_TRUE(std::regex_search(info, std::regex(R"(Pages:\s+1\n)"))) << info;
    EXPECT_NE(info.find("(A4)"), std::string::npos) << info;
    const std::string text = run("pdftotext -layout '" + pdf + "' -");
    for (const char* expected : {"Learning blur without labels", "Pair accuracy", "Steps: 40 of 8 pairs",
                                 "Training loss", "Sweep of", "Pearson"}) {
        EXPECT_NE(text.find(expected), std::string::npos) << expected << " in\n" << text;
    }
}

// A point of the correlation names its image and magnitude on hover and selects that image on a click.
TEST_F(WindowWithModel, AClickOnACorrelationPointSelectsItsImage) {
    trainAndWait();
    const QStringList studied = m_window->workspace()->studyPaths();
    ASSERT_GE(studied.size(), 2);
    m_window->tabs()->setCurrentWidget(m_window->correlationPlot());
    m_window->correlationPlot()->plot()->replot();
    QCoreApplication::processEvents();
    CorrelationPlot* correlation = m_window->correlationPlot();
    ASSERT_GT(correlation->pointCount(), 0);
    // A training image selected first, so that the click has to change the selection.
    for (const QString& path : m_window->browser()->paths()) {
        if (!studied.contains(path)) {
            ASSERT_TRUE(m_window->browser()->selectPath(path));
            break;
        }
    }
    ASSERT_FALSE(studied.contains(m_window->browser()->selectedPath()));
    const int row = correlation->pointCount() - 1;
    const QPoint where = correlation->pointPosition(row);
    ASSERT_EQ(correlation->pointAt(where), row);
    EXPECT_EQ(correlation->pointAt(where + QPoint(40, 40)), -1) << "away from every point: none";
    QSignalSpy clicked(correlation, &CorrelationPlot::imageClicked);
    QTest::mouseClick(correlation->plot(), Qt::LeftButton, {}, where);
    ASSERT_EQ(clicked.size(), 1);
    const QString image = clicked.first().at(0).toString();
    EXPECT_TRUE(studied.contains(image));
    EXPECT_EQ(m_window->browser()->selectedPath(), image);
}

// Closing the window with a model trained and not saved asks first; Cancel keeps the window, Quit Anyway closes it.
// Once saved, the model is no longer a reason to ask.
TEST_F(WindowWithModel, QuittingWithAnUnsavedModelAsksFirst) {
    trainAndWait();
    m_window->show();
    ASSERT_EQ(m_window->workspace()->unsavedModels(), QStringList{"blur"});
    EXPECT_FALSE(m_window->close());
    auto* question = m_window->findChild<QMessageBox*>("quitQuestion");
    ASSERT_NE(question, nullptr);
    EXPECT_TRUE(question->text().contains("blur model")) << question->text().toStdString();
    question->button(QMessageBox::Cancel)->click();
    EXPECT_TRUE(m_window->isVisible());
    delete question;  // closed and deleted later; gone now, so that the next question is the one found

    EXPECT_FALSE(m_window->close());
    question = m_window->findChild<QMessageBox*>("quitQuestion");
    ASSERT_NE(question, nullptr);
    question->button(QMessageBox::Discard)->click();
    EXPECT_FALSE(m_window->isVisible());

    ASSERT_TRUE(m_window->workspace()->saveModel(QString::fromStdString(m_output.file("blur.twinsight"))));
    ASSERT_TRUE(testing::waitForWrites(*m_window));
    EXPECT_TRUE(m_window->workspace()->unsavedModels().isEmpty());
}

// A review holding a decision not written to its sidecar is a reason to ask too.
TEST_F(WindowWithModel, QuittingWithUnwrittenReviewDecisionsAsksFirst) {
    trainAndWait();
    ASSERT_TRUE(m_window->workspace()->saveModel(QString::fromStdString(m_output.file("blur.twinsight"))));
    ASSERT_TRUE(testing::waitForWrites(*m_window));
    flagTheMoreBlurredHalf();
    m_window->findChild<QAction*>("reviewFlaggedAction")->trigger();
    auto* viewer = m_window->findChild<ReviewViewer*>("reviewViewer");
    ASSERT_NE(viewer, nullptr);
    viewer->findChild<QPushButton*>("reviewReject")->click();
    ASSERT_TRUE(viewer->queue().hasUnwritten());
    EXPECT_FALSE(m_window->close());
    auto* question = m_window->findChild<QMessageBox*>("quitQuestion");
    ASSERT_NE(question, nullptr);
    EXPECT_TRUE(question->text().contains("A review decision is not written")) << question->text().toStdString();
    EXPECT_FALSE(question->text().contains("blur model")) << "saved: no longer a reason";
    question->button(QMessageBox::Cancel)->click();
    EXPECT_TRUE(m_window->isVisible());
}

// View > Focus Map: the Image tab shows the selected image in tiles tinted by the current model's estimates, and
// the plain image again when it is turned off.
TEST_F(WindowWithModel, TheFocusMapShowsTheSelectedImageInTilesAndGoesAway) {
    trainAndWait();
    auto* view = m_window->findChild<ImageView*>("imageView");
    QSignalSpy loaded(m_window->workspace(), &Workspace::selectionLoaded);
    const QStringList paths = m_window->browser()->paths();
    const QString target = m_window->browser()->selectedPath() == paths[0] ? paths[1] : paths[0];  // a new selection
    ASSERT_TRUE(m_window->browser()->selectPath(target));
    ASSERT_TRUE(loaded.wait(20000));
    const QImage plain = view->image();
    ASSERT_FALSE(plain.isNull());
    auto* action = m_window->findChild<QAction*>("focusMapAction");
    ASSERT_NE(action, nullptr);
    action->setChecked(true);
    ASSERT_TRUE(testing::waitFor([&] { return view->caption().contains("focus map of blur"); }, 20000))
        << view->caption().toStdString();
    EXPECT_NE(view->image(), plain);
    action->setChecked(false);
    EXPECT_EQ(view->image(), plain);
    EXPECT_FALSE(view->caption().contains("focus map"));
}

TEST_F(WindowWithModel, StopKeepsThePreviousModel) {
    trainAndWait();
    const auto previous = m_window->workspace()->currentModel();
    ASSERT_TRUE(previous);
    testing::useQuickTraining(*m_window->trainingPanel(), /*steps=*/100000);
    QSignalSpy cancelled(m_window->workspace(), &Workspace::trainingCancelled);
    bool training = false;
    QObject::connect(m_window->workspace(), &Workspace::trainingProgress, [&training](const TrainingUpdate& update) {
        training |= update.phase == TrainingUpdate::Phase::Training;
    });
    m_window->findChild<QPushButton*>("trainButton")->click();
    ASSERT_TRUE(testing::waitFor([&] { return training; }, 60000));
    m_window->findChild<QPushButton*>("stopButton")->click();
    ASSERT_TRUE(cancelled.count() > 0 || cancelled.wait(60000));  // how soon: TrainingWorkerTest.StopCancelsWithinAStep
    EXPECT_EQ(m_window->workspace()->currentModel(), previous);
    EXPECT_TRUE(m_window->findChild<QPushButton*>("trainButton")->isEnabled());
    ASSERT_TRUE(m_window->workspace()->scores());  // the folder's scores stay those of the model that stays
    EXPECT_EQ(m_window->workspace()->scores()->models.back(), previous);
}

TEST_F(WindowWithModel, ACorruptModelIsRefusedAndTheCurrentOneStays) {
    trainAndWait();
    const auto current = m_window->workspace()->currentModel();
    const std::string saved = m_output.file("blur.twinsight");
    ASSERT_TRUE(m_window->workspace()->saveModel(QString::fromStdString(saved)));
    ASSERT_TRUE(testing::waitForWrites(*m_window));
    std::string bytes = core::readWholeFile(saved);
    bytes[bytes.size() / 2] ^= 0x5A;  // damage the weights
    const std::string corrupt = m_output.file("corrupt.twinsight");
    std::ofstream(corrupt, std::ios::binary) << bytes;

    QSignalSpy errors(m_window.get(), &MainWindow::errorReported);
    QSignalSpy changed(m_window.get(), &MainWindow::modelChanged);
    m_window->openModelFile(QString::fromStdString(corrupt));
    ASSERT_TRUE(errors.wait(30000));
    EXPECT_TRUE(errors.first().at(0).toString().contains("corrupt.twinsight"))
        << errors.first().at(0).toString().toStdString();
    EXPECT_EQ(m_window->workspace()->currentModel(), current);
    EXPECT_EQ(changed.count(), 0);

    // A good file opens, scores the folder and studies it (its held-out images are not known).
    QSignalSpy studied(m_window.get(), &MainWindow::studyUpdated);
    QSignalSpy scored(m_window.get(), &MainWindow::scoresUpdated);
    m_window->openModelFile(QString::fromStdString(saved));
    ASSERT_TRUE(changed.wait(30000));
    EXPECT_NE(m_window->workspace()->currentModel(), current);
    ASSERT_TRUE(scored.count() > 0 || scored.wait(60000));
    ASSERT_TRUE(studied.count() > 0 || studied.wait(120000));
    EXPECT_GT(m_window->correlationPlot()->pointCount(), 0);
    EXPECT_TRUE(m_window->modelInfo()->text().contains("blur.twinsight"));
}

TEST_F(WindowWithModel, SelectingAnImageReadsItsFileOnceForTheImageThePreviewAndTheSweep) {
    trainAndWait();
    const QStringList paths = m_window->browser()->paths();
    ASSERT_GE(paths.size(), 2);
    const QString path = paths.at(paths.at(1) == m_window->browser()->selectedPath() ? 2 : 1);
    QSignalSpy swept(m_window.get(), &MainWindow::sweepUpdated);
    testing::startCountingOpens(m_images.path().string() + "/");
    ASSERT_TRUE(m_window->browser()->selectPath(path));
    ASSERT_TRUE(swept.wait(60000));
    const std::map<std::string, int> opens = testing::stopCountingOpens();
    // One decode, shared by the Image tab, the Preview (its working-size copy) and the sweep; before: three.
    const auto found = opens.find(path.toStdString());
    EXPECT_EQ(found == opens.end() ? 0 : found->second, 1);
    // The sweep's own point is the estimate the folder's scores hold, not a second network pass.
    const int row = m_window->browser()->model()->rowOf(path);
    ASSERT_TRUE(m_window->browser()->model()->hasEstimate(row));
    EXPECT_DOUBLE_EQ(m_window->sweepPlot()->ownEstimate(),
                     m_window->browser()->model()->index(row).data(ImageGridModel::EstimateRole).toDouble());
}

TEST_F(WindowWithModel, SavingAndExportingReturnToTheEventLoopBeforeTheFileIsWritten) {
    trainAndWait();
    // A write that waits for the test holds the writer's one thread, so what is asked after it stays queued.
    std::promise<void> release;
    const std::shared_future<void> released = release.get_future().share();
    FileWriter* writer = m_window->workspace()->fileWriter();
    writer->writeWith(QString::fromStdString(m_output.file("held")), [released] { released.wait(); });
    QSignalSpy written(writer, &FileWriter::written);
    const std::string model = m_output.file("blur.twinsight");
    const std::string csv = m_output.file("scores.csv");

    ASSERT_TRUE(m_window->workspace()->saveModel(QString::fromStdString(model)));
    ASSERT_TRUE(m_window->workspace()->exportScores(QString::fromStdString(csv)));
    // Both came back while nothing could be written: the UI thread never waited on a file.
    EXPECT_FALSE(fs::exists(model));
    EXPECT_FALSE(fs::exists(csv));
    EXPECT_EQ(writer->pendingWrites(), 3);
    EXPECT_FALSE(m_window->modelInfo()->text().contains("blur.twinsight"));

    release.set_value();
    ASSERT_TRUE(testing::waitForWrites(*m_window));
    ASSERT_EQ(written.count(), 3);  // in the order asked
    EXPECT_EQ(written.at(1).at(0).toString().toStdString(), model);
    EXPECT_EQ(written.at(2).at(0).toString().toStdString(), csv);
    EXPECT_EQ(core::readWholeFile(csv).rfind("path,score,estimate,in_range\n", 0), 0U);
    EXPECT_NO_THROW(core::TrainedModel::load(model));
    EXPECT_TRUE(m_window->modelInfo()->text().contains("blur.twinsight"));  // the model now says where it is saved

    // A write that fails is reported in one line naming the file, after the call has returned.
    QSignalSpy errors(m_window.get(), &MainWindow::errorReported);
    const std::string unwritable = m_output.file("missing-folder/scores.csv");
    ASSERT_TRUE(m_window->workspace()->exportScores(QString::fromStdString(unwritable)));
    ASSERT_TRUE(errors.wait(30000));
    EXPECT_TRUE(errors.first().at(0).toString().contains(QString::fromStdString(unwritable)))
        << errors.first().at(0).toString().toStdString();
    EXPECT_FALSE(fs::exists(unwritable));
}

TEST_F(WindowWithModel, ExportsWriteScoresFlaggedListAndPlots) {
    trainAndWait();
    const auto before = QDir(QString::fromStdString(m_images.path().string())).entryList(QDir::Files);
    const std::string csv = m_output.file("scores.csv");
    ASSERT_TRUE(m_window->workspace()->exportScores(QString::fromStdString(csv)));
    ASSERT_TRUE(testing::waitForWrites(*m_window));
    const std::string text = core::readWholeFile(csv);
    EXPECT_EQ(text.rfind("path,score,estimate,in_range\n", 0), 0U);
    EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 17);  // header and 16 images

    flagTheMoreBlurredHalf();
    const std::string list = m_output.file("flagged.txt");
    ASSERT_TRUE(m_window->exportFlagged(QString::fromStdString(list)));
    ASSERT_TRUE(testing::waitForWrites(*m_window));
    EXPECT_EQ(core::readWholeFile(list).rfind(m_window->rankingPanel()->flaggedPaths().first().toStdString(), 0), 0U);

    for (const char* format : {"png", "pdf", "svg"}) {
        const std::string path = m_output.file(std::string("correlation.") + format);
        ASSERT_NO_THROW(savePlot(m_window->correlationPlot()->plot(), QString::fromStdString(path)));
        EXPECT_GT(fs::file_size(path), 1000U) << format;
        EXPECT_FALSE(fs::exists(path + ".part"));
    }
    EXPECT_EQ(core::readWholeFile(m_output.file("correlation.svg")).rfind("<?xml", 0), 0U);
    EXPECT_EQ(core::readWholeFile(m_output.file("correlation.pdf")).rfind("%PDF", 0), 0U);
    EXPECT_THROW(savePlot(m_window->sweepPlot()->plot(), QString::fromStdString(m_output.file("x.bmp"))),
                 std::runtime_error);
    // Nothing was written into the image folder.
    EXPECT_EQ(QDir(QString::fromStdString(m_images.path().string())).entryList(QDir::Files), before);
}

}  // namespace
}  // namespace twinsight::ui
