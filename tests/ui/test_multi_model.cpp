// Several models at once: the grid shows each model's value, the CSV has one column set per model, a second model of
// the same transformation replaces the first, the profile chart has a bar per model, and XMP sidecars are listed by a
// dry run and written only on Write. The folder mixes PNGs with a multi-frame DICOM file and a DNG.

#include <gtest/gtest.h>

#include <QAbstractItemView>
#include <QComboBox>
#include <QDir>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <algorithm>
#include <filesystem>
#include <map>
#include <sstream>

#include "core/base/atomic_file.h"
#include "support/dicom_writer.h"
#include "support/dng_writer.h"
#include "support/temp_folder.h"
#include "ui/browser/image_browser.h"
#include "ui/browser/image_grid_model.h"
#include "ui/panels/ranking_panel.h"
#include "ui/panels/xmp_dialog.h"
#include "ui/plots/profile_chart.h"
#include "ui/window/main_window.h"
#include "ui/workspace/workspace.h"
#include "ui_test_support.h"

namespace twinsight::ui {
namespace {
namespace fs = std::filesystem;

// Scenes, a DICOM file of three frames and a DNG: ten images, seven whole files.
constexpr int kImages = 10;
constexpr int kWholeFiles = 7;  // the scenes and the DNG

void writeMixedFolder(const testing::TempFolder& folder) {
    testing::writeScenes(folder.path().string(), 6, /*seed=*/8);
    testing::DicomSpec series;
    for (int value : {40, 120, 200}) {
        cv::Mat frame(96, 128, CV_8UC1);
        cv::randu(frame, cv::Scalar(value - 30), cv::Scalar(value + 30));
        series.frames.push_back(frame);
    }
    testing::writeDicom(folder.file("ct.dcm"), series);
    testing::DngContent dng;
    cv::Mat colour(120, 160, CV_8UC3);
    cv::randu(colour, cv::Scalar::all(30), cv::Scalar::all(220));
    dng.mosaic = testing::bayerMosaic(colour);
    testing::writeDng(folder.file("IMG_0002.dng"), dng);
}

// Every XMP property of `sidecar` as exiv2's command-line tool reads it: independent of the code under test.
std::map<std::string, std::string> exiv2Properties(const std::string& sidecar) {
    EXPECT_TRUE(fs::exists(sidecar)) << sidecar;
    QProcess exiv2;
    exiv2.start("exiv2", {"-PXkv", QString::fromStdString(sidecar)});
    EXPECT_TRUE(exiv2.waitForFinished(10000));
    std::map<std::string, std::string> properties;
    std::istringstream lines(exiv2.readAllStandardOutput().toStdString());
    for (std::string key, value; lines >> key && std::getline(lines >> std::ws, value);) properties[key] = value;
    return properties;
}

class MultiModelWindow : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_models = new testing::TempFolder;
        testing::TempFolder scenes;
        testing::writeScenes(scenes.path().string(), 10, /*seed=*/5);
        testing::trainModelFile(testing::quickConfig("blur"), scenes.path().string(), s_models->file("blur.twinsight"));
        testing::trainModelFile(testing::quickConfig("noise"), scenes.path().string(),
                                s_models->file("noise.twinsight"));
        core::TrainerConfig again = testing::quickConfig("blur", /*steps=*/20);
        again.seed = 2;
        testing::trainModelFile(again, scenes.path().string(), s_models->file("blur-again.twinsight"));
        testing::trainModelFile(testing::quickConfig("brightness"), scenes.path().string(),
                                s_models->file("brightness.twinsight"));
    }
    static void TearDownTestSuite() {
        delete s_models;
        s_models = nullptr;
    }

    void SetUp() override {
        writeMixedFolder(m_images);
        int images = 0;
        m_window = testing::openWindowOn(m_images.path().string(), &images);
        ASSERT_TRUE(m_window);
        ASSERT_EQ(images, kImages);
    }

