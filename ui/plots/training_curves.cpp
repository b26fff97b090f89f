#include "ui/plots/training_curves.h"

#include <qcustomplot.h>

#include <QVBoxLayout>
#include <algorithm>

#include "ui/plots/plot_style.h"

namespace twinsight::ui {
namespace {
// Weight of the newest loss in the smoothed curve: about the last 20 steps, which evens out batch noise.
constexpr double kSmoothing = 0.05;
// RankNet's loss when the network guesses (log 2): the top of the loss axis at first.
constexpr double kChanceLoss = 0.6931;
}  // namespace

TrainingCurves::TrainingCurves(QWidget* parent) : QWidget(parent), m_plot(createPlot(this, &m_title)) {
    m_plot->setObjectName("trainingPlot");
    setPlotTitle(m_title, tr("Training loss and validation pair accuracy"));
    m_loss = m_plot->addGraph();
    m_loss->setName(tr("loss (each step)"));
    QColor faint = plot_colours::kPrimary;
    faint.setAlpha(70);
    m_loss->setPen(QPen(faint, 1));
    m_smoothLoss = m_plot->addGraph();
    m_smoothLoss->setName(tr("loss (smoothed)"));
    m_smoothLoss->setPen(QPen(plot_colours::kPrimary, 2.2));
    m_accuracy = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis2);
    m_accuracy->setName(tr("validation pair accuracy"));
    m_accuracy->setPen(QPen(plot_colours::kSecondary, 2.2));
    m_accuracy->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, plot_colours::kSecondary, Qt::white, 7));

    m_plot->xAxis->setLabel(tr("step"));
    m_plot->yAxis->setLabel(tr("loss (RankNet)"));
    m_plot->yAxis2->setVisible(true);
    m_plot->yAxis2->setLabel(tr("pair accuracy"));
    m_plot->yAxis2->setRange(0.4, 1.0);
    m_plot->legend->setVisible(true);
    // Bottom right stays free: the loss falls towards the bottom left, the accuracy rises along the top.
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    reset(100);
}

void TrainingCurves::reset(int totalSteps) {
    for (QCPGraph* graph : {m_loss, m_smoothLoss, m_accuracy}) graph->data()->clear();
    for (QCPAbstractItem* item : m_marks) m_plot->removeItem(item);
    m_marks.clear();
    m_smoothed = 0.0;
    m_highestLoss = kChanceLoss;
    m_plot->xAxis->setRange(0, std::max(1, totalSteps));
    m_plot->yAxis->setRange(0, kChanceLoss * 1.25);
    m_plot->yAxis2->setRange(0.4, 1.0);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void TrainingCurves::addUpdate(const TrainingUpdate& update) {
    if (update.phase != TrainingUpdate::Phase::Training) return;
    for (const QPointF& point : update.losses) {
        m_smoothed = m_loss->dataCount() == 0 ? point.y() : (1 - kSmoothing) * m_smoothed + kSmoothing * point.y();
        m_loss->addData(point.x(), point.y());
        m_smoothLoss->addData(point.x(), m_smoothed);
        m_highestLoss = std::max(m_highestLoss, m_smoothed);  // single noisy batches may leave the plot
    }
    for (const int step : update.adjustedAt) addMark(step, update);
    if (update.validated) {
        m_accuracy->addData(update.done, update.valPairAccuracy);
        if (update.valPairAccuracy < m_plot->yAxis2->range().lower) m_plot->yAxis2->setRangeLower(0.0);
    }
    m_plot->yAxis->setRange(0, m_highestLoss * 1.25);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void TrainingCurves::addMark(int step, const TrainingUpdate& update) {
    auto* line = new QCPItemStraightLine(m_plot);
    line->point1->setCoords(step, 0);
    line->point2->setCoords(step, 1);
    line->setPen(QPen(QColor(90, 90, 90), 1.5, Qt::DashLine));
    auto* label = new QCPItemText(m_plot);
    label->position->setTypeX(QCPItemPosition::ptPlotCoords);
    label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    label->position->setCoords(step, 0.02);
    label->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    label->setPadding(QMargins(4, 2, 4, 2));
    label->setBrush(QColor(255, 255, 255, 220));
    label->setText(tr("lr %1\nbatch %2\ncross %3")
                       .arg(update.learningRate, 0, 'g', 3)
                       .arg(update.batchSize)
                       .arg(update.crossImageShare, 0, 'f', 2));
    m_marks.push_back(line);
    m_marks.push_back(label);
}

int TrainingCurves::lossPoints() const { return m_loss->dataCount(); }

int TrainingCurves::accuracyPoints() const { return m_accuracy->dataCount(); }

}  // namespace twinsight::ui
