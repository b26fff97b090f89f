#pragma once
// Triage of the folder: the distribution of the current model's estimates, in its unit, with the thresholds the
// user drags or types (below, above, or both for a signed transformation); the images any open model flags are
// listed for review, most severe first, with the estimates that flag them.

#include <QImage>
#include <QWidget>
#include <functional>
#include <vector>

#include "core/degrade/transform.h"
#include "core/scoring/file_scoring.h"
#include "ui/workspace/flag_thresholds.h"

class QCPBars;
class QCPItemStraightLine;
class QCPItemText;
class QCPTextElement;
class QCheckBox;
class QCustomPlot;
class QDoubleSpinBox;
class QLabel;
class QListWidget;
class QMouseEvent;
class QPushButton;

namespace twinsight::ui {

struct FolderScores;

class RankingPanel : public QWidget {
    Q_OBJECT
public:
    explicit RankingPanel(QWidget* parent = nullptr);

    // The current model's estimates of the folder, with its thresholds.
    void setEstimates(const std::vector<core::ScoredFile>& scores, const QString& transform, const QString& unit,
                      const core::Range& range, const FlagThresholds& thresholds);
    void clear(const QString& message);

    // As if the user had set them: thresholdsEdited follows when they differ from the ones shown.
    void setThresholds(const FlagThresholds& thresholds);
    const FlagThresholds& thresholds() const { return m_thresholds; }
    // The images flagged by any open model (Workspace::flagged), described with the estimates that flag them.
    void setFlagged(const std::vector<FlaggedImage>& flagged, const FolderScores* scores);
    // The list's thumbnails, from `thumbnailOf` (a null image while an image has none yet).
    void setThumbnails(const std::function<QImage(const QString&)>& thumbnailOf);
    // Flagged paths, most severe first.
    const QStringList& flaggedPaths() const { return m_flagged; }
    QCustomPlot* plot() const { return m_plot; }

signals:
    void thresholdsEdited(const FlagThresholds& thresholds);
    // A flagged image was chosen in the list (imageActivated), or double-clicked or entered (imageOpened).
    void imageActivated(const QString& path);
    void imageOpened(const QString& path);
    // "Review Flagged…" was pressed.
    void reviewRequested();

private:
    struct ThresholdLine {
        QCPItemStraightLine* line = nullptr;
        QCPItemText* label = nullptr;
        QCheckBox* enabled = nullptr;
        QDoubleSpinBox* value = nullptr;
    };
    ThresholdLine makeThresholdLine(const QString& side);
    void showThresholds();
    void drawHistogram();
    void placeLine(ThresholdLine& line, const std::optional<double>& value, const QString& text);
    void editFromControls();
    void onMousePress(QMouseEvent* event);
    void onMouseMove(QMouseEvent* event);
    // Moves the threshold `dragged` (below or above) to the estimate under `x`.
    void dragTo(bool above, double x);

    QCPTextElement* m_title = nullptr;  // before m_plot: createPlot() sets it while m_plot is built
    QCustomPlot* m_plot;
    QCPBars* m_bars;
    QCPBars* m_flaggedBars;
    ThresholdLine m_below;
    ThresholdLine m_above;
    QLabel* m_countLabel;
    QListWidget* m_list;
    QPushButton* m_review;

    std::vector<core::ScoredFile> m_scores;
    QString m_unit;
    FlagThresholds m_thresholds;
    QStringList m_flagged;
    std::optional<bool> m_draggingAbove;  // which line a press grabbed
};

}  // namespace twinsight::ui
