#include "ui/panels/training_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <cmath>
#include <limits>

#include "ui/jobs/background.h"
#include "ui/panels/range_editor.h"
#include "ui/panels/training_playback.h"
#include "ui/support/disclosure.h"

namespace twinsight::ui {

QString formatDuration(double seconds) {
    const int whole = static_cast<int>(std::lround(std::max(0.0, seconds)));
    if (whole < 60) return QObject::tr("%1 s").arg(whole);
    return QStringLiteral("%1:%2").arg(whole / 60).arg(whole % 60, 2, 10, QLatin1Char('0'));
}

TrainingPanel::TrainingPanel(QWidget* parent)
    : QWidget(parent),
      m_transform(new QComboBox(this)),
      m_range(new RangeEditor(this)),
      m_steps(new QSpinBox(this)),
      m_thorough(new QCheckBox(tr("Thorough"), this)),
      m_batch(new QSpinBox(this)),
      m_device(new QComboBox(this)),
      m_seed(new QSpinBox(this)),
      m_workingSize(new QSpinBox(this)),
      m_inputSize(new QSpinBox(this)),
      m_train(new QPushButton(tr("Train"), this)),
      m_stop(new QPushButton(tr("Stop"), this)),
      m_playback(new TrainingPlayback(this)),
      m_progress(new QProgressBar(this)),
      m_status(new QLabel(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(makeTransformGroup());
    layout->addWidget(makeTrainingGroup());

    connect(m_transform, &QComboBox::currentIndexChanged, this, [this] {
        const QString name = transformName();
        showDefaultSteps();
        m_range->setTransform(core::findTransform(name.toStdString()));
        m_transform->setToolTip(m_transform->currentData(Qt::ToolTipRole).toString());
        emit transformChanged(name);
    });
    connect(m_range, &RangeEditor::rangeChanged, this, &TrainingPanel::rangeChanged);
    connect(m_inputSize, &QSpinBox::valueChanged, this, [this](int input) { m_workingSize->setMinimum(input); });
    connect(m_workingSize, &QSpinBox::valueChanged, this, &TrainingPanel::workingSizeChanged);
    connect(m_train, &QPushButton::clicked, this, &TrainingPanel::trainRequested);
    connect(m_stop, &QPushButton::clicked, this, &TrainingPanel::stopRequested);
    m_range->setTransform(core::findTransform(transformName().toStdString()));
    m_transform->setToolTip(m_transform->currentData(Qt::ToolTipRole).toString());
    showDefaultSteps();
    setRunning(false);
}

void TrainingPanel::showDefaultSteps() {
    const int steps = core::findTransform(transformName().toStdString()).defaultSteps();
    m_steps->setSpecialValueText(tr("Default (%1)").arg(steps));
    m_steps->setToolTip(tr("Training steps; Default is %1 for %2, as many as fit in about 90 s on two cores")
                            .arg(steps)
                            .arg(transformName()));
}

QWidget* TrainingPanel::makeTransformGroup() {
    auto* group = new QGroupBox(tr("Transformation"), this);
    m_transform->setObjectName("transformCombo");
    for (const core::Transform* transform : core::allTransforms()) {
        const QString name = QString::fromStdString(transform->name());
        m_transform->addItem(name, name);
        const int index = m_transform->count() - 1;
        m_transform->setItemData(
            index,
            tr("%1 (unit: %2)")
                .arg(QString::fromStdString(transform->description()), QString::fromStdString(transform->unit())),
            Qt::ToolTipRole);
    }
    auto* form = new QFormLayout(group);
    form->addRow(tr("Learn"), m_transform);
    form->addRow(tr("Range"), m_range);
    return group;
}

QWidget* TrainingPanel::makeTrainingGroup() {
    const core::TrainerConfig defaults;
    auto* group = new QGroupBox(tr("Training"), this);
    m_steps->setObjectName("stepsSpin");
    // 0 reads "Default": the transformation's own steps, which follow it when it changes.
    m_steps->setRange(0, 1000000);
    m_steps->setSingleStep(100);
    m_steps->setSpecialValueText(tr("Default"));
    m_steps->setValue(0);
    m_thorough->setObjectName("thoroughCheck");
    m_thorough->setToolTip(tr("Train %1 times the steps: about 3-4 minutes on 2 cores instead of about one, for "
                              "the figures the README lists; seconds on a GPU")
                               .arg(core::kThoroughStepFactor));
    m_batch->setObjectName("batchSpin");
    m_batch->setRange(1, 4096);
    m_batch->setValue(defaults.batchSize);
    m_batch->setSuffix(tr(" pairs"));
    m_device->setObjectName("deviceCombo");
    m_device->addItem(tr("Auto"), "auto");
    m_device->addItem(tr("CPU"), "cpu");
    m_device->addItem(tr("CUDA"), "cuda");
    m_device->setToolTip(tr("Looking for a CUDA GPU..."));
    m_seed->setObjectName("seedSpin");
    m_seed->setRange(0, std::numeric_limits<int>::max());
    m_seed->setValue(static_cast<int>(defaults.seed));
    m_progress->setVisible(false);
    m_train->setObjectName("trainButton");
    m_train->setDefault(true);
    m_stop->setObjectName("stopButton");
    m_progress->setObjectName("trainingProgress");
    m_status->setObjectName("trainingStatus");
    // Unwrapped, and never wider than the panel: a new status each step must not re-lay out the dock.
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    auto* form = new QFormLayout;
    auto* steps = new QHBoxLayout;
    steps->addWidget(m_steps, 1);
    steps->addWidget(m_thorough);
    form->addRow(tr("Steps"), steps);
    form->addRow(tr("Batch size"), m_batch);
    form->addRow(tr("Device"), m_device);
    form->addRow(tr("Seed"), m_seed);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_train, 1);
    buttons->addWidget(m_stop, 1);
    auto* layout = new QVBoxLayout(group);
    layout->addLayout(form);
    layout->addWidget(makeAdvancedOptions());
    layout->addLayout(buttons);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_playback);
    return group;
}