    // Opens a model file and waits until the folder is scored with every open model.
    void openAndScore(const std::string& name) {
        QSignalSpy scored(m_window.get(), &MainWindow::scoresUpdated);
        QSignalSpy failed(m_window.get(), &MainWindow::errorReported);
        m_window->openModelFile(QString::fromStdString(s_models->file(name)));
        ASSERT_TRUE(scored.wait(120000)) << (failed.isEmpty() ? "" : failed.first().at(0).toString().toStdString());
        ASSERT_EQ(m_window->workspace()->scores()->models.size(),
                  static_cast<std::size_t>(m_window->workspace()->models().size()));
    }

    // The current model's estimates of the folder, in increasing order.
    std::vector<double> sortedEstimates() const {
        const int column = m_window->workspace()->currentColumn();
        std::vector<double> estimates;
        for (const auto& row : m_window->workspace()->scores()->scores.estimates)
            estimates.push_back(row[static_cast<std::size_t>(column)].estimate);
        std::sort(estimates.begin(), estimates.end());
        return estimates;
    }

    static inline testing::TempFolder* s_models = nullptr;
    testing::TempFolder m_images;
    testing::TempFolder m_output;
    std::unique_ptr<MainWindow> m_window;
};

TEST_F(MultiModelWindow, TwoTransformationsGiveEveryImageBothValuesAndTheCsvBothColumnSets) {
    openAndScore("blur.twinsight");
    openAndScore("noise.twinsight");
    ASSERT_EQ(m_window->workspace()->models().size(), 2);
    EXPECT_EQ(m_window->workspace()->currentModel()->metadata().transform,
              "noise");  // the most recently opened is current
    const ImageGridModel* grid = m_window->browser()->model();
    for (int row = 0; row < grid->rowCount(); ++row) {
        const QModelIndex index = grid->index(row);
        const QVariantList values = index.data(ImageGridModel::EstimatesRole).toList();
        ASSERT_EQ(values.size(), 2) << row;
        EXPECT_TRUE(values[0].isValid() && values[1].isValid()) << row;
        const QString caption = index.data(ImageGridModel::CaptionRole).toString();
        EXPECT_TRUE(caption.contains("blur") && caption.contains("noise")) << caption.toStdString();
        EXPECT_EQ(index.data(ImageGridModel::CurrentLineRole).toInt(), 1);
        EXPECT_DOUBLE_EQ(index.data(ImageGridModel::EstimateRole).toDouble(), values[1].toDouble());
    }
    // The cells grew a line for the second model.
    auto* view = m_window->browser()->findChild<QAbstractItemView*>("imageGrid");
    ASSERT_TRUE(testing::waitFor([&] { return view->visualRect(view->model()->index(0, 0)).height() > 138; }, 5000));

    const std::string csv = m_output.file("scores.csv");
    ASSERT_TRUE(m_window->workspace()->exportScores(QString::fromStdString(csv)));
    ASSERT_TRUE(testing::waitForWrites(*m_window));
    const std::string text = core::readWholeFile(csv);
    EXPECT_EQ(text.rfind("path,score_blur,estimate_blur,in_range_blur,score_noise,estimate_noise,in_range_noise\n", 0),
              0U)
        << text.substr(0, 120);
    EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), kImages + 1);
    EXPECT_NE(text.find("ct.dcm#3,"), std::string::npos);

    // The profile chart shows one bar per model for the selected image, each within its range.
    auto* profile = m_window->findChild<ProfileChart*>("profileChart");
    ASSERT_EQ(profile->barCount(), 2);
    EXPECT_TRUE(profile->barLabel(0).startsWith("blur ")) << profile->barLabel(0).toStdString();
    EXPECT_TRUE(profile->barLabel(1).startsWith("noise ")) << profile->barLabel(1).toStdString();
    const auto folderScores = m_window->workspace()->scores();
    const auto& names = folderScores->scores.paths;
    const auto row = std::find(names.begin(), names.end(), m_window->browser()->selectedPath().toStdString());
    ASSERT_NE(row, names.end()) << "an image is selected";
    for (int bar = 0; bar < 2; ++bar) {  // where the selected image's estimate lies in that model's range
        const core::Range range = folderScores->models[bar]->metadata().range;
        const double estimate = folderScores->scores.estimates[std::size_t(row - names.begin())][bar].estimate;
        EXPECT_NEAR(profile->barValue(bar), std::clamp((estimate - range.min) / (range.max - range.min), 0.0, 1.0),
                    1e-9);
    }

    // Picking blur as current: the score roles, the sorting and the ranking follow it, without scoring again.
    QSignalSpy scoredAgain(m_window.get(), &MainWindow::scoresUpdated);
    m_window->findChild<QComboBox*>("modelCombo")->setCurrentIndex(0);
    EXPECT_EQ(m_window->workspace()->currentModel()->metadata().transform, "blur");
    m_window->browser()->setSortOrder(ImageBrowser::SortOrder::ScoreDescending);
    double previous = 1e9;
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        const QModelIndex index = view->model()->index(row, 0);
        const double score = index.data(ImageGridModel::ScoreRole).toDouble();
        EXPECT_LE(score, previous);
        previous = score;
        const int source = grid->rowOf(index.data(ImageGridModel::PathRole).toString());
        EXPECT_DOUBLE_EQ(score, grid->estimatesAt(source)[0].score);
    }
    EXPECT_EQ(scoredAgain.count(), 0);

    // Closing noise keeps blur's scores: one model again, and the CSV is the single-model format.
    m_window->workspace()->closeModel(1);
    ASSERT_EQ(m_window->workspace()->models().size(), 1);
    ASSERT_TRUE(m_window->workspace()->scores());
    EXPECT_EQ(profile->barCount(), 1);
    ASSERT_TRUE(m_window->workspace()->exportScores(QString::fromStdString(csv)));
    ASSERT_TRUE(testing::waitForWrites(*m_window));
    EXPECT_EQ(core::readWholeFile(csv).rfind("path,score,estimate,in_range\n", 0), 0U);
}

