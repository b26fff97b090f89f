#include "ui/panels/model_info_panel.h"

#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSignalBlocker>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>
#include <cmath>

#include "ui/support/figure_text.h"

namespace twinsight::ui {
namespace {

QString number(double value, int decimals) { return QLocale().toString(value, 'f', decimals); }

}  // namespace

QString localTime(const QString& iso8601) {
    const QDateTime time = QDateTime::fromString(iso8601, Qt::ISODate);
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat) : iso8601;
}

ModelInfoPanel::ModelInfoPanel(QWidget* parent)
    : QWidget(parent),
      m_models(new QComboBox(this)),
      m_close(new QToolButton(this)),
      m_picker(new QWidget(this)),
      m_form(new QFormLayout),
      m_empty(new QLabel(tr("No model yet: train one, or open a .twinsight file."), this)),
      m_save(new QPushButton(tr("Save model…"), this)),
      m_open(new QPushButton(tr("Open model…"), this)) {
    setObjectName("modelInfo");
    const QStringList names = {tr("Transformation"),
                               tr("Range"),
                               tr("Sizes"),
                               tr("Training"),
                               tr("Time"),
                               tr("Images"),
                               tr("Pair accuracy"),
                               tr("Pearson · Spearman"),
                               tr("90% interval"),
                               tr("Estimate error"),
                               tr("Device"),
                               tr("Created"),
                               tr("File")};
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    for (int row = 0; row < kRows; ++row) {
        // Plain, unwrapped labels: a change of text never makes the dock lay itself out again from scratch.
        m_values[row] = new QLabel(this);
        m_values[row]->setTextFormat(Qt::PlainText);
        m_values[row]->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_values[row]->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        auto* name = new QLabel(names[row], this);
        name->setForegroundRole(QPalette::PlaceholderText);
        m_form->addRow(name, m_values[row]);
    }
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_save->setObjectName("saveModelButton");
    m_open->setObjectName("openModelButton");
    connect(m_save, &QPushButton::clicked, this, &ModelInfoPanel::saveRequested);
    connect(m_open, &QPushButton::clicked, this, &ModelInfoPanel::openRequested);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_open);
    buttons->addWidget(m_save);
    buildPicker();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_picker);
    layout->addWidget(m_empty);
    layout->addLayout(m_form);
    layout->addLayout(buttons);
    clear();
}

void ModelInfoPanel::buildPicker() {
    m_models->setObjectName("modelCombo");
    m_models->setToolTip(
        tr("The current model: training results, sweep, correlation and ranking follow it; the "
           "folder is scored with every open model"));
    m_models->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_models->setMinimumContentsLength(12);
    m_close->setObjectName("closeModelButton");
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setToolTip(tr("Close the current model"));
    m_close->setAutoRaise(true);
    connect(m_models, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0) emit currentModelRequested(index);
    });
    connect(m_close, &QToolButton::clicked, this, [this] {
        if (m_models->currentIndex() >= 0) emit closeModelRequested(m_models->currentIndex());
    });
    auto* row = new QHBoxLayout(m_picker);
    row->setContentsMargins(0, 0, 0, 4);
    auto* label = new QLabel(tr("Current"), m_picker);
    label->setForegroundRole(QPalette::PlaceholderText);
    row->addWidget(label);
    row->addWidget(m_models, 1);
    row->addWidget(m_close);
    m_picker->setVisible(false);
}

void ModelInfoPanel::setOpenModels(const QStringList& labels, int current) {
    const QSignalBlocker blocker(m_models);
    m_models->clear();
    m_models->addItems(labels);
    m_models->setCurrentIndex(current);
    m_picker->setVisible(!labels.isEmpty());
}

void ModelInfoPanel::setRow(Row row, const QString& value) {
    m_values[row]->setText(value);
    m_values[row]->setToolTip(value);
}

