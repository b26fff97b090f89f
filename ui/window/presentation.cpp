#include "ui/window/presentation.h"

#include <qcustomplot.h>

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QMainWindow>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QTimer>
#include <algorithm>

#include "ui/plots/plot_style.h"

namespace twinsight::ui {

Presentation::Presentation(QMainWindow* window, const WindowActions& actions)
    : QObject(window), m_window(window), m_actions(actions), m_baseFont(QApplication::font()) {
    const QSettings settings;
    m_enabled = settings.value("view/presentation", false).toBool();
    m_scale = std::clamp(settings.value("view/presentationScale", kDefaultScale).toDouble(), 1.25, 2.0);
    connect(actions.presentation, &QAction::toggled, this, &Presentation::setEnabled);
    for (QAction* choice : actions.presentationScales) {
        connect(choice, &QAction::triggered, this, [this, choice] { setScale(choice->data().toDouble()); });
    }
    if (m_enabled) {
        apply();
        window->setWindowState(window->windowState() | Qt::WindowMaximized);  // fills the screen once shown
    }
    const QSignalBlocker blocker(actions.presentation);
    actions.presentation->setChecked(m_enabled);
    for (QAction* choice : actions.presentationScales) choice->setChecked(choice->data().toDouble() == m_scale);
}

Presentation::~Presentation() {
    if (m_enabled) QApplication::setFont(m_baseFont);
}

void Presentation::setEnabled(bool enabled) {
    if (enabled == m_enabled) return;
    m_enabled = enabled;
    QSettings().setValue("view/presentation", enabled);
    const QSignalBlocker blocker(m_actions.presentation);
    m_actions.presentation->setChecked(enabled);
    apply();
    m_window->setWindowState(enabled ? m_window->windowState() | Qt::WindowMaximized
                                     : m_window->windowState() & ~Qt::WindowMaximized);
}

void Presentation::setScale(double scale) {
    m_scale = std::clamp(scale, 1.25, 2.0);
    QSettings().setValue("view/presentationScale", m_scale);
    for (QAction* choice : m_actions.presentationScales) choice->setChecked(choice->data().toDouble() == m_scale);
    if (m_enabled) apply();
}

void Presentation::apply() {
    const double scale = m_enabled ? m_scale : 1.0;
    QFont font = m_baseFont;
    font.setPointSizeF(m_baseFont.pointSizeF() * scale);
    QApplication::setFont(font);
    for (QCustomPlot* plot : m_window->findChildren<QCustomPlot*>()) setPlotScale(plot, scale);
    // The docks keep their width when the text grows: each takes the width its controls now ask for, once the
    // window has laid itself out again with the new fonts.
    QTimer::singleShot(0, m_window, [window = m_window] {
        QList<QDockWidget*> docks;
        QList<int> widths;
        for (QDockWidget* dock : window->findChildren<QDockWidget*>()) {
            QWidget* content = dock->widget();
            int extra = 0;
            if (auto* scroll = qobject_cast<QScrollArea*>(content); scroll && scroll->widget()) {
                content = scroll->widget();
                extra = scroll->verticalScrollBar()->sizeHint().width() + 2 * scroll->frameWidth();
            }
            docks << dock;
            widths << content->minimumSizeHint().width() + extra;
        }
        window->resizeDocks(docks, widths, Qt::Horizontal);
    });
}

}  // namespace twinsight::ui
