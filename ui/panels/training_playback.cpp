#include "ui/panels/training_playback.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

namespace twinsight::ui {

namespace {
// The limits TrainerConfig::validate and TrainingControl::adjust accept.
constexpr double kSmallestLearningRate = 1e-5;
constexpr int kLargestBatch = 4096;
constexpr int kStepsOfStepTen = 10;
}  // namespace

TrainingPlayback::TrainingPlayback(QWidget* parent)
    : QWidget(parent),
      m_pause(new QPushButton(tr("Pause"), this)),
      m_step(new QPushButton(tr("Step"), this)),
      m_stepTen(new QPushButton(tr("Step 10"), this)),
      m_learningRate(new QDoubleSpinBox(this)),
      m_batchSize(new QSpinBox(this)),
      m_crossShare(new QDoubleSpinBox(this)),
      m_hint(new QLabel(this)) {
    setObjectName("trainingPlayback");
    m_pause->setObjectName("pauseButton");
    m_step->setObjectName("stepButton");
    m_stepTen->setObjectName("stepTenButton");
    m_step->setToolTip(tr("One step (one batch of pairs), then hold"));
    m_stepTen->setToolTip(tr("Ten steps, then hold"));
    m_learningRate->setObjectName("learningRateSpin");
    m_learningRate->setDecimals(5);
    m_learningRate->setRange(kSmallestLearningRate, 1.0);
    m_learningRate->setSingleStep(0.0005);
    m_learningRate->setToolTip(tr("How far each step moves the weights (the base of the schedule)"));
    m_batchSize->setObjectName("pausedBatchSpin");
    m_batchSize->setRange(1, kLargestBatch);
    m_batchSize->setToolTip(tr("Pairs per step"));
    m_crossShare->setObjectName("crossShareSpin");
    m_crossShare->setDecimals(2);
    m_crossShare->setRange(0.0, 1.0);
    m_crossShare->setSingleStep(0.05);
    m_crossShare->setToolTip(tr("Share of pairs whose two copies come from two different images"));
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_hint->setWordWrap(true);

    // Narrow: it sits in the side panel under Train and Stop, which is 300 px wide at 1024 x 768.
    auto* buttons = new QHBoxLayout;
    for (QPushButton* button : {m_pause, m_step, m_stepTen}) buttons->addWidget(button, 1);
    auto* settings = new QFormLayout;
    settings->addRow(tr("Learning rate"), m_learningRate);
    settings->addRow(tr("Batch size"), m_batchSize);
    settings->addRow(tr("Cross-image share"), m_crossShare);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(buttons);
    layout->addLayout(settings);
    layout->addWidget(m_hint);

    connect(m_pause, &QPushButton::clicked, this,
            [this] { m_paused ? emit resumeRequested() : emit pauseRequested(); });
    connect(m_step, &QPushButton::clicked, this, [this] { emit stepRequested(1); });
    connect(m_stepTen, &QPushButton::clicked, this, [this] { emit stepRequested(kStepsOfStepTen); });
    connect(m_learningRate, &QDoubleSpinBox::valueChanged, this,
            [this](double rate) { emit adjustRequested({rate, std::nullopt, std::nullopt}); });
    connect(m_batchSize, &QSpinBox::valueChanged, this,
            [this](int size) { emit adjustRequested({std::nullopt, size, std::nullopt}); });
    connect(m_crossShare, &QDoubleSpinBox::valueChanged, this,
            [this](double share) { emit adjustRequested({std::nullopt, std::nullopt, share}); });
    updateEnabled();
}

void TrainingPlayback::setRunning(bool running) {
    m_running = running;
    if (!running) m_paused = false;
    updateEnabled();
}

void TrainingPlayback::setPaused(bool paused) {
    m_paused = paused;
    updateEnabled();
}

void TrainingPlayback::showSettings(double learningRate, int batchSize, double crossImageShare) {
    // What the training reports is shown, not sent back as a change.
    const QSignalBlocker rate(m_learningRate), batch(m_batchSize), share(m_crossShare);
    if (!m_learningRate->hasFocus()) m_learningRate->setValue(learningRate);
    if (!m_batchSize->hasFocus()) m_batchSize->setValue(batchSize);
    if (!m_crossShare->hasFocus()) m_crossShare->setValue(crossImageShare);
}

void TrainingPlayback::updateEnabled() {
    m_pause->setEnabled(m_running);
    m_pause->setText(m_paused ? tr("Resume") : tr("Pause"));
    m_step->setEnabled(m_running);
    m_stepTen->setEnabled(m_running);
    for (QWidget* setting : std::initializer_list<QWidget*>{m_learningRate, m_batchSize, m_crossShare})
        setting->setEnabled(m_running && m_paused);
    m_hint->setText(!m_running  ? tr("While a training runs: pause it, step it, change its settings.")
                    : m_paused ? tr("Paused: change a setting, then Step or Resume; the curves mark the change.")
                               : tr("Pause to change the settings."));
}

}  // namespace twinsight::ui
