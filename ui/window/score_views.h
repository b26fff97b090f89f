#pragma once
// What the window's panels show of the open models and the folder's scores: the model panel, the grid's estimate
// columns, the ranking, the selected image's caption and its profile. Each is redrawn from the Workspace's state.

#include <QObject>
#include <QString>
#include <memory>

#include "ui/window/window_layout.h"

namespace twinsight::ui {

class Workspace;
struct FolderScores;

class ScoreViews : public QObject {
    Q_OBJECT
public:
    // `actions`: View > Collapse Bursts, View > Group by Series, File > Export Report.
    ScoreViews(Workspace* workspace, const WindowPanels& panels, const WindowActions& actions, QObject* parent);

    // The model panel, then the scores as below; the ranking says why it is empty.
    void showModels();
    void showModelInfo();
    // The grid's columns (rebuilt only when the scores changed, else the current column moves), the ranking with the
    // current model's thresholds, the flags, the caption and the profile.
    void showScores();
    void updateProfile();
    // Which images the open models flag, in the grid (red captions of the models that flag them) and the ranking.
    void showFlags();
    // The file's path, with its estimates when the folder's scores hold them.
    QString imageCaption(const QString& path) const;
    // Its estimates ("score 0.41, estimate 2.31 px", or one per model), empty when the scores do not hold it.
    QString estimatesText(const QString& path) const;

signals:
    void modelsShown();
    void statusMessage(const QString& message);
    void scoresShown();

private:
    void refreshImageCaption();
    void showFlaggedThumbnails();
    // The grid's burst badges, and a status line on how many bursts the grouping found.
    void showBursts();
    // The grid's series, ranked by the current model, while View > Group by Series is on (a status line says so).
    void showSeries();

    Workspace* m_workspace;
    WindowPanels m_panels;
    QAction* m_groupSeries;
    std::weak_ptr<const FolderScores> m_scoresInGrid;  // the scores the grid holds now
};

}  // namespace twinsight::ui