TEST_F(MultiModelWindow, SwitchingTheCurrentModelMovesTheCurrentLineWithoutRebuildingTheGrid) {
    openAndScore("blur.twinsight");
    openAndScore("noise.twinsight");
    const ImageGridModel* grid = m_window->browser()->model();
    QSignalSpy changed(grid, &QAbstractItemModel::dataChanged);
    m_window->workspace()->setCurrentModel(0);
    ASSERT_FALSE(changed.isEmpty());
    for (const QList<QVariant>& signal : changed) {
        const auto roles = signal.at(2).value<QList<int>>();
        // The estimates and captions stay; only what follows the current model changes.
        EXPECT_FALSE(roles.contains(ImageGridModel::EstimatesRole));
        EXPECT_FALSE(roles.contains(ImageGridModel::CaptionRole));
    }
    const QModelIndex first = grid->index(0);
    EXPECT_EQ(first.data(ImageGridModel::CurrentLineRole).toInt(), 0);
    EXPECT_DOUBLE_EQ(first.data(ImageGridModel::EstimateRole).toDouble(),
                     first.data(ImageGridModel::EstimatesRole).toList().at(0).toDouble());
}

TEST_F(MultiModelWindow, ASecondModelOfTheSameTransformationReplacesTheFirst) {
    openAndScore("blur.twinsight");
    openAndScore("noise.twinsight");
    const auto noise = m_window->workspace()->models().entries()[1].model;
    openAndScore("blur-again.twinsight");
    ASSERT_EQ(m_window->workspace()->models().size(), 2);
    const ModelSet::Entry& blur = m_window->workspace()->models().entries()[0];
    EXPECT_EQ(blur.source, "blur-again.twinsight");
    EXPECT_EQ(blur.model, m_window->workspace()->currentModel());
    EXPECT_EQ(m_window->workspace()->models().entries()[1].model, noise);
    EXPECT_TRUE(m_window->statusBar()->currentMessage().contains("replaces"))
        << m_window->statusBar()->currentMessage().toStdString();
    EXPECT_EQ(m_window->findChild<QComboBox*>("modelCombo")->count(), 2);
}

