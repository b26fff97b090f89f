#include "ui/panels/ranking_panel.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QSignalBlocker>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "core/base/statistics.h"
#include "ui/plots/plot_style.h"

namespace twinsight::ui {
namespace {
// Share of the folder flagged at first: a short review list to start from.
constexpr double kInitialFlaggedShare = 0.10;
// How close to the threshold line a press grabs it, px.
constexpr int kGrabDistance = 8;
}  // namespace

RankingPanel::RankingPanel(QWidget* parent)
    : QWidget(parent),
      m_plot(createPlot(this, &m_title)),
      m_directionCombo(new QComboBox(this)),
      m_thresholdSpin(new QDoubleSpinBox(this)),
      m_countLabel(new QLabel(this)),
      m_list(new QListWidget(this)) {
    m_plot->setObjectName("rankingPlot");
    m_bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_bars->setName(tr("images"));
    m_bars->setPen(Qt::NoPen);
    m_bars->setBrush(plot_colours::kPrimary);
    m_flaggedBars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_flaggedBars->setName(tr("flagged"));
    m_flaggedBars->setPen(Qt::NoPen);
    m_flaggedBars->setBrush(plot_colours::kBad);
    m_line = new QCPItemStraightLine(m_plot);
    m_line->setPen(QPen(QColor(40, 40, 40), 2, Qt::DashLine));
    m_lineLabel = new QCPItemText(m_plot);
    m_lineLabel->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_lineLabel->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_lineLabel->setPadding(QMargins(6, 4, 6, 4));
    m_plot->xAxis->setLabel(tr("score"));
    m_plot->yAxis->setLabel(tr("images"));
    m_plot->setToolTip(tr("Drag the dashed line, or click, to move the threshold"));
    connect(m_plot, &QCustomPlot::mousePress, this, &RankingPanel::onMousePress);
    connect(m_plot, &QCustomPlot::mouseMove, this, &RankingPanel::onMouseMove);
    connect(m_plot, &QCustomPlot::mouseRelease, this, [this] { m_dragging = false; });

    m_directionCombo->setObjectName("flagDirection");
    m_directionCombo->addItem(tr("above"));
    m_directionCombo->addItem(tr("below"));
    m_thresholdSpin->setObjectName("thresholdSpin");
    m_thresholdSpin->setDecimals(3);
    m_thresholdSpin->setRange(-1e6, 1e6);
    m_thresholdSpin->setSingleStep(0.05);
    m_list->setObjectName("flaggedList");
    m_countLabel->setObjectName("flaggedCount");
    m_countLabel->setWordWrap(true);  // one line would set the side column's width at 1024 px
    connect(m_directionCombo, &QComboBox::currentIndexChanged, this,
            [this](int index) { setDirection(static_cast<Direction>(index)); });
    connect(m_thresholdSpin, &QDoubleSpinBox::valueChanged, this, &RankingPanel::setThreshold);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < m_flagged.size()) emit imageActivated(m_flagged[row]);
    });

    // The label above its two controls: beside them it kept 215 px from the histogram in a 1024 px window.
    auto* controls = new QHBoxLayout;
    controls->addWidget(m_directionCombo);
    controls->addWidget(m_thresholdSpin, 1);
    auto* side = new QVBoxLayout;
    side->addWidget(new QLabel(tr("Flag scores"), this));
    side->addLayout(controls);
    auto* hint = new QLabel(tr("Drag the dashed line, or click the plot, to move the threshold."), this);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    side->addWidget(hint);
    side->addWidget(m_countLabel);
    side->addWidget(m_list, 1);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot, 3);
    layout->addLayout(side, 1);
    clear(tr("Train or open a model to rank the folder's images."));
}

void RankingPanel::setScores(const std::vector<core::ScoredFile>& scores, const QString& transform, const QString& unit,
                             const core::Calibration& calibration) {
    m_scores = scores;
    m_calibration = calibration;
    m_unit = unit;
    if (m_scores.empty()) return clear(tr("No image of the folder could be scored."));
    std::vector<double> values;
    for (const core::ScoredFile& file : m_scores) values.push_back(file.estimate.score);
    const auto [lowest, highest] = std::minmax_element(values.begin(), values.end());
    m_thresholdSpin->setRange(*lowest - 1.0, *highest + 1.0);
    setPlotTitle(m_title, tr("%1 scores of %2 images").arg(transform).arg(m_scores.size()));
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    const double share =
        m_direction == Direction::Above ? 100.0 * (1.0 - kInitialFlaggedShare) : 100.0 * kInitialFlaggedShare;
    m_threshold = std::nan("");  // makes setThreshold redraw even at the same value
    setThreshold(core::percentile(values, share));
}

