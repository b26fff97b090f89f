#pragma once
// Presentation mode (View > Presentation, F11), for a teacher projecting Twinsight to a class: larger text in every
// widget and plot at a scale the teacher picks (1.25 to 2), thicker plot lines, the window filling the screen.
// Remembered across starts.

#include <QFont>
#include <QObject>

#include "ui/window/window_layout.h"

class QMainWindow;

namespace twinsight::ui {

class Presentation : public QObject {
    Q_OBJECT
public:
    static constexpr double kDefaultScale = 1.5;

    // Applies the remembered mode at once.
    Presentation(QMainWindow* window, const WindowActions& actions);
    // The application's font goes back to what it was: the mode belongs to its window.
    ~Presentation() override;

    void setEnabled(bool enabled);
    void setScale(double scale);
    bool enabled() const { return m_enabled; }
    double scale() const { return m_scale; }

private:
    void apply();

    QMainWindow* m_window;
    WindowActions m_actions;
    QFont m_baseFont;  // the application's font before any scaling
    bool m_enabled = false;
    double m_scale = kDefaultScale;
};

}  // namespace twinsight::ui