TEST_F(MultiModelWindow, XmpDryRunWritesNothingAndWriteCreatesSidecarsThatParseBack) {
    openAndScore("blur.twinsight");
    openAndScore("noise.twinsight");
    // Flag the noisier half by the noise model's threshold (the current model's, set on the ranking) and nothing by
    // the blur model's, so that some whole files are flagged and some are not.
    std::vector<double> estimates;
    for (const auto& row : m_window->workspace()->scores()->scores.estimates) estimates.push_back(row[1].estimate);
    std::sort(estimates.begin(), estimates.end());
    m_window->workspace()->setFlagThresholds(0, {});
    m_window->rankingPanel()->setThresholds({std::nullopt, (estimates[kImages / 2 - 1] + estimates[kImages / 2]) / 2.0});
    const QStringList flagged = m_window->rankingPanel()->flaggedPaths();
    ASSERT_EQ(flagged.size(), kImages / 2);
    const QString folder = QString::fromStdString(m_images.path().string());
    const QStringList before = QDir(folder).entryList(QDir::Files);

    XmpDialog* dialog = m_window->openSidecarDialog();
    ASSERT_NE(dialog, nullptr);
    QSignalSpy listed(dialog, &XmpDialog::dryRunFinished);
    dialog->findChild<QPushButton*>("xmpDryRun")->click();
    ASSERT_TRUE(listed.wait(30000));
    EXPECT_EQ(listed.first().at(0).toInt(), kWholeFiles);
    const QString output = dialog->findChild<QPlainTextEdit*>("xmpOutput")->toPlainText();
    EXPECT_EQ(output.count("xmp:Rating="), kWholeFiles) << output.toStdString();
    EXPECT_TRUE(output.contains("3 frames")) << output.toStdString();
    EXPECT_EQ(QDir(folder).entryList(QDir::Files), before);  // a dry run writes nothing

    auto* label = dialog->findChild<QComboBox*>("xmpLabel");
    label->setCurrentIndex(label->findText("Blue"));
    QSignalSpy written(dialog, &XmpDialog::writeFinished);
    dialog->findChild<QPushButton*>("xmpWrite")->click();
    EXPECT_TRUE(dialog->isBusy());
    ASSERT_TRUE(written.wait(30000));
    EXPECT_EQ(written.first().at(0).toInt(), kWholeFiles);
    EXPECT_TRUE(written.first().at(1).toStringList().isEmpty());
    EXPECT_EQ(QDir(folder).entryList({"*.xmp"}, QDir::Files).size(), kWholeFiles);
    EXPECT_FALSE(fs::exists(m_images.file("ct.dcm.xmp")));  // frames get no sidecar

    int flaggedFiles = 0;
    for (const QString& path : m_window->browser()->paths()) {
        if (path.contains('#')) continue;
        auto properties = exiv2Properties(path.toStdString() + ".xmp");
        const bool isFlagged = flagged.contains(path);
        flaggedFiles += isFlagged ? 1 : 0;
        const std::string rating = properties["Xmp.xmp.Rating"];
        if (isFlagged) {
            EXPECT_EQ(rating, "1") << path.toStdString();
        } else {
            EXPECT_TRUE(rating >= "2" && rating <= "5") << path.toStdString() << ": " << rating;
        }
        EXPECT_EQ(properties["Xmp.xmp.Label"], isFlagged ? "Blue" : "") << path.toStdString();
        EXPECT_EQ(properties.count("Xmp.twinsight.BlurScore"), 1U);
        EXPECT_EQ(properties.count("Xmp.twinsight.NoiseScore"), 1U);
    }
    EXPECT_GT(flaggedFiles, 0);
    EXPECT_LT(flaggedFiles, kWholeFiles);
}

TEST_F(MultiModelWindow, AFolderWithADicomSeriesAndADngShowsTheirThumbnails) {
    ImageBrowser* browser = m_window->browser();
    ASSERT_TRUE(testing::waitFor([&] { return !browser->thumbnailsLoading(); }, 60000));
    EXPECT_EQ(browser->skippedCount(), 0);
    for (const char* name : {"ct.dcm#1", "ct.dcm#2", "ct.dcm#3", "IMG_0002.dng"}) {
        const int row = browser->model()->rowOf(QString::fromStdString(m_images.file(name)));
        ASSERT_GE(row, 0) << name;
        const QImage thumbnail = browser->model()->index(row).data(Qt::DecorationRole).value<QImage>();
        EXPECT_FALSE(thumbnail.isNull()) << name;
    }
}

