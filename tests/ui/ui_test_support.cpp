#include "ui_test_support.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QSignalSpy>
#include <QSpinBox>
#include <QThread>
#include <algorithm>
#include <filesystem>
#include <opencv2/imgcodecs.hpp>

#include "core/imageio/image_loading.h"
#include "core/samples/sample_scenes.h"
#include "ui/jobs/file_writer.h"
#include "ui/panels/training_panel.h"
#include "ui/window/main_window.h"
#include "ui/workspace/workspace.h"

namespace twinsight::testing {

bool waitFor(const std::function<bool()>& condition, int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired()) return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(2);
    }
    return true;
}

void writeScenes(const std::string& folder, int count, std::uint64_t seed) {
    core::writeSampleScenes(folder, count, seed);
}

void writeJpegs(const std::string& folder, int count, int width) {
    std::filesystem::create_directories(folder);
    const cv::Size size(width, width * 3 / 4);
    // A handful of distinct scenes is enough: the decoder does the same work for each file.
    std::vector<cv::Mat> scenes;
    for (int i = 0; i < std::min(count, 16); ++i) scenes.push_back(core::renderSampleScene(7, i, size));
    for (int i = 0; i < count; ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "photo_%04d.jpg", i);
        cv::imwrite((std::filesystem::path(folder) / name).string(),
                    scenes[static_cast<std::size_t>(i) % scenes.size()]);
    }
}

void useQuickTraining(ui::TrainingPanel& panel, int steps) {
    panel.findChild<QSpinBox*>("stepsSpin")->setValue(steps);
    panel.findChild<QSpinBox*>("batchSpin")->setValue(8);
    panel.findChild<QSpinBox*>("inputSizeSpin")->setValue(48);
    panel.findChild<QSpinBox*>("workingSizeSpin")->setValue(128);
    auto* device = panel.findChild<QComboBox*>("deviceCombo");
    device->setCurrentIndex(device->findData("cpu"));
}

core::TrainerConfig quickConfig(const std::string& transform, int steps) {
    core::TrainerConfig config;
    config.transform = transform;
    config.steps = steps;
    config.batchSize = 8;
    config.workingSize = 128;
    config.inputSize = 48;
    config.device = "cpu";
    return config;
}

void trainModelFile(const core::TrainerConfig& config, const std::string& folder, const std::string& path) {
    const core::ImageSet images = core::loadImagesFrom({folder}, config.workingSize);
    const std::atomic_bool cancel{false};
    core::Trainer(config).run(images, {}, cancel).model.save(path);
}

StallMeter::StallMeter() {
    m_timer.setInterval(kTickMs);
    m_timer.setTimerType(Qt::PreciseTimer);
    QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
        const qint64 now = m_clock.nsecsElapsed();
        m_longest = std::max(m_longest, (now - m_last) / 1e6 - kTickMs);
        m_last = now;
    });
}

void StallMeter::start() {
    m_longest = 0.0;
    m_clock.start();
    m_last = 0;
    m_timer.start();
}

void StallMeter::stop() { m_timer.stop(); }

bool waitForWrites(const ui::MainWindow& window, int timeoutMs) {
    return waitFor([&] { return window.workspace()->fileWriter()->pendingWrites() == 0; }, timeoutMs);
}

std::unique_ptr<ui::MainWindow> openWindowOn(const std::string& folder, int* imageCount) {
    auto window = std::make_unique<ui::MainWindow>(ui::MainWindowOptions{/*errorDialogs=*/false});
    window->resize(1280, 800);
    window->show();
    QSignalSpy ready(window.get(), &ui::MainWindow::folderReady);
    window->start(QString::fromStdString(folder));
    if (!ready.wait(30000)) return nullptr;
    if (imageCount) *imageCount = ready.first().at(1).toInt();
    return window;
}

}  // namespace twinsight::testing
