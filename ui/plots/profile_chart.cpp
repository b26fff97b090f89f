#include "ui/plots/profile_chart.h"

#include <qcustomplot.h>

#include <QLabel>
#include <QVBoxLayout>
#include <algorithm>

#include "ui/plots/plot_style.h"

namespace twinsight::ui {
namespace {
// Height of one bar's row, px: the name and the value fit beside it in the dock's small font.
constexpr int kRowHeight = 26;
// Gap between a bar's end and its value label, px.
constexpr int kLabelGap = 6;
// The bars keep at least this width however long the labels are, px.
constexpr int kMinBarWidth = 60;

QCPBars* horizontalBars(QCustomPlot* plot, const QColor& colour, double width) {
    auto* bars = new QCPBars(plot->yAxis, plot->xAxis);
    bars->setPen(Qt::NoPen);
    bars->setBrush(colour);
    bars->setWidth(width);
    return bars;
}

}  // namespace

ProfileChart::ProfileChart(QWidget* parent)
    : QWidget(parent), m_title(new QLabel(this)), m_plot(new QCustomPlot(this)) {
    setObjectName("profileChart");
    m_plot->setObjectName("profilePlot");
    m_title->setObjectName("profileTitle");
    m_title->setWordWrap(true);
    m_title->setForegroundRole(QPalette::PlaceholderText);
    m_track = horizontalBars(m_plot, QColor(232, 232, 232), 0.62);
    m_bars = horizontalBars(m_plot, plot_colours::kPrimary.lighter(140), 0.62);
    m_currentBar = horizontalBars(m_plot, plot_colours::kPrimary, 0.62);
    m_plot->xAxis->setVisible(false);
    m_plot->yAxis->setRangeReversed(true);  // the first model on top
    m_plot->yAxis->setBasePen(Qt::NoPen);
    m_plot->yAxis->setTickPen(Qt::NoPen);
    m_plot->yAxis->setSubTickPen(Qt::NoPen);
    m_plot->yAxis->grid()->setVisible(false);
    m_plot->yAxis->setTickLabelColor(QColor(60, 60, 60));
    m_plot->axisRect()->setAutoMargins(QCP::msLeft);
    m_plot->axisRect()->setMargins(QMargins(0, 2, 4, 2));
    m_plot->setBackground(palette().color(QPalette::Window));
    m_plot->axisRect()->setBackground(palette().color(QPalette::Window));
    m_plot->setToolTip(
        tr("Each bar spans its model's range: left end the range's minimum, right end its maximum. "
           "Grey values lie beyond the scores seen in training, so they are only bounds."));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_title);
    layout->addWidget(m_plot);
    clear(tr("Open or train models to see the selected image's profile."));
}

void ProfileChart::setProfile(const std::vector<ProfileBar>& bars, const QString& imageName) {
    if (bars.empty()) return clear(tr("No estimate for %1 yet.").arg(imageName));
    m_values.clear();
    m_labels.clear();
    m_plot->clearItems();
    QVector<double> keys, full, values, current;
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const ProfileBar& bar = bars[i];
        const double span = bar.range.max - bar.range.min;
        const double value = span > 0.0 ? std::clamp((bar.estimate - bar.range.min) / span, 0.0, 1.0) : 0.0;
        const double key = static_cast<double>(i);
        m_values.push_back(value);
        keys << key;
        full << 1.0;
        values << (bar.current ? 0.0 : value);
        current << (bar.current ? value : 0.0);
        ticker->addTick(key, bar.transform);
        const QString label = QStringLiteral("%1 %2").arg(bar.estimate, 0, 'f', 1).arg(bar.unit);
        m_labels << QStringLiteral("%1 %2").arg(bar.transform, label);
        auto* text = new QCPItemText(m_plot);
        text->position->setType(QCPItemPosition::ptPlotCoords);
        text->position->setCoords(1.0, key);
        text->setPadding(QMargins(kLabelGap, 0, 0, 0));
        text->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        text->setText(label);
        text->setColor(bar.inRange ? QColor(40, 40, 40) : plot_colours::kMuted);
        QFont font = text->font();
        font.setBold(bar.current);
        text->setFont(font);
    }
    m_plot->yAxis->setTicker(ticker);
    m_plot->yAxis->setRange(-0.6, static_cast<double>(bars.size()) - 0.4);
    m_track->setData(keys, full, /*alreadySorted=*/true);
    m_bars->setData(keys, values, true);
    m_currentBar->setData(keys, current, true);
    m_title->setText(tr("Profile of %1").arg(imageName));
    m_plot->setFixedHeight(kRowHeight * static_cast<int>(bars.size()) + 8);
    m_plot->setVisible(true);
    fitLabels();
}

void ProfileChart::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    fitLabels();
}

// The value labels sit right of the bars: the horizontal axis reaches past 1 by the widest label.
void ProfileChart::fitLabels() {
    int labelWidth = 0;
    for (int i = 0; i < m_plot->itemCount(); ++i) {
        if (auto* text = qobject_cast<QCPItemText*>(m_plot->item(i)))
            labelWidth = std::max(labelWidth, QFontMetrics(text->font()).horizontalAdvance(text->text()) + kLabelGap);
    }
    m_plot->replot();  // lays the axis rect out at the current size
    const int barWidth = std::max(kMinBarWidth, m_plot->axisRect()->width() - labelWidth);
    m_plot->xAxis->setRange(0.0, 1.0 + static_cast<double>(labelWidth) / barWidth);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ProfileChart::clear(const QString& message) {
    m_values.clear();
    m_labels.clear();
    m_plot->clearItems();
    for (QCPBars* bars : {m_track, m_bars, m_currentBar}) bars->data()->clear();
    m_title->setText(message);
    m_plot->setVisible(false);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace twinsight::ui
