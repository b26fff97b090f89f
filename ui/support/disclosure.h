#pragma once
// A disclosure toggle: a flat arrow button with a text that shows or hides a widget below it (closed at first).

#include <QString>

class QToolButton;
class QWidget;

namespace twinsight::ui {

// A child of `parent` that hides `content` now and shows it while checked, its arrow pointing right or down.
QToolButton* makeDisclosureToggle(const QString& text, QWidget* content, QWidget* parent);

}  // namespace twinsight::ui
