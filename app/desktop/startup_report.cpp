#include "startup_report.h"

#include <unistd.h>

#include <QCoreApplication>
#include <QEvent>
#include <QTimer>
#include <QWidget>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>

#include "ui/browser/image_browser.h"

namespace twinsight::app {
namespace {

// Seconds since this process started: its start time from /proc/self/stat (field 22, in clock ticks since boot)
// against the boot-time clock. Resolution: one clock tick (10 ms).
double secondsSinceProcessStart() {
    std::ifstream stat("/proc/self/stat");
    std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    std::istringstream fields(text.substr(text.rfind(')') + 2));  // after the command name, which may hold spaces
    std::string field;
    unsigned long long startTicks = 0;
    for (int index = 3; index <= 22 && fields >> field; ++index) {
        if (index == 22) startTicks = std::stoull(field);
    }
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    const double ticksPerSecond = static_cast<double>(sysconf(_SC_CLK_TCK));
    return static_cast<double>(now.tv_sec) + now.tv_nsec * 1e-9 - static_cast<double>(startTicks) / ticksPerSecond;
}

class FirstPaintReporter : public QObject {
public:
    FirstPaintReporter(QObject* parent, bool quitWhenPainted) : QObject(parent), m_quitWhenPainted(quitWhenPainted) {}

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::Paint && !m_reported) {
            m_reported = true;
            // After this paint has reached the window: the next turn of the event loop.
            QTimer::singleShot(0, this, [this] {
                std::fprintf(stderr, "window shown after %.3f s\n", secondsSinceProcessStart());
                if (m_quitWhenPainted) QCoreApplication::exit(0);
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_quitWhenPainted = true;
    bool m_reported = false;
};

}  // namespace

void reportStartupOnFirstPaint(QWidget& window) {
    const char* mode = std::getenv("TWINSIGHT_REPORT_STARTUP");
    if (mode == nullptr) return;
    const bool untilThumbnails = std::strcmp(mode, "thumbnails") == 0;
    window.installEventFilter(new FirstPaintReporter(&window, !untilThumbnails));
    auto* browser = window.findChild<ui::ImageBrowser*>();
    if (!untilThumbnails || browser == nullptr) return;
    QObject::connect(browser, &ui::ImageBrowser::thumbnailsFinished, &window, [] {
        std::fprintf(stderr, "thumbnails done after %.3f s\n", secondsSinceProcessStart());
        QCoreApplication::exit(0);
    });
}

}  // namespace twinsight::app