// A signed transformation flags both tails: darker than one threshold or brighter than the other.
TEST_F(MultiModelWindow, ATwoSidedThresholdFlagsBothTails) {
    openAndScore("brightness.twinsight");
    const FlagThresholds defaults = m_window->rankingPanel()->thresholds();
    ASSERT_TRUE(defaults.below && defaults.above);
    EXPECT_DOUBLE_EQ(*defaults.below, -*defaults.above);  // the noticeable magnitude on both sides of 0
    const std::vector<double> estimates = sortedEstimates();
    const double low = (estimates[1] + estimates[2]) / 2.0, high = (estimates[7] + estimates[8]) / 2.0;
    m_window->rankingPanel()->setThresholds({low, high});
    const QStringList flagged = m_window->rankingPanel()->flaggedPaths();
    ASSERT_EQ(flagged.size(), 4);  // the two darkest and the two brightest
    int darker = 0, brighter = 0;
    for (const QString& path : flagged) {
        const double estimate = (*m_window->workspace()->estimatesOf(path))[0].estimate;
        darker += estimate < low ? 1 : 0;
        brighter += estimate > high ? 1 : 0;
    }
    EXPECT_EQ(darker, 2);
    EXPECT_EQ(brighter, 2);
}

// An image is flagged when any open model's rule holds, and the grid says which model flags it.
TEST_F(MultiModelWindow, TwoModelsFlagTogetherAndTheGridSaysWhich) {
    openAndScore("blur.twinsight");
    openAndScore("noise.twinsight");
    const std::vector<double> noise = sortedEstimates();
    m_window->rankingPanel()->setThresholds({std::nullopt, (noise[6] + noise[7]) / 2.0});  // the 3 noisiest
    m_window->workspace()->setCurrentModel(0);
    const std::vector<double> blur = sortedEstimates();
    m_window->rankingPanel()->setThresholds({std::nullopt, (blur[5] + blur[6]) / 2.0});  // the 4 most blurred
    const FlagThresholds blurRule = m_window->workspace()->models().entries()[0].flags;
    const FlagThresholds noiseRule = m_window->workspace()->models().entries()[1].flags;
    const ImageGridModel* grid = m_window->browser()->model();
    int expected = 0;
    for (int row = 0; row < grid->rowCount(); ++row) {
        const QString path = grid->index(row).data(ImageGridModel::PathRole).toString();
        const auto& estimates = *m_window->workspace()->estimatesOf(path);
        QList<int> flaggingModels;
        if (blurRule.holds(estimates[0].estimate)) flaggingModels << 0;
        if (noiseRule.holds(estimates[1].estimate)) flaggingModels << 1;
        expected += flaggingModels.isEmpty() ? 0 : 1;
        EXPECT_EQ(grid->index(row).data(ImageGridModel::FlaggingLinesRole).value<QList<int>>(), flaggingModels)
            << path.toStdString();
        EXPECT_EQ(m_window->workspace()->flaggedPaths().contains(path), !flaggingModels.isEmpty());
    }
    EXPECT_GE(expected, 4);
    EXPECT_EQ(m_window->rankingPanel()->flaggedPaths(), m_window->workspace()->flaggedPaths());
}

// Thresholds are remembered per model: closing and reopening its file brings them back; another model of the same
// transformation starts at the default.
TEST_F(MultiModelWindow, ThresholdsSurviveReopeningTheModel) {
    openAndScore("blur.twinsight");
    const FlagThresholds chosen{0.05, 0.25};
    m_window->rankingPanel()->setThresholds(chosen);
    m_window->workspace()->closeModel(0);
    ASSERT_TRUE(m_window->workspace()->models().empty());
    openAndScore("blur.twinsight");
    EXPECT_TRUE(m_window->workspace()->models().entries()[0].flags == chosen);
    EXPECT_TRUE(m_window->rankingPanel()->thresholds() == chosen);
    openAndScore("blur-again.twinsight");
    const FlagThresholds fresh = m_window->workspace()->models().entries()[0].flags;
    EXPECT_TRUE(fresh == defaultFlagThresholds(m_window->workspace()->currentModel()->metadata()));
}

}  // namespace
}  // namespace twinsight::ui
