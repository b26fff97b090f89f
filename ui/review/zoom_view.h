#pragma once
// One image, fitted to the view or at 100% (one image pixel per screen pixel) and any zoom between, panned by
// dragging or by keys. The zoom is kept from one image to the next, so that a reviewer compares the same detail.

#include <QImage>
#include <QPixmap>
#include <QPointF>
#include <QWidget>

namespace twinsight::ui {

class ZoomView : public QWidget {
    Q_OBJECT
public:
    explicit ZoomView(QWidget* parent = nullptr);

    // Shows `image`; at a zoom other than "fit", the same spot (as a share of the width and height) stays centred.
    void setImage(const QImage& image);
    void clear(const QString& hint);
    const QImage& image() const { return m_image; }

    bool isFitted() const { return m_fitted; }
    void fit();
    // 100%: one image pixel per device pixel, centred where the view is centred now.
    void showActualSize();
    // Fit <-> 100%.
    void toggleActualSize();
    // Multiplies the zoom by `factor`, keeping the image point under `anchor` (view coordinates) in place.
    void zoomBy(double factor, QPointF anchor);
    // View pixels per image pixel.
    double scale() const;
    // The image point at the middle of the view.
    QPointF centre() const { return m_centre; }
    // Moves the image by `delta` view pixels (as dragging does); the view never leaves the image.
    void panBy(QPointF delta);

    QSize sizeHint() const override { return {960, 640}; }

signals:
    void zoomChanged();

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;

private:
    double fittedScale() const;
    void keepInside();
    // Keeps where the view is centred as a share of the image's width and height.
    void rememberCentre();

    QImage m_image;
    QPixmap m_fittedPixmap;  // the fitted image scaled once, not at every paint
    QString m_hint;
    bool m_fitted = true;
    double m_scale = 1.0;             // while not fitted
    QPointF m_centre;                 // image coordinates
    QPointF m_centreShare{0.5, 0.5};  // m_centre over the image's size, when last remembered
    QPointF m_lastDrag;
    bool m_dragging = false;
};

}  // namespace twinsight::ui