void ModelInfoPanel::setModel(const core::ModelMetadata& metadata, const QString& deviceName, const QString& source) {
    const core::TrainingSummary& training = metadata.training;
    const QString unit = QString::fromStdString(metadata.unit);
    setRow(Transform, QString::fromStdString(metadata.transform));
    setRow(Range,
           QStringLiteral("%1 to %2 %3").arg(number(metadata.range.min, 2), number(metadata.range.max, 2), unit));
    setRow(Sizes, tr("%1 px, input %2 px").arg(metadata.workingSize).arg(metadata.inputSize));
    m_values[Sizes]->setToolTip(tr("Shorter side at load %1 px; the network sees %2 px %3")
                                    .arg(metadata.workingSize)
                                    .arg(metadata.inputSize)
                                    .arg(metadata.view == core::View::Patches ? tr("crops") : tr("whole frames")));
    setRow(Steps, tr("%1 steps × %2 pairs").arg(training.steps).arg(training.batchSize));
    setRow(Time, tr("%1 s · %2 pairs/s").arg(number(training.seconds, 0), number(training.pairsPerSecond, 0)));
    setRow(Images, tr("%1 + %2 held out").arg(training.trainImages).arg(training.validationImages));
    const QString rough = roughNote(training.validationImages);
    if (!rough.isEmpty()) {
        setRow(Images, tr("%1 + %2 held out · rough").arg(training.trainImages).arg(training.validationImages));
        m_values[Images]->setToolTip(tr("The figures below are rough: %1").arg(rough));
    } else {
        m_values[Images]->setToolTip(QString());
    }
    setRow(Accuracy, tr("%1% (%2)")
                         .arg(number(training.valPairAccuracy * 100.0, 1))
                         .arg(intervalText(training.valPairAccuracyInterval, 1, 100.0)));
    m_values[Accuracy]->setToolTip(
        tr("Share of held-out image pairs the model orders right; in brackets where it "
           "would lie on 90% of other held-out sets like this one (bootstrap over the "
           "held-out images)"));
    setRow(Correlation, QStringLiteral("%1 · %2").arg(number(training.valPearson, 3), number(training.valSpearman, 3)));
    m_values[Correlation]->setToolTip(tr("Score against true magnitude over the held-out images, pooled"));
    setRow(Interval, QStringLiteral("%1 · %2").arg(intervalText(training.valPearsonInterval, 2),
                                                   intervalText(training.valSpearmanInterval, 2)));
    m_values[Interval]->setToolTip(
        tr("Where Pearson and Spearman would lie on 90% of other held-out sets like this "
           "one (bootstrap over the held-out images); a different kind of photo can "
           "fall outside"));
    setRow(EstimateError, std::isfinite(training.valMedianAbsError)
                              ? tr("%1 %2 (median)").arg(number(training.valMedianAbsError, 2), unit)
                              : tr("unknown"));
    m_values[EstimateError]->setToolTip(
        tr("How far the estimate in %1 lies from the true magnitude, each held-out image judged by a calibration "
           "fitted without it; the calibration uses %2 images' sweeps")
            .arg(unit)
            .arg(training.calibrationImages));
    setRow(Device, training.threads > 0 && training.device == "cpu"
                       ? (training.threads == 1
                              ? tr("%1, 1 thread").arg(QString::fromStdString(training.device))
                              : tr("%1, %2 threads").arg(QString::fromStdString(training.device)).arg(training.threads))
                       : QString::fromStdString(training.device));
    m_values[Device]->setToolTip(
        tr("Trained on %1; scoring on %2").arg(QString::fromStdString(training.device), deviceName));
    setRow(Created, localTime(QString::fromStdString(metadata.created)));
    m_values[Created]->setToolTip(
        tr("Twinsight %1, %2")
            .arg(QString::fromStdString(metadata.appVersion), QString::fromStdString(metadata.created)));
    setRow(Source, source);
    m_empty->setVisible(false);
    for (int row = 0; row < kRows; ++row) m_form->setRowVisible(row, true);
    m_save->setEnabled(true);
}

void ModelInfoPanel::clear() {
    for (int row = 0; row < kRows; ++row) {
        m_values[row]->clear();
        m_form->setRowVisible(row, false);
    }
    m_empty->setVisible(true);
    m_save->setEnabled(false);
}

QString ModelInfoPanel::text() const {
    QString text;
    for (int row = 0; row < kRows; ++row) {
        const auto* name = qobject_cast<QLabel*>(m_form->itemAt(row, QFormLayout::LabelRole)->widget());
        text += name->text() + ": " + m_values[row]->text() + "\n";
    }
    return text;
}

void ModelInfoPanel::setSaveEnabled(bool enabled) { m_save->setEnabled(enabled); }

void ModelInfoPanel::setOpenEnabled(bool enabled) { m_open->setEnabled(enabled); }

}  // namespace twinsight::ui
