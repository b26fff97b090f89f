#include "ui/panels/ranking_panel.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QGridLayout>
#include <QHash>
#include <QIcon>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPixmap>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "ui/jobs/folder_scorer.h"
#include "ui/plots/plot_style.h"
#include "ui/workspace/model_set.h"

namespace twinsight::ui {
namespace {
// How close to a threshold line a press grabs it, px.
constexpr int kGrabDistance = 8;
}  // namespace

RankingPanel::RankingPanel(QWidget* parent)
    : QWidget(parent),
      m_plot(createPlot(this, &m_title)),
      m_countLabel(new QLabel(this)),
      m_list(new QListWidget(this)),
      m_review(new QPushButton(tr("Review Flagged…"), this)) {
    m_plot->setObjectName("rankingPlot");
    m_bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_bars->setName(tr("images"));
    m_bars->setPen(Qt::NoPen);
    m_bars->setBrush(plot_colours::kPrimary);
    m_flaggedBars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_flaggedBars->setName(tr("flagged"));
    m_flaggedBars->setPen(Qt::NoPen);
    m_flaggedBars->setBrush(plot_colours::kBad);
    m_plot->yAxis->setLabel(tr("images"));
    m_plot->setToolTip(tr("Drag a dashed line, or click, to move a threshold"));
    connect(m_plot, &QCustomPlot::mousePress, this, &RankingPanel::onMousePress);
    connect(m_plot, &QCustomPlot::mouseMove, this, &RankingPanel::onMouseMove);
    connect(m_plot, &QCustomPlot::mouseRelease, this, [this] { m_draggingAbove.reset(); });
    m_below = makeThresholdLine(QStringLiteral("Below"));
    m_above = makeThresholdLine(QStringLiteral("Above"));
    m_below.enabled->setText(tr("below"));
    m_above.enabled->setText(tr("above"));

    m_list->setObjectName("flaggedList");
    m_list->setIconSize(QSize(44, 33));
    // At 1024 px the column is narrow: lines wrap instead of running under a scroll bar (the path is in the tooltip).
    m_list->setWordWrap(true);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_countLabel->setObjectName("flaggedCount");
    m_countLabel->setWordWrap(true);  // one line would set the side column's width at 1024 px
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < m_flagged.size()) emit imageActivated(m_flagged[row]);
    });
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        const int row = m_list->row(item);
        if (row >= 0 && row < m_flagged.size()) emit imageOpened(m_flagged[row]);
    });

    auto* controls = new QGridLayout;
    controls->addWidget(m_below.enabled, 0, 0);
    controls->addWidget(m_below.value, 0, 1);
    controls->addWidget(m_above.enabled, 1, 0);
    controls->addWidget(m_above.value, 1, 1);
    controls->setColumnStretch(1, 1);
    auto* side = new QVBoxLayout;
    side->addWidget(new QLabel(tr("Flag estimates"), this));
    side->addLayout(controls);
    auto* hint = new QLabel(tr("Drag a dashed line, or click the plot, to move a threshold. Each model keeps its "
                               "own; an image is flagged when any model's holds."),
                            this);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    side->addWidget(hint);
    side->addWidget(m_countLabel);
    side->addWidget(m_list, 1);
    m_review->setObjectName("reviewFlaggedButton");
    m_review->setToolTip(tr("The flagged images one at a time, large (Ctrl+R); a double-click on one starts there"));
    connect(m_review, &QPushButton::clicked, this, &RankingPanel::reviewRequested);
    side->addWidget(m_review);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot, 3);
    layout->addLayout(side, 1);
    clear(tr("Train or open a model to rank the folder's images."));
}

RankingPanel::ThresholdLine RankingPanel::makeThresholdLine(const QString& side) {
    ThresholdLine line;
    line.line = new QCPItemStraightLine(m_plot);
    line.line->setPen(QPen(QColor(40, 40, 40), 2, Qt::DashLine));
    line.label = new QCPItemText(m_plot);
    line.label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    line.label->setPadding(QMargins(6, 4, 6, 4));
    line.label->setBrush(QColor(255, 255, 255, 210));  // readable over the bars
    line.enabled = new QCheckBox(this);
    line.enabled->setObjectName("flag" + side);
    line.value = new QDoubleSpinBox(this);
    line.value->setObjectName("threshold" + side);
    line.value->setDecimals(2);
    connect(line.enabled, &QCheckBox::toggled, this, &RankingPanel::editFromControls);
    connect(line.value, &QDoubleSpinBox::valueChanged, this, &RankingPanel::editFromControls);
    return line;
}