QWidget* TrainingPanel::makeAdvancedOptions() {
    const core::TrainerConfig defaults;
    auto* box = new QWidget(this);
    auto* sizes = new QWidget(box);
    m_workingSize->setObjectName("workingSizeSpin");
    m_workingSize->setRange(defaults.inputSize, 4096);
    m_workingSize->setValue(defaults.workingSize);
    m_workingSize->setSuffix(tr(" px"));
    m_workingSize->setKeyboardTracking(false);  // one change per edit, not one per digit typed
    m_workingSize->setToolTip(
        tr("Shorter side every image is brought to at load; magnitudes are in pixels at this size"));
    m_inputSize->setObjectName("inputSizeSpin");
    m_inputSize->setRange(16, 512);
    m_inputSize->setValue(defaults.inputSize);
    m_inputSize->setSuffix(tr(" px"));
    m_inputSize->setToolTip(tr("Side of the crops (or whole frames) the network sees"));
    auto* form = new QFormLayout(sizes);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Working size"), m_workingSize);
    form->addRow(tr("Network input"), m_inputSize);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(makeDisclosureToggle(tr("Image sizes"), sizes, box));
    layout->addWidget(sizes);
    return box;
}

void TrainingPanel::setDeviceSupport(const core::DeviceSupport& support) {
    auto* model = qobject_cast<QStandardItemModel*>(m_device->model());
    QStandardItem* cuda = model->item(2);
    cuda->setEnabled(support.cudaAvailable);
    cuda->setToolTip(support.cudaAvailable ? tr("CUDA devices found: %1").arg(support.cudaDevices)
                                           : tr("Not available: %1").arg(QString::fromStdString(support.reason)));
    if (!support.cudaAvailable && m_device->currentIndex() == 2) m_device->setCurrentIndex(0);
    m_device->setToolTip(support.cudaAvailable
                             ? tr("Auto uses CUDA")
                             : tr("Auto uses the CPU: %1").arg(QString::fromStdString(support.reason)));
}

void TrainingPanel::probeDevicesInBackground() {
    QTimer::singleShot(0, this, [this] {
        runInBackground(
            this, QThreadPool::globalInstance(), [] { return core::probeDevices(); },
            [this](const core::DeviceSupport& support) { setDeviceSupport(support); },
            [this](const QString& error) { setDeviceSupport({false, 0, error.toStdString()}); });
    });
}

core::TrainerConfig TrainingPanel::config() const {
    core::TrainerConfig config;
    config.transform = transformName().toStdString();
    config.range = m_range->range();
    if (m_steps->value() > 0) config.steps = m_steps->value();
    config.thorough = m_thorough->isChecked();
    config.batchSize = m_batch->value();
    config.device = m_device->currentData().toString().toStdString();
    config.seed = static_cast<std::uint64_t>(m_seed->value());
    config.workingSize = m_workingSize->value();
    config.inputSize = m_inputSize->value();
    return config;
}

