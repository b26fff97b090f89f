#pragma once
// The review of flagged images, one at a time and large: fitted or at 100% with panning, the current model's focus
// map on M, and a keep (P) or reject (X) decision per image that moves on to the next, undoable (Ctrl+Z). The
// decisions reach the XMP sidecars (as darktable and digiKam read them) only when the reviewer writes them (Ctrl+S);
// closing with decisions not written asks first.

#include <QDialog>
#include <QHash>
#include <QImage>
#include <QStringList>
#include <functional>
#include <memory>
#include <opencv2/core.hpp>

#include "core/model/trained_model.h"
#include "core/sidecars/xmp_sidecar.h"
#include "ui/review/review_queue.h"

class QAction;
class QComboBox;
class QLabel;
class QPushButton;

namespace twinsight::ui {

class ZoomView;

struct ReviewSource {
    QStringList paths;  // in review order (the flagged ones, most severe first)
    int start = 0;
    // A line on the image: its estimates and which models flag it.
    std::function<QString(const QString&)> describe;
    // The model whose focus map M shows; none when null or when its transformation has no map.
    std::shared_ptr<const core::TrainedModel> focusModel;
};

class ReviewViewer : public QDialog {
    Q_OBJECT
public:
    explicit ReviewViewer(ReviewSource source, QWidget* parent = nullptr);

    const ReviewQueue& queue() const { return m_queue; }
    ZoomView* view() const { return m_view; }
    bool focusMapShown() const { return m_focusMapShown; }
    // The caption as shown above the image.
    QString caption() const;
    // Writes the decisions made so far to the sidecars in the background; `decisionsWritten` follows.
    void writeDecisions();

signals:
    // The image at the queue's current position is on screen (decoded, or its focus map drawn).
    void imageShown(const QString& path);
    // `message` says how many sidecars were written and which could not be.
    void decisionsWritten(const QString& message);

public slots:
    // Escape or the window's close button: asks first while decisions are not written (non-blocking).
    void reject() override;

private:
    struct Decoded {
        cv::Mat image;  // full resolution
        QImage shown;
    };
    QAction* addKey(const QString& text, const QKeySequence& key, const std::function<void()>& act);
    QWidget* buildButtons();
    void step(int by);
    void decide(core::ReviewDecision decision);
    void undo();
    void toggleFocusMap();
    // Shows the current image: from the cache, or decoded in the background (its neighbours are decoded after it).
    void showCurrent();
    void showDecoded(const QString& path, const Decoded& decoded);
    // Decodes `path` into the cache in the background, and shows it if it is current by then.
    void decode(const QString& path);
    void updateCaption();

    ReviewQueue m_queue;
    ReviewSource m_source;
    ZoomView* m_view;
    QLabel* m_caption;
    QLabel* m_status;
    QComboBox* m_naming;
    QPushButton* m_write;
    QHash<QString, std::shared_ptr<const Decoded>> m_decoded;  // the current image and its neighbours
    QStringList m_decoding;
    bool m_focusMapShown = false;
    int m_generation = 0;  // a focus map computed for an image no longer current is dropped
};

}  // namespace twinsight::ui
