#include "ui/plots/correlation_plot.h"

#include <qcustomplot.h>

#include <QFileInfo>
#include <QMouseEvent>
#include <QToolTip>
#include <QVBoxLayout>

#include "ui/plots/plot_style.h"
#include "ui/support/figure_text.h"

namespace twinsight::ui {

std::optional<double> originStudyPearson(const QString& transform) {
    if (transform == "blur") return 0.955;
    if (transform == "rotation") return 0.37;
    if (transform == "brightness") return 0.775;
    return std::nullopt;
}

CorrelationPlot::CorrelationPlot(QWidget* parent) : QWidget(parent), m_plot(createPlot(this, &m_title)) {
    m_plot->setObjectName("correlationPlot");
    connect(m_plot, &QCustomPlot::mouseMove, this, &CorrelationPlot::onMouseMove);
    connect(m_plot, &QCustomPlot::mousePress, this, &CorrelationPlot::onMousePress);
    m_points = m_plot->addGraph();
    m_points->setName(tr("degraded image"));
    m_points->setLineStyle(QCPGraph::lsNone);
    QColor fill = plot_colours::kPrimary;
    fill.setAlpha(120);  // overlapping points read as darker
    m_points->setPen(QPen(fill));
    m_points->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, fill, fill, 7));
    m_calibration = m_plot->addGraph();
    m_calibration->setName(tr("calibration (score → magnitude)"));
    m_calibration->setPen(QPen(plot_colours::kSecondary, 2.2));
    m_plot->yAxis->setLabel(tr("score"));
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    clear(tr("Train or open a model to see how well its score follows the true magnitude."));
}

void CorrelationPlot::setStudy(const core::CorrelationStudy& study, const QString& transform, const QString& unit,
                               const core::Calibration& calibration, const QString& source) {
    m_rows = study.rows;
    m_imagePaths.clear();
    m_unit = unit;
    QVector<double> magnitudes, scores;
    for (const core::StudyRow& row : study.rows) {
        magnitudes << row.magnitude;
        scores << row.score;
    }
    m_points->setData(magnitudes, scores);
    QVector<double> knotMagnitudes, knotScores;
    for (std::size_t i = 0; i < calibration.knotScores().size(); ++i) {
        knotMagnitudes << calibration.knotMagnitudes()[i];
        knotScores << calibration.knotScores()[i];
    }
    m_calibration->setData(knotMagnitudes, knotScores, /*alreadySorted=*/true);
    m_calibration->setVisible(!knotScores.isEmpty());

    // Short lines: the title does not wrap, and the plot is narrow at 1024 px.
    QString heading =
        tr("Pearson r = %1 · Spearman ρ = %2").arg(study.pearson, 0, 'f', 3).arg(study.spearman, 0, 'f', 3);
    if (const auto origin = originStudyPearson(transform)) {
        heading += tr("  (origin study: r = %1)").arg(*origin, 0, 'f', 3);
    }
    QString sureness = tr("90% over images: r %1 · ρ %2")
                           .arg(intervalText(study.pearsonInterval), intervalText(study.spearmanInterval));
    if (const QString rough = roughNote(study.images); !rough.isEmpty()) sureness += QStringLiteral(" · ") + rough;
    const QString detail = tr("%1 %2 × %3 magnitudes · per image ρ %4 · pairs %5%")
                               .arg(study.images)
                               .arg(source)
                               .arg(study.levels)
                               .arg(study.perImageSpearman, 0, 'f', 3)
                               .arg(figureWithInterval(study.pairAccuracy, study.pairAccuracyInterval, 1, 100.0));
    setPlotTitle(m_title, heading + "\n" + sureness + "\n" + detail);
    m_plot->xAxis->setLabel(tr("true %1 (%2)").arg(transform, unit));
    m_plot->legend->setVisible(true);
    m_plot->rescaleAxes();
    m_plot->xAxis->scaleRange(1.06);
    m_plot->yAxis->scaleRange(1.1);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void CorrelationPlot::clear(const QString& message) {
    m_rows.clear();
    m_imagePaths.clear();
    m_points->data()->clear();
    m_calibration->data()->clear();
    setPlotTitle(m_title, message);
    m_plot->legend->setVisible(false);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QString CorrelationPlot::title() const { return plotTitle(m_title); }

int CorrelationPlot::pointCount() const { return m_points->dataCount(); }

void CorrelationPlot::setImagePaths(const QStringList& paths) { m_imagePaths = paths; }

QPoint CorrelationPlot::pointPosition(int row) const {
    const core::StudyRow& point = m_rows[static_cast<std::size_t>(row)];
    return QPointF(m_plot->xAxis->coordToPixel(point.magnitude), m_plot->yAxis->coordToPixel(point.score)).toPoint();
}

int CorrelationPlot::pointAt(const QPoint& position) const {
    constexpr double kReach = 7.0;  // pixels: about the marker's size
    int nearest = -1;
    double best = kReach * kReach;
    for (int row = 0; row < static_cast<int>(m_rows.size()); ++row) {
        const QPoint offset = pointPosition(row) - position;
        const double distance = double(offset.x()) * offset.x() + double(offset.y()) * offset.y();
        if (distance <= best) {
            best = distance;
            nearest = row;
        }
    }
    return nearest;
}

void CorrelationPlot::onMouseMove(QMouseEvent* event) {
    const int row = pointAt(event->pos());
    if (row < 0) return QToolTip::hideText();
    const core::StudyRow& point = m_rows[static_cast<std::size_t>(row)];
    const QString image = point.image < m_imagePaths.size() ? QFileInfo(m_imagePaths[point.image]).fileName()
                                                            : tr("held-out image %1").arg(point.image + 1);
    QToolTip::showText(event->globalPosition().toPoint(),
                       tr("%1 · magnitude %2 %3 · score %4%5")
                           .arg(image)
                           .arg(point.magnitude, 0, 'f', 2)
                           .arg(m_unit)
                           .arg(point.score, 0, 'f', 3)
                           .arg(point.image < m_imagePaths.size() ? tr("\nclick to select it") : QString()),
                       m_plot);
}

void CorrelationPlot::onMousePress(QMouseEvent* event) {
    const int row = pointAt(event->pos());
    if (row < 0 || event->button() != Qt::LeftButton) return;
    const int image = m_rows[static_cast<std::size_t>(row)].image;
    if (image < m_imagePaths.size()) emit imageClicked(m_imagePaths[image]);
}

}  // namespace twinsight::ui
