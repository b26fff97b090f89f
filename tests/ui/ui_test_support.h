#pragma once
// Helpers shared by the UI tests and the screenshot tool: waiting on the event loop, generated image folders,
// small training settings, and a meter of the longest event-loop stall.

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>
#include <functional>
#include <memory>
#include <string>

#include "core/training/trainer.h"

namespace twinsight::ui {
class MainWindow;
class TrainingPanel;
}  // namespace twinsight::ui

namespace twinsight::testing {

// Runs the event loop until `condition` holds or `timeoutMs` passes; returns whether it holds.
bool waitFor(const std::function<bool()>& condition, int timeoutMs);

// Writes `count` sample scenes (PNG, 480 x 360) into `folder`.
void writeScenes(const std::string& folder, int count, std::uint64_t seed);

// Writes `count` small JPEG photos (scenes at `width` px wide) into `folder`: a big folder made quickly.
void writeJpegs(const std::string& folder, int count, int width);

// Settings that train in seconds on two cores: 40 steps of 8 pairs, working size 128, input 48, CPU.
void useQuickTraining(ui::TrainingPanel& panel, int steps = 40);

// The same settings as a trainer configuration for `transform`.
core::TrainerConfig quickConfig(const std::string& transform, int steps = 40);

// Trains on the images of `folder` without any window and saves the model to `path` (a model file for tests that
// open several models). Throws what the trainer throws.
void trainModelFile(const core::TrainerConfig& config, const std::string& folder, const std::string& path);

// Waits until every file `window` handed to its FileWriter is written (or has failed); returns whether that
// happened within `timeoutMs`.
bool waitForWrites(const ui::MainWindow& window, int timeoutMs = 30000);

// A shown 1280 x 800 main window, error dialogs off, that has opened `folder`; nullptr when the folder was not ready
// within 30 s. `imageCount`, when given, gets the number of images the folder opened with.
std::unique_ptr<ui::MainWindow> openWindowOn(const std::string& folder, int* imageCount = nullptr);

// Records the longest gap between ticks of a 5 ms timer: how long the UI thread was kept from its event loop.
class StallMeter : public QObject {
public:
    static constexpr int kTickMs = 5;
    StallMeter();
    void start();
    void stop();
    // Longest gap beyond the tick itself, ms.
    double longestStallMs() const { return m_longest; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    double m_longest = 0.0;
};

}  // namespace twinsight::testing