void RankingPanel::clear(const QString& message) {
    m_scores.clear();
    m_bars->data()->clear();
    m_flaggedBars->data()->clear();
    m_line->setVisible(false);
    m_lineLabel->setVisible(false);
    m_plot->legend->setVisible(false);
    setPlotTitle(m_title, message);
    m_list->clear();
    m_countLabel->clear();
    const bool changed = !m_flagged.isEmpty();
    m_flagged.clear();
    if (changed) emit flaggedChanged(m_flagged);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void RankingPanel::setThreshold(double threshold) {
    if (threshold == m_threshold || m_scores.empty()) return;
    m_threshold = threshold;
    {
        const QSignalBlocker blocker(m_thresholdSpin);
        m_thresholdSpin->setValue(threshold);
    }
    drawHistogram();
    updateFlagged();
}

void RankingPanel::setDirection(Direction direction) {
    if (m_directionCombo->currentIndex() != static_cast<int>(direction)) {
        m_directionCombo->setCurrentIndex(static_cast<int>(direction));
    }
    if (direction == m_direction) return;
    m_direction = direction;
    if (m_scores.empty()) return;
    drawHistogram();
    updateFlagged();
}

bool RankingPanel::isFlagged(double score) const {
    return m_direction == Direction::Above ? score > m_threshold : score < m_threshold;
}

void RankingPanel::drawHistogram() {
    std::vector<double> values;
    for (const core::ScoredFile& file : m_scores) values.push_back(file.estimate.score);
    const auto [lowest, highest] = std::minmax_element(values.begin(), values.end());
    const int bins = std::clamp(static_cast<int>(2.0 * std::sqrt(double(values.size()))), 8, 40);
    const double width = std::max(1e-6, (*highest - *lowest) / bins);
    QVector<double> keys, normal(bins, 0.0), flagged(bins, 0.0);
    for (int bin = 0; bin < bins; ++bin) keys << *lowest + (bin + 0.5) * width;
    for (double value : values) {
        const int bin = std::clamp(static_cast<int>((value - *lowest) / width), 0, bins - 1);
        (isFlagged(value) ? flagged : normal)[bin] += 1.0;
    }
    m_bars->setWidth(width * 0.9);
    m_flaggedBars->setWidth(width * 0.9);
    m_bars->setData(keys, normal, /*alreadySorted=*/true);
    m_flaggedBars->setData(keys, flagged, true);
    m_flaggedBars->moveAbove(m_bars);
    m_line->setVisible(true);
    m_line->point1->setCoords(m_threshold, 0);
    m_line->point2->setCoords(m_threshold, 1);
    m_lineLabel->setVisible(true);
    m_lineLabel->position->setCoords(m_threshold, 0.02);
    QString label = tr("threshold %1").arg(m_threshold, 0, 'f', 2);
    if (!m_calibration.empty()) label += tr(" ≈ %1 %2").arg(m_calibration.estimate(m_threshold), 0, 'f', 2).arg(m_unit);
    m_lineLabel->setText(label);
    m_plot->rescaleAxes();
    m_plot->xAxis->setRange(std::min(*lowest, m_threshold) - width, std::max(*highest, m_threshold) + width);
    m_plot->yAxis->setRangeLower(0);
    m_plot->yAxis->setRangeUpper(m_plot->yAxis->range().upper * 1.15);
    // The label goes on the side of the line with more room.
    const bool rightHalf = m_threshold > m_plot->xAxis->range().center();
    m_lineLabel->setPositionAlignment((rightHalf ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignTop);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void RankingPanel::updateFlagged() {
    std::vector<const core::ScoredFile*> flagged;
    for (const core::ScoredFile& file : m_scores) {
        if (isFlagged(file.estimate.score)) flagged.push_back(&file);
    }
    const bool above = m_direction == Direction::Above;
    std::sort(flagged.begin(), flagged.end(), [above](const core::ScoredFile* a, const core::ScoredFile* b) {
        return above ? a->estimate.score > b->estimate.score : a->estimate.score < b->estimate.score;
    });
    QStringList paths;
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const core::ScoredFile* file : flagged) {
        const QString path = QString::fromStdString(file->path);
        paths << path;
        auto* item = new QListWidgetItem(tr("%1   %2 · %3 %4")
                                             .arg(QFileInfo(path).fileName())
                                             .arg(file->estimate.score, 0, 'f', 2)
                                             .arg(file->estimate.estimate, 0, 'f', 2)
                                             .arg(m_unit));
        item->setToolTip(path);
        m_list->addItem(item);
    }
    m_countLabel->setText(tr("%1 of %2 images flagged, worst first").arg(paths.size()).arg(m_scores.size()));
    if (paths == m_flagged) return;
    m_flagged = paths;
    emit flaggedChanged(m_flagged);
}

void RankingPanel::onMousePress(QMouseEvent* event) {
    if (m_scores.empty() || event->button() != Qt::LeftButton) return;
    m_dragging = true;
    setThreshold(m_plot->xAxis->pixelToCoord(event->position().x()));
}

void RankingPanel::onMouseMove(QMouseEvent* event) {
    if (m_scores.empty()) return;
    if (m_dragging) {
        setThreshold(m_plot->xAxis->pixelToCoord(event->position().x()));
        return;
    }
    const double linePixel = m_plot->xAxis->coordToPixel(m_threshold);
    const bool near = std::abs(linePixel - event->position().x()) <= kGrabDistance;
    m_plot->setCursor(near ? Qt::SizeHorCursor : Qt::ArrowCursor);
}

}  // namespace twinsight::ui
