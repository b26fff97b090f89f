#pragma once
// Draws one cell of the image grid: the thumbnail, the file name and, once scored, the score and estimate (one line
// per model when several are open, the current one in bold); images flagged get a red frame, and the caption lines of the models that flag them are red.

#include <QStyledItemDelegate>

namespace twinsight::ui {

class ThumbnailDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    // Cell size, px: a 4:3 thumbnail of about 116 px with two lines of text under it; two columns fit a 300 px dock.
    static constexpr int kCellWidth = 128;
    static constexpr int kCellHeight = 138;

    using QStyledItemDelegate::QStyledItemDelegate;
    // Caption lines under the file name: one per open model (at least one). The cells grow to fit them.
    void setCaptionLines(int lines);
    // A cell's width for text in `font`: kCellWidth, or wider when larger text needs it (presentation mode).
    static int cellWidth(const QFont& font);
    // The view lays its cells out again (after a change of font).
    void refreshSizes() { emit sizeHintChanged({}); }
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    int m_captionLines = 1;
};

}  // namespace twinsight::ui