QString TrainingPanel::transformName() const { return m_transform->currentData().toString(); }

core::Range TrainingPanel::range() const { return m_range->range(); }

bool TrainingPanel::setTransform(const QString& name) {
    const int index = m_transform->findData(name);
    if (index < 0) return false;
    m_transform->setCurrentIndex(index);
    return true;
}

void TrainingPanel::setRunning(bool running) {
    m_running = running;
    m_train->setEnabled(!running && m_trainEnabled);
    m_stop->setEnabled(running);
    m_playback->setRunning(running);
    for (QWidget* input : std::initializer_list<QWidget*>{m_transform, m_range, m_steps, m_thorough, m_batch, m_device,
                                                          m_seed, m_workingSize, m_inputSize}) {
        input->setEnabled(!running);
    }
    if (running) {
        m_progress->setVisible(true);  // hidden until the first training
        m_progress->setRange(0, 0);    // busy until the first update says how far
        m_progress->setFormat(QString());
    } else if (m_progress->maximum() == 0) {
        m_progress->setRange(0, 1);  // stopped before the first update
        m_progress->setValue(0);
    }
}

void TrainingPanel::setTrainEnabled(bool enabled) {
    m_trainEnabled = enabled;
    m_train->setEnabled(!m_running && enabled);
}

void TrainingPanel::showUpdate(const TrainingUpdate& update) {
    m_progress->setRange(0, std::max(1, update.total));
    m_progress->setValue(update.done);
    if (update.phase == TrainingUpdate::Phase::LoadingImages) {
        m_progress->setFormat(tr("Loading images %v / %m"));
        showStatus(tr("Reading images at %1 px…").arg(m_workingSize->value()));
        return;
    }
    m_progress->setFormat(tr("Step %v / %m"));
    showStatus(
        tr("%1 pairs/s · %2 left").arg(std::lround(update.pairsPerSecond)).arg(formatDuration(update.etaSeconds)));
}

void TrainingPanel::showStatus(const QString& text) { m_status->setText(text); }

void TrainingPanel::saveSettings(QSettings& settings) const {
    settings.beginGroup("training");
    settings.setValue("transform", transformName());
    settings.setValue("rangeMin", range().min);
    settings.setValue("rangeMax", range().max);
    settings.setValue("steps", m_steps->value());
    settings.setValue("thorough", m_thorough->isChecked());
    settings.setValue("batch", m_batch->value());
    settings.setValue("device", m_device->currentData());
    settings.setValue("seed", m_seed->value());
    settings.setValue("workingSize", m_workingSize->value());
    settings.setValue("inputSize", m_inputSize->value());
    settings.endGroup();
}

void TrainingPanel::restoreSettings(const QSettings& settings) {
    auto value = [&settings](const char* key) { return settings.value(QStringLiteral("training/") + key); };
    if (!value("transform").isNull()) setTransform(value("transform").toString());
    if (!value("rangeMin").isNull() && !value("rangeMax").isNull()) {
        m_range->setRange({value("rangeMin").toDouble(), value("rangeMax").toDouble()});
    }
    // Settings saved before the steps followed the transformation hold its former default, 600: that was no
    // choice of the user's.
    constexpr int kFormerDefaultSteps = 600;
    if (!value("steps").isNull()) {
        const int steps = value("steps").toInt();
        m_steps->setValue(steps == kFormerDefaultSteps && value("thorough").isNull() ? 0 : steps);
    }
    if (!value("thorough").isNull()) m_thorough->setChecked(value("thorough").toBool());
    if (!value("batch").isNull()) m_batch->setValue(value("batch").toInt());
    const int device = m_device->findData(value("device"));
    const auto* devices = qobject_cast<const QStandardItemModel*>(m_device->model());
    if (device >= 0 && devices->item(device)->isEnabled()) m_device->setCurrentIndex(device);
    if (!value("seed").isNull()) m_seed->setValue(value("seed").toInt());
    if (!value("inputSize").isNull()) m_inputSize->setValue(value("inputSize").toInt());
    if (!value("workingSize").isNull()) m_workingSize->setValue(value("workingSize").toInt());
}

}  // namespace twinsight::ui
