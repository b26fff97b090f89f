#pragma once
// Start-up and memory part of twinsight-bench: the real programs run as a user runs them, each a fresh process,
// timed from fork to exit, their peak resident memory from the kernel (wait4).

#include <string>
#include <vector>

namespace twinsight::bench {

struct ProcessRun {
    int exitCode = -1;
    double seconds = 0.0;  // wall time, fork to exit
    double peakMiB = 0.0;  // the process's peak resident memory
    std::string err;       // its standard error
};

// Runs `program` with `arguments`, `environment` ("NAME=value") added to this process's, standard output dropped.
ProcessRun runProcess(const std::string& program, const std::vector<std::string>& arguments,
                      const std::vector<std::string>& environment = {});

// The median wall time of `runs` runs; throws naming the program when one fails.
double medianSeconds(int runs, const std::string& program, const std::vector<std::string>& arguments);

// The desktop program's "window shown after S s" (TWINSIGHT_REPORT_STARTUP), median over `runs` starts; on the
// display there is, else Qt's offscreen platform. Negative when the program is missing.
double medianWindowSeconds(int runs, const std::string& desktopProgram);

// The desktop program opening `folder` until its grid's thumbnails are all decoded (TWINSIGHT_REPORT_STARTUP=
// thumbnails): its peak memory and time. A run with exit code -1 when the program is missing.
ProcessRun desktopGridFilled(const std::string& desktopProgram, const std::string& folder);

// A folder of `count` hard links to `sources` in turn: as many files as a large shoot, no extra disk.
void linkFolder(const std::string& folder, const std::vector<std::string>& sources, int count);

// Writes a PNG of width x height (a sample scene enlarged); returns its path.
std::string writeLargePng(const std::string& folder, int width, int height);

}  // namespace twinsight::bench
