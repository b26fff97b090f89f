#pragma once
// How long the window took to reach the screen, for the benchmark (README, "Speed"): with TWINSIGHT_REPORT_STARTUP
// set, the program prints "window shown after S s" on standard error once the window has been painted the first
// time (S counted from the process's start, the loading of its libraries included), then quits.

class QWidget;

namespace twinsight::app {

// Does nothing unless TWINSIGHT_REPORT_STARTUP is set.
void reportStartupOnFirstPaint(QWidget& window);

}  // namespace twinsight::app
