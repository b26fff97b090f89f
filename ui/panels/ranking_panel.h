#pragma once
// Triage of the folder: the distribution of its scores with a threshold the user drags; the images beyond it are
// flagged and listed for review, worst first.

#include <QWidget>
#include <vector>

#include "core/model/calibration.h"
#include "core/scoring/file_scoring.h"

class QCPBars;
class QCPItemStraightLine;
class QCPItemText;
class QCPTextElement;
class QCustomPlot;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QListWidget;
class QMouseEvent;

namespace twinsight::ui {

class RankingPanel : public QWidget {
    Q_OBJECT
public:
    enum class Direction { Above, Below };  // which side of the threshold is flagged

    explicit RankingPanel(QWidget* parent = nullptr);

    // Shows the scores; the threshold starts where the worst tenth begins.
    void setScores(const std::vector<core::ScoredFile>& scores, const QString& transform, const QString& unit,
                   const core::Calibration& calibration);
    void clear(const QString& message);

    void setThreshold(double threshold);
    double threshold() const { return m_threshold; }
    void setDirection(Direction direction);
    Direction direction() const { return m_direction; }
    // Flagged paths, worst first.
    const QStringList& flaggedPaths() const { return m_flagged; }
    QCustomPlot* plot() const { return m_plot; }

signals:
    void flaggedChanged(const QStringList& paths);
    void imageActivated(const QString& path);

private:
    void drawHistogram();
    void updateFlagged();
    void onMousePress(QMouseEvent* event);
    void onMouseMove(QMouseEvent* event);
    bool isFlagged(double score) const;

    QCPTextElement* m_title = nullptr;  // before m_plot: createPlot() sets it while m_plot is built
    QCustomPlot* m_plot;
    QCPBars* m_bars;
    QCPBars* m_flaggedBars;
    QCPItemStraightLine* m_line;
    QCPItemText* m_lineLabel;
    QComboBox* m_directionCombo;
    QDoubleSpinBox* m_thresholdSpin;
    QLabel* m_countLabel;
    QListWidget* m_list;

    std::vector<core::ScoredFile> m_scores;
    core::Calibration m_calibration;
    QString m_unit;
    double m_threshold = 0.0;
    Direction m_direction = Direction::Above;
    QStringList m_flagged;
    bool m_dragging = false;
};

}  // namespace twinsight::ui
