#pragma once
// How long the window took to reach the screen, for the benchmark (README, "Speed"): with TWINSIGHT_REPORT_STARTUP
// set, the program prints "window shown after S s" on standard error once the window has been painted the first
// time (S counted from the process's start, the loading of its libraries included), then quits. Set to
// "thumbnails", it prints that line and goes on until the folder's thumbnails are all decoded, prints "thumbnails
// done after S s", then quits (the benchmark reads the peak memory of the grid filled).

class QWidget;

namespace twinsight::app {

// Does nothing unless TWINSIGHT_REPORT_STARTUP is set.
void reportStartupOnFirstPaint(QWidget& window);

}  // namespace twinsight::app
