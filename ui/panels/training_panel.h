#pragma once
// The training controls: transformation and range, steps, batch size, device, seed, Train and Stop, and the
// progress of the running training.

#include <QWidget>

#include "core/model/device.h"
#include "ui/jobs/training_types.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSettings;
class QSpinBox;
class QWidget;

namespace twinsight::ui {

class RangeEditor;
class TrainingPlayback;

class TrainingPanel : public QWidget {
    Q_OBJECT
public:
    explicit TrainingPanel(QWidget* parent = nullptr);

    // Enables CUDA in the device list, or greys it out with the reason.
    void setDeviceSupport(const core::DeviceSupport& support);
    // Once the event loop runs (the window is on screen), loads the network module off the UI thread and shows
    // the devices it finds; until then CUDA can be chosen, and a training asks for it by itself.
    void probeDevicesInBackground();

    core::TrainerConfig config() const;
    QString transformName() const;
    core::Range range() const;
    // Selects a transformation by name (its default range follows); false for an unknown name.
    bool setTransform(const QString& name);
    RangeEditor* rangeEditor() const { return m_range; }
    // Pause, step and the settings while paused, under Train and Stop.
    TrainingPlayback* playback() const { return m_playback; }

    void setRunning(bool running);
    void setTrainEnabled(bool enabled);
    void showUpdate(const TrainingUpdate& update);
    void showStatus(const QString& text);

    void saveSettings(QSettings& settings) const;
    void restoreSettings(const QSettings& settings);

signals:
    void trainRequested();
    void stopRequested();
    void transformChanged(const QString& name);
    void rangeChanged();
    void workingSizeChanged(int size);

private:
    QWidget* makeTransformGroup();
    QWidget* makeTrainingGroup();
    QWidget* makeAdvancedOptions();
    // The steps box's "Default" names the current transformation's steps.
    void showDefaultSteps();

    QComboBox* m_transform;
    RangeEditor* m_range;
    QSpinBox* m_steps;
    QCheckBox* m_thorough;
    QSpinBox* m_batch;
    QComboBox* m_device;
    QSpinBox* m_seed;
    QSpinBox* m_workingSize;
    QSpinBox* m_inputSize;
    QPushButton* m_train;
    QPushButton* m_stop;
    TrainingPlayback* m_playback;
    QProgressBar* m_progress;
    QLabel* m_status;
    bool m_running = false;
    bool m_trainEnabled = true;
};

// "1:05" or "12 s": a time left as a person reads it.
QString formatDuration(double seconds);

}  // namespace twinsight::ui
