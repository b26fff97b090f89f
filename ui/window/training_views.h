#pragma once
// Training as the window shows it: starting and stopping it from the training panel's settings, and its progress,
// end, failure or cancellation on the panel, the curves and the pairs strip.

#include <QObject>
#include <QString>
#include <memory>

#include "ui/jobs/training_types.h"
#include "ui/window/window_layout.h"

namespace twinsight::ui {

class Workspace;

class TrainingViews : public QObject {
    Q_OBJECT
public:
    // `actions`: File > Export Lesson Sheet.
    TrainingViews(Workspace* workspace, const WindowPanels& panels, const WindowActions& actions, QObject* parent);

    // Trains on the panel's settings (aboutToStart first, so that they are saved); nothing when the workspace
    // refuses (it reports why).
    void start();
    void stop();
    // The training settings take the current model's transformation and range, unless a training is running.
    void followCurrentModel();

signals:
    void aboutToStart();
    void runningChanged();
    void errorReported(const QString& title, const QString& message);
    void statusMessage(const QString& message);

private:
    // At each validation: the correlation of the held-out images as it stands, and the selected image's sweep.
    void showLiveViews(const TrainingUpdate& update);
    void showFinished(const std::shared_ptr<const TrainingResult>& result);
    void showStopped(const QString& panelStatus);

    Workspace* m_workspace;
    WindowPanels m_panels;
    QString m_trainingUnit;
    QString m_higherReading;  // "more degraded", or for a signed transformation its direction ("brighter")
};

}  // namespace twinsight::ui
