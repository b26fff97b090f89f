#include "ui/plots/sweep_plot.h"

#include <qcustomplot.h>

#include <QFileInfo>
#include <QVBoxLayout>
#include <algorithm>
#include <limits>

#include "ui/plots/plot_style.h"

namespace twinsight::ui {

SweepPlot::SweepPlot(QWidget* parent) : QWidget(parent), m_plot(createPlot(this, &m_title)) {
    m_plot->setObjectName("sweepPlot");
    m_score = m_plot->addGraph();
    m_score->setName(tr("score"));
    m_score->setPen(QPen(plot_colours::kPrimary, 2.2));
    m_score->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 5));
    m_estimate = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis2);
    m_estimate->setName(tr("calibrated estimate"));
    m_estimate->setPen(QPen(plot_colours::kSecondary, 2.2));
    m_ideal = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis2);
    m_ideal->setName(tr("estimate = magnitude"));
    m_ideal->setPen(QPen(plot_colours::kMuted, 1.2, Qt::DashLine));
    m_own = m_plot->addGraph();
    m_own->setName(tr("this image as it is"));
    m_own->setLineStyle(QCPGraph::lsNone);
    m_own->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssDiamond, QPen(plot_colours::kBad, 2), QColor(255, 255, 255), 13));
    m_ownLine = new QCPItemStraightLine(m_plot);
    m_ownLine->setPen(QPen(plot_colours::kBad, 1.2, Qt::DashLine));
    m_ownLabel = new QCPItemText(m_plot);
    m_ownLabel->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
    m_ownLabel->setColor(plot_colours::kBad);
    m_ownLabel->setPadding(QMargins(4, 2, 4, 2));

    m_plot->yAxis->setLabel(tr("score"));
    m_plot->yAxis2->setVisible(true);
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    clear(tr("Train or open a model to see how its score follows the magnitude on the selected image."));
}

void SweepPlot::setSweep(const SweepResult& sweep, const QString& transform, const QString& unit) {
    QVector<double> magnitudes, scores, estimates;
    for (const core::SweepRow& row : sweep.rows) {
        magnitudes << row.magnitude;
        scores << row.score;
        estimates << row.estimate;
    }
    if (magnitudes.isEmpty()) return clear(tr("No sweep for this image."));
    m_live = false;
    for (QCPLayerable* calibrated : std::initializer_list<QCPLayerable*>{m_estimate, m_ideal, m_own, m_plot->yAxis2})
        calibrated->setVisible(true);
    for (QCPGraph* graph : {m_estimate, m_ideal, m_own}) {
        if (!m_plot->legend->hasItemWithPlottable(graph)) graph->addToLegend();
    }
    m_score->setData(magnitudes, scores, /*alreadySorted=*/true);
    m_estimate->setData(magnitudes, estimates, true);
    m_ideal->setData({magnitudes.front(), magnitudes.back()}, {magnitudes.front(), magnitudes.back()}, true);
    m_own->setData({sweep.own.estimate}, {sweep.own.score});
    m_ownLine->setVisible(true);
    m_ownLine->point1->setCoords(magnitudes.front(), sweep.own.score);
    m_ownLine->point2->setCoords(magnitudes.back(), sweep.own.score);
    m_ownLabel->setVisible(true);
    m_ownLabel->position->setCoords(magnitudes.front(), sweep.own.score);
    m_ownLabel->setText(tr("this image: score %1, estimate %2 %3%4")
                            .arg(sweep.own.score, 0, 'f', 2)
                            .arg(sweep.own.estimate, 0, 'f', 2)
                            .arg(unit, sweep.own.inRange ? QString() : tr(" (outside the trained range)")));
    setPlotTitle(m_title, tr("Sweep of %1: %2 from %3 to %4 %5")
                              .arg(QFileInfo(sweep.path).fileName(), transform)
                              .arg(magnitudes.front())
                              .arg(magnitudes.back())
                              .arg(unit));
    m_plot->xAxis->setLabel(tr("%1 added (%2)").arg(transform, unit));
    m_plot->yAxis2->setLabel(tr("estimate (%1)").arg(unit));
    m_plot->xAxis->setRange(magnitudes.front(), magnitudes.back());
    bool found = false;
    QCPRange scoreRange = m_score->getValueRange(found);
    scoreRange.expand(sweep.own.score);
    const double margin = std::max(1e-3, scoreRange.size() * 0.08);
    m_plot->yAxis->setRange(scoreRange.lower - margin, scoreRange.upper + margin);
    QCPRange estimateRange = m_estimate->getValueRange(found);
    estimateRange.expand(magnitudes.front());
    estimateRange.expand(magnitudes.back());
    m_plot->yAxis2->setRange(estimateRange.lower, estimateRange.upper);
    m_plot->legend->setVisible(true);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void SweepPlot::clear(const QString& message) {
    for (QCPGraph* graph : {m_score, m_estimate, m_ideal, m_own}) graph->data()->clear();
    m_ownLine->setVisible(false);
    m_ownLabel->setVisible(false);
    setPlotTitle(m_title, message);
    m_plot->legend->setVisible(false);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void SweepPlot::setLiveSweep(const SweepResult& sweep, const QString& transform, const QString& unit, int step) {
    setSweep(sweep, transform, unit);
    if (sweep.rows.empty()) return;
    m_live = true;
    // Without a calibration there is no estimate: no estimate axis, and the image's own point (placed at its
    // estimate) is left out; its score stays as the dashed line.
    for (QCPLayerable* calibrated : std::initializer_list<QCPLayerable*>{m_estimate, m_ideal, m_own, m_plot->yAxis2})
        calibrated->setVisible(false);
    for (QCPGraph* graph : {m_estimate, m_ideal, m_own}) graph->removeFromLegend();
    m_ownLabel->setText(tr("this image: score %1").arg(sweep.own.score, 0, 'f', 2));
    setPlotTitle(m_title, tr("Sweep of %1 while training, step %2: %3 from %4 to %5 %6 (raw scores; the estimate comes "
                             "at the end)")
                              .arg(QFileInfo(sweep.path).fileName())
                              .arg(step)
                              .arg(transform)
                              .arg(sweep.rows.front().magnitude)
                              .arg(sweep.rows.back().magnitude)
                              .arg(unit));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

int SweepPlot::pointCount() const { return m_score->dataCount(); }

double SweepPlot::ownEstimate() const {
    return m_own->data()->isEmpty() ? std::numeric_limits<double>::quiet_NaN() : m_own->data()->at(0)->key;
}

}  // namespace twinsight::ui
