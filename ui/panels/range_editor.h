#pragma once
// Minimum and maximum of a transformation's magnitude range: reset to its default range when the transformation
// changes, kept inside its valid range, and never with the minimum at or above the maximum.

#include <QWidget>

#include "core/degrade/transform.h"

class QDoubleSpinBox;
class QLabel;

namespace twinsight::ui {

class RangeEditor : public QWidget {
    Q_OBJECT
public:
    explicit RangeEditor(QWidget* parent = nullptr);

    // Limits the spin boxes to the valid range and sets the default range.
    void setTransform(const core::Transform& transform);
    core::Range range() const;
    // Returns false and changes nothing when `range` is not valid for the transformation (outside its valid range,
    // or minimum not below maximum).
    bool setRange(const core::Range& range);
    // The smallest step the spin boxes show, which is also the least gap kept between minimum and maximum.
    double resolution() const;

signals:
    void rangeChanged();

private:
    void updateLimits();

    QDoubleSpinBox* m_min;
    QDoubleSpinBox* m_max;
    QLabel* m_unit;
    core::Range m_valid;
};

}  // namespace twinsight::ui