void RankingPanel::setEstimates(const std::vector<core::ScoredFile>& scores, const QString& transform,
                                const QString& unit, const core::Range& range, const FlagThresholds& thresholds) {
    m_scores = scores;
    m_unit = unit;
    m_thresholds = thresholds;
    if (m_scores.empty()) return clear(tr("No image of the folder could be scored."));
    for (ThresholdLine* line : {&m_below, &m_above}) {
        const QSignalBlocker blocker(line->value);
        line->value->setRange(range.min - range.span(), range.max + range.span());
        line->value->setSingleStep(range.span() / 100.0);
        line->value->setSuffix(" " + unit);
    }
    setPlotTitle(m_title, tr("%1 estimates of %2 images").arg(transform).arg(m_scores.size()));
    m_plot->xAxis->setLabel(tr("estimated %1 (%2)").arg(transform, unit));
    m_plot->legend->setVisible(true);
    showThresholds();
    drawHistogram();
}

void RankingPanel::clear(const QString& message) {
    m_scores.clear();
    m_bars->data()->clear();
    m_flaggedBars->data()->clear();
    for (ThresholdLine* line : {&m_below, &m_above}) {
        line->line->setVisible(false);
        line->label->setVisible(false);
        line->enabled->setEnabled(false);
        line->value->setEnabled(false);
    }
    m_plot->legend->setVisible(false);
    setPlotTitle(m_title, message);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void RankingPanel::setThresholds(const FlagThresholds& thresholds) {
    if (thresholds == m_thresholds) return;
    m_thresholds = thresholds;
    showThresholds();
    drawHistogram();
    emit thresholdsEdited(m_thresholds);
}

void RankingPanel::showThresholds() {
    const auto show = [this](ThresholdLine& line, const std::optional<double>& value) {
        const QSignalBlocker checkBlocker(line.enabled);
        const QSignalBlocker valueBlocker(line.value);
        line.enabled->setEnabled(!m_scores.empty());
        line.enabled->setChecked(value.has_value());
        line.value->setEnabled(!m_scores.empty() && value.has_value());
        if (value) line.value->setValue(*value);
    };
    show(m_below, m_thresholds.below);
    show(m_above, m_thresholds.above);
}

void RankingPanel::editFromControls() {
    FlagThresholds edited;
    if (m_below.enabled->isChecked()) edited.below = m_below.value->value();
    if (m_above.enabled->isChecked()) edited.above = m_above.value->value();
    m_below.value->setEnabled(edited.below.has_value());
    m_above.value->setEnabled(edited.above.has_value());
    if (edited == m_thresholds || m_scores.empty()) return;
    m_thresholds = edited;
    drawHistogram();
    emit thresholdsEdited(m_thresholds);
}

void RankingPanel::drawHistogram() {
    if (m_scores.empty()) return;
    std::vector<double> values;
    for (const core::ScoredFile& file : m_scores) values.push_back(file.estimate.estimate);
    const auto [lowest, highest] = std::minmax_element(values.begin(), values.end());
    const int bins = std::clamp(static_cast<int>(2.0 * std::sqrt(double(values.size()))), 8, 40);
    const double width = std::max(1e-6, (*highest - *lowest) / bins);
    QVector<double> keys, normal(bins, 0.0), flagged(bins, 0.0);
    for (int bin = 0; bin < bins; ++bin) keys << *lowest + (bin + 0.5) * width;
    for (double value : values) {
        const int bin = std::clamp(static_cast<int>((value - *lowest) / width), 0, bins - 1);
        (m_thresholds.holds(value) ? flagged : normal)[bin] += 1.0;
    }
    m_bars->setWidth(width * 0.9);
    m_flaggedBars->setWidth(width * 0.9);
    m_bars->setData(keys, normal, /*alreadySorted=*/true);
    m_flaggedBars->setData(keys, flagged, true);
    m_flaggedBars->moveAbove(m_bars);
    double left = *lowest - width, right = *highest + width;
    for (const std::optional<double>& threshold : {m_thresholds.below, m_thresholds.above}) {
        if (!threshold) continue;
        left = std::min(left, *threshold - width);
        right = std::max(right, *threshold + width);
    }
    m_plot->rescaleAxes();
    m_plot->xAxis->setRange(left, right);
    m_plot->yAxis->setRangeLower(0);
    m_plot->yAxis->setRangeUpper(m_plot->yAxis->range().upper * 1.15);
    placeLine(m_below, m_thresholds.below, tr("below %1 %2"));
    placeLine(m_above, m_thresholds.above, tr("above %1 %2"));
    // The legend takes the upper corner farther from the lines and their labels.
    bool lineOnTheLeft = false;
    for (const std::optional<double>& threshold : {m_thresholds.below, m_thresholds.above}) {
        lineOnTheLeft |= threshold && *threshold < left + 0.45 * (right - left);
    }
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | (lineOnTheLeft ? Qt::AlignRight : Qt::AlignLeft));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

// The label sits on the flagged side of its line, unless that side has no room.
void RankingPanel::placeLine(ThresholdLine& line, const std::optional<double>& value, const QString& text) {
    line.line->setVisible(value.has_value());
    line.label->setVisible(value.has_value());
    if (!value) return;
    line.line->point1->setCoords(*value, 0);
    line.line->point2->setCoords(*value, 1);
    const bool above = &line == &m_above;
    const QCPRange range = m_plot->xAxis->range();
    const bool roomBeyond = above ? *value < range.upper - 0.2 * range.size() : *value > range.lower + 0.2 * range.size();
    const bool labelRight = above == roomBeyond;
    line.label->setPositionAlignment((labelRight ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignTop);
    line.label->position->setCoords(*value, above ? 0.2 : 0.3);  // under the legend, which sits in a top corner
    line.label->setText(text.arg(*value, 0, 'f', 2).arg(m_unit));
}

void RankingPanel::setFlagged(const std::vector<FlaggedImage>& flagged, const FolderScores* scores) {
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    m_flagged.clear();
    QHash<QString, std::size_t> rows;
    if (scores) {
        for (std::size_t row = 0; row < scores->scores.paths.size(); ++row)
            rows.insert(QString::fromStdString(scores->scores.paths[row]), row);
    }
    for (const FlaggedImage& image : flagged) {
        QStringList reasons;
        const auto row = rows.constFind(image.path);
        for (int column : image.columns) {
            if (row == rows.cend()) break;
            const core::TrainedModel& model = *scores->models[static_cast<std::size_t>(column)];
            const double estimate = scores->scores.estimates[*row][static_cast<std::size_t>(column)].estimate;
            reasons << QStringLiteral("%1 %2 %3").arg(transformOf(model)).arg(estimate, 0, 'f', 2).arg(unitOf(model));
        }
        // Two lines: the list stays narrow enough for a 1024 px window without cutting the estimates off.
        auto* item = new QListWidgetItem(QFileInfo(image.path).fileName() + "\n    " + reasons.join(" · "));
        item->setToolTip(image.path);
        m_list->addItem(item);
        m_flagged << image.path;
    }
    const int total = scores ? static_cast<int>(scores->scores.paths.size()) : 0;
    m_review->setEnabled(!m_flagged.isEmpty());
    m_countLabel->setText(total == 0 ? QString()
                                     : tr("%1 of %2 images flagged, most severe first").arg(m_flagged.size()).arg(total));
}

void RankingPanel::setThumbnails(const std::function<QImage(const QString&)>& thumbnailOf) {
    for (int row = 0; row < m_list->count() && row < m_flagged.size(); ++row) {
        const QImage thumbnail = thumbnailOf(m_flagged[row]);
        if (!thumbnail.isNull()) m_list->item(row)->setIcon(QIcon(QPixmap::fromImage(thumbnail)));
    }
}

void RankingPanel::onMousePress(QMouseEvent* event) {
    if (m_scores.empty() || event->button() != Qt::LeftButton) return;
    const double x = event->position().x();
    // The nearer line when both are shown, else the one shown (the upper one when none is).
    bool above = true;
    if (m_thresholds.below && m_thresholds.above) {
        const double belowPixel = m_plot->xAxis->coordToPixel(*m_thresholds.below);
        const double abovePixel = m_plot->xAxis->coordToPixel(*m_thresholds.above);
        above = std::abs(x - abovePixel) <= std::abs(x - belowPixel);
    } else {
        above = !m_thresholds.below.has_value();
    }
    m_draggingAbove = above;
    dragTo(above, x);
}

void RankingPanel::onMouseMove(QMouseEvent* event) {
    if (m_scores.empty()) return;
    const double x = event->position().x();
    if (m_draggingAbove) return dragTo(*m_draggingAbove, x);
    bool near = false;
    for (const std::optional<double>& threshold : {m_thresholds.below, m_thresholds.above}) {
        near |= threshold && std::abs(m_plot->xAxis->coordToPixel(*threshold) - x) <= kGrabDistance;
    }
    m_plot->setCursor(near ? Qt::SizeHorCursor : Qt::ArrowCursor);
}

void RankingPanel::dragTo(bool above, double x) {
    FlagThresholds moved = m_thresholds;
    (above ? moved.above : moved.below) = m_plot->xAxis->pixelToCoord(x);
    setThresholds(moved);
}

}  // namespace twinsight::ui
