// The training controls: transformation and range, device list, configuration and settings.

#include <gtest/gtest.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QSettings>
#include <QSpinBox>
#include <QStandardItemModel>

#include "support/temp_folder.h"
#include "ui/panels/range_editor.h"
#include "ui/panels/training_panel.h"

namespace twinsight::ui {
namespace {

TEST(TrainingPanel, ListsEveryTransformationWithUnitAndDescriptionAsTooltip) {
    TrainingPanel panel;
    auto* combo = panel.findChild<QComboBox*>("transformCombo");
    ASSERT_EQ(combo->count(), static_cast<int>(core::allTransforms().size()));
    for (int i = 0; i < combo->count(); ++i) {
        const core::Transform& transform = core::findTransform(combo->itemData(i).toString().toStdString());
        const QString tooltip = combo->itemData(i, Qt::ToolTipRole).toString();
        EXPECT_TRUE(tooltip.contains(QString::fromStdString(transform.unit()))) << tooltip.toStdString();
        EXPECT_TRUE(tooltip.contains(QString::fromStdString(transform.description()))) << tooltip.toStdString();
    }
}

TEST(TrainingPanel, ChangingTheTransformationResetsTheRange) {
    TrainingPanel panel;
    ASSERT_TRUE(panel.rangeEditor()->setRange({1.0, 3.0}));
    EXPECT_DOUBLE_EQ(panel.range().max, 3.0);
    auto* combo = panel.findChild<QComboBox*>("transformCombo");
    combo->setCurrentIndex(combo->findData("brightness"));
    EXPECT_DOUBLE_EQ(panel.range().min, -80.0);
    EXPECT_DOUBLE_EQ(panel.range().max, 80.0);
    EXPECT_EQ(panel.config().transform, "brightness");
    combo->setCurrentIndex(combo->findData("blur"));
    EXPECT_DOUBLE_EQ(panel.range().min, 0.0);
    EXPECT_DOUBLE_EQ(panel.range().max, 5.0);
}

TEST(TrainingPanel, RangeRefusesInvalidValues) {
    TrainingPanel panel;  // blur: default 0-5, valid 0-20
    auto* minimum = panel.findChild<QDoubleSpinBox*>("rangeMin");
    auto* maximum = panel.findChild<QDoubleSpinBox*>("rangeMax");
    minimum->setValue(9.0);  // above the maximum: held below it
    EXPECT_LT(panel.range().min, panel.range().max);
    maximum->setValue(500.0);  // beyond the valid range
    EXPECT_DOUBLE_EQ(panel.range().max, 20.0);
    minimum->setValue(-3.0);
    EXPECT_DOUBLE_EQ(panel.range().min, 0.0);
    EXPECT_FALSE(panel.rangeEditor()->setRange({4.0, 4.0}));
    EXPECT_FALSE(panel.rangeEditor()->setRange({-1.0, 4.0}));
    EXPECT_NO_THROW(core::findTransform("blur").checkRange(panel.range()));
}

TEST(TrainingPanel, CudaIsGreyedOutWithTheReasonWhenUnavailable) {
    TrainingPanel panel;
    auto* combo = panel.findChild<QComboBox*>("deviceCombo");
    combo->setCurrentIndex(combo->findData("cuda"));
    panel.setDeviceSupport({false, 0, "no CUDA GPU found"});
    const auto* model = qobject_cast<QStandardItemModel*>(combo->model());
    const QStandardItem* cuda = model->item(combo->findData("cuda"));
    EXPECT_FALSE(cuda->isEnabled());
    EXPECT_TRUE(cuda->toolTip().contains("no CUDA GPU found"));
    EXPECT_EQ(panel.config().device, "auto");  // moved off the unusable choice
    panel.setDeviceSupport({true, 1, ""});
    EXPECT_TRUE(cuda->isEnabled());
}

TEST(TrainingPanel, ConfigAndSettingsRoundTrip) {
    testing::TempFolder folder;
    QSettings settings(QString::fromStdString(folder.file("settings.ini")), QSettings::IniFormat);
    {
        TrainingPanel panel;
        auto* combo = panel.findChild<QComboBox*>("transformCombo");
        combo->setCurrentIndex(combo->findData("rotation"));
        ASSERT_TRUE(panel.rangeEditor()->setRange({-10.0, 12.0}));
        panel.findChild<QSpinBox*>("stepsSpin")->setValue(321);
        panel.findChild<QSpinBox*>("seedSpin")->setValue(77);
        panel.saveSettings(settings);
    }
    TrainingPanel restored;
    restored.restoreSettings(settings);
    const core::TrainerConfig config = restored.config();
    EXPECT_EQ(config.transform, "rotation");
    ASSERT_TRUE(config.range.has_value());
    EXPECT_DOUBLE_EQ(config.range->min, -10.0);
    EXPECT_DOUBLE_EQ(config.range->max, 12.0);
    EXPECT_EQ(config.steps, 321);
    EXPECT_EQ(config.seed, 77U);
    EXPECT_NO_THROW(config.validate());
}

TEST(TrainingPanel, DefaultStepsFollowTheTransformationAndThoroughIsKept) {
    testing::TempFolder folder;
    QSettings settings(QString::fromStdString(folder.file("settings.ini")), QSettings::IniFormat);
    {
        TrainingPanel panel;
        auto* steps = panel.findChild<QSpinBox*>("stepsSpin");
        auto* combo = panel.findChild<QComboBox*>("transformCombo");
        combo->setCurrentIndex(combo->findData("blur"));
        EXPECT_EQ(steps->text(), "Default (20000)");
        EXPECT_FALSE(panel.config().steps.has_value());
        combo->setCurrentIndex(combo->findData("rotation"));
        EXPECT_EQ(steps->text(), "Default (1500)");
        EXPECT_EQ(panel.config().totalSteps(), 1500);
        panel.findChild<QCheckBox*>("thoroughCheck")->setChecked(true);
        EXPECT_EQ(panel.config().totalSteps(), 4500);
        panel.saveSettings(settings);
    }
    TrainingPanel restored;
    restored.restoreSettings(settings);
    EXPECT_TRUE(restored.config().thorough);
    EXPECT_FALSE(restored.config().steps.has_value());
    // Settings written before the steps followed the transformation hold the former default: read as Default.
    settings.remove("training/thorough");
    settings.setValue("training/steps", 600);
    TrainingPanel migrated;
    migrated.restoreSettings(settings);
    EXPECT_FALSE(migrated.config().steps.has_value());
}

TEST(TrainingPanel, FormatsTimeLeft) {
    EXPECT_EQ(formatDuration(12.4), "12 s");
    EXPECT_EQ(formatDuration(65.0), "1:05");
}

}  // namespace
}  // namespace twinsight::ui
