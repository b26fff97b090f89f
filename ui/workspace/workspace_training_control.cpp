// The Workspace's hold on a running training: pause, resume, step and adjust (the rest of the Workspace is in
// workspace.cpp).
#include <stdexcept>

#include "core/imageio/image_loading.h"
#include "ui/jobs/training_controller.h"
#include "ui/workspace/workspace.h"

namespace twinsight::ui {

void Workspace::pauseTraining() {
    if (!isTraining() || isTrainingPaused()) return;
    m_controller->pause();
    emit trainingPausedChanged(true);
}

void Workspace::resumeTraining() {
    if (!isTraining() || !isTrainingPaused()) return;
    m_controller->resume();
    emit trainingPausedChanged(false);
}

void Workspace::stepTraining(int steps) {
    if (!isTraining()) return;
    const bool wasPaused = isTrainingPaused();
    m_controller->step(steps);
    if (!wasPaused) emit trainingPausedChanged(true);  // it holds again after those steps
}

void Workspace::adjustTraining(const core::TrainingAdjustment& adjustment) {
    if (!isTraining()) return;
    try {
        m_controller->adjust(adjustment);
    } catch (const std::invalid_argument& error) {
        emit errorOccurred(tr("Training settings"), QString::fromStdString(error.what()));
    }
}

bool Workspace::isTrainingPaused() const { return m_controller->isPaused(); }

void Workspace::watchSelectedImage() {
    if (!isTraining()) return;
    // From the copy already decoded for the window: no file is read for it.
    m_controller->watch(m_selected ? core::toWorkingSize(m_selected->decoded, m_trainingWorkingSize) : cv::Mat());
}

}  // namespace twinsight::ui
