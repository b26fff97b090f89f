#include "ui/panels/range_editor.h"

#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <cmath>

namespace twinsight::ui {

RangeEditor::RangeEditor(QWidget* parent)
    : QWidget(parent), m_min(new QDoubleSpinBox(this)), m_max(new QDoubleSpinBox(this)), m_unit(new QLabel(this)) {
    m_min->setObjectName("rangeMin");
    m_max->setObjectName("rangeMax");
    m_min->setToolTip(tr("Least magnitude drawn for training pairs"));
    m_max->setToolTip(tr("Greatest magnitude drawn for training pairs"));
    for (QDoubleSpinBox* box : {m_min, m_max}) {
        box->setKeyboardTracking(false);  // typing "2" on the way to "25" must not clamp the other end
        box->setAccelerated(true);
        connect(box, &QDoubleSpinBox::valueChanged, this, [this] {
            updateLimits();
            emit rangeChanged();
        });
    }
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_min, 1);
    layout->addWidget(new QLabel(QStringLiteral("–"), this));
    layout->addWidget(m_max, 1);
    layout->addWidget(m_unit);
}

void RangeEditor::setTransform(const core::Transform& transform) {
    m_valid = transform.validRange();
    const core::Range initial = transform.defaultRange();
    // Finer steps for narrow ranges (blur 0-5 px, contrast ±2 stops) than for wide ones (brightness ±80 levels).
    const bool narrow = m_valid.span() <= 40.0;
    {
        const QSignalBlocker blockMin(m_min);
        const QSignalBlocker blockMax(m_max);
        for (QDoubleSpinBox* box : {m_min, m_max}) {
            box->setDecimals(narrow ? 2 : 1);
            box->setSingleStep(narrow ? 0.1 : 1.0);
            box->setRange(m_valid.min, m_valid.max);
        }
        m_min->setValue(initial.min);
        m_max->setValue(initial.max);
        updateLimits();
    }
    m_unit->setText(QString::fromStdString(transform.unit()));
    emit rangeChanged();
}

core::Range RangeEditor::range() const { return {m_min->value(), m_max->value()}; }

double RangeEditor::resolution() const { return std::pow(10.0, -m_min->decimals()); }

bool RangeEditor::setRange(const core::Range& range) {
    const bool valid = range.min >= m_valid.min && range.max <= m_valid.max && range.max - range.min >= resolution();
    if (!valid) return false;
    {
        const QSignalBlocker blockMin(m_min);
        const QSignalBlocker blockMax(m_max);
        m_min->setRange(m_valid.min, m_valid.max);
        m_max->setRange(m_valid.min, m_valid.max);
        m_min->setValue(range.min);
        m_max->setValue(range.max);
        updateLimits();
    }
    emit rangeChanged();
    return true;
}

void RangeEditor::updateLimits() {
    // Each end stops one step short of the other, so min < max holds whatever is typed or scrolled.
    const QSignalBlocker blockMin(m_min);
    const QSignalBlocker blockMax(m_max);
    m_min->setMaximum(m_max->value() - resolution());
    m_max->setMinimum(m_min->value() + resolution());
}

}  // namespace twinsight::ui
