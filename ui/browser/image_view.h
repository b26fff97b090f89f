#pragma once
// Shows one image as large as its area allows, aspect kept, with a caption under it, or a hint when empty.

#include <QImage>
#include <QPixmap>
#include <QWidget>

namespace twinsight::ui {

class ImageView : public QWidget {
    Q_OBJECT
public:
    explicit ImageView(QWidget* parent = nullptr);

    void setImage(const QImage& image, const QString& caption = {});
    void clear(const QString& hint = {});
    // Added after the caption until changed or cleared, whatever caption later images get ("focus map of blur").
    void setNote(const QString& note);
    const QImage& image() const { return m_image; }
    // The caption as shown, with the note.
    QString caption() const { return m_note.isEmpty() ? m_caption : m_caption + m_note; }

    QSize sizeHint() const override { return {480, 360}; }
    QSize minimumSizeHint() const override { return {160, 120}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QImage m_image;
    QPixmap m_scaled;  // m_image smoothly scaled to the last size drawn: scaled once, not at every paint
    QString m_caption;
    QString m_note;
    QString m_hint;
};

}  // namespace twinsight::ui
