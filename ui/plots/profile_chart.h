#pragma once
// The selected image's profile over the open models: one bar per model showing where its estimate lies within that
// model's range (left end: the range's minimum, right end: its maximum), labelled with the value and unit, so that
// "sharp, but noisy and dark" shows at a glance.

#include <QWidget>
#include <vector>

#include "core/degrade/transform.h"

class QCPBars;
class QCustomPlot;
class QLabel;

namespace twinsight::ui {

struct ProfileBar {
    QString transform;
    QString unit;
    double estimate = 0.0;
    core::Range range;
    bool inRange = true;
    bool current = false;  // the current model's bar stands out
};

class ProfileChart : public QWidget {
    Q_OBJECT
public:
    explicit ProfileChart(QWidget* parent = nullptr);

    void setProfile(const std::vector<ProfileBar>& bars, const QString& imageName);
    void clear(const QString& message);

    int barCount() const { return static_cast<int>(m_values.size()); }
    // Bar `index`'s length, 0..1 of its model's range.
    double barValue(int index) const { return m_values.at(static_cast<std::size_t>(index)); }
    QString barLabel(int index) const { return m_labels.value(index); }
    QCustomPlot* plot() const { return m_plot; }

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void fitLabels();

    QLabel* m_title;
    QCustomPlot* m_plot;
    QCPBars* m_track;  // the whole range, faint, behind each bar
    QCPBars* m_bars;
    QCPBars* m_currentBar;
    std::vector<double> m_values;
    QStringList m_labels;
};

}  // namespace twinsight::ui
