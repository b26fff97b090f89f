#pragma once
// True magnitude against score over held-out images, one point per (image, magnitude), with Pearson and Spearman
// in the title beside the origin study's figure for the transformation (docs/design.md, "The idea").

#include <QWidget>
#include <optional>

#include "core/evaluation/analysis.h"

class QCPGraph;
class QCPTextElement;
class QCustomPlot;

namespace twinsight::ui {

// The origin study's pooled Pearson for a transformation, where it reported one (blur 0.955, rotation 0.37,
// brightness 0.775).
std::optional<double> originStudyPearson(const QString& transform);

class CorrelationPlot : public QWidget {
    Q_OBJECT
public:
    explicit CorrelationPlot(QWidget* parent = nullptr);

    // `source` says which images were degraded ("held-out images", "folder images").
    void setStudy(const core::CorrelationStudy& study, const QString& transform, const QString& unit,
                  const core::Calibration& calibration, const QString& source);
    void clear(const QString& message);
    QCustomPlot* plot() const { return m_plot; }
    QString title() const;
    int pointCount() const;

private:
    QCPTextElement* m_title = nullptr;  // before m_plot: createPlot() sets it while m_plot is built
    QCustomPlot* m_plot;
    QCPGraph* m_points;
    QCPGraph* m_calibration;
};

}  // namespace twinsight::ui
