#include "ui/support/disclosure.h"

#include <QToolButton>
#include <QWidget>

namespace twinsight::ui {

QToolButton* makeDisclosureToggle(const QString& text, QWidget* content, QWidget* parent) {
    auto* toggle = new QToolButton(parent);
    toggle->setText(text);
    toggle->setCheckable(true);
    toggle->setAutoRaise(true);
    toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toggle->setArrowType(Qt::RightArrow);
    content->setVisible(false);
    QObject::connect(toggle, &QToolButton::toggled, content, [content, toggle](bool open) {
        content->setVisible(open);
        toggle->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
    });
    return toggle;
}

}  // namespace twinsight::ui
