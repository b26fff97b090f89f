#pragma once
// What the window shows of the selected image and of the held-out study: the Image tab, the Preview (the image at
// the training panel's working size, under the chosen transformation), the Sweep and the Correlation plots.

#include <QObject>
#include <QString>

#include "ui/window/window_layout.h"

namespace twinsight::ui {

class ScoreViews;
class Workspace;

class ImageViews : public QObject {
    Q_OBJECT
public:
    // `scores` writes the caption (the image's estimates); `actions`: the focus map and the flagged images' steps.
    ImageViews(Workspace* workspace, const WindowPanels& panels, const WindowActions& actions,
               const ScoreViews* scores, QObject* parent);

    // The Preview takes the training panel's transformation and range.
    void followTrainingPanel();

signals:
    void sweepShown();
    void studyShown();
    void statusMessage(const QString& message);

private:
    void select(const QString& path);
    // The Image tab shows the selected image, or with `shown` its focus map under the current model (computed in the
    // background; the plain image while the model has none). Follows View > Focus Map.
    void setFocusMapShown(bool shown);
    void showSelectedImage();
    // Selects the flagged image `step` places after (or before) the selected one, in the flagged order (most severe
    // first), and shows it on the Image tab; the first one when the selection is not flagged.
    void stepThroughFlagged(int step);
    // The Preview's copy of the selected image at the training panel's working size.
    void showPreviewCopy();
    // Opens the review of the flagged images at `startPath` (the first when it is not flagged).
    void openReview(const QString& startPath);

    Workspace* m_workspace;
    WindowPanels m_panels;
    const ScoreViews* m_scores;
    bool m_focusMapShown = false;
    int m_focusMapGeneration = 0;  // a map computed for an earlier image or model is dropped
};

}  // namespace twinsight::ui
