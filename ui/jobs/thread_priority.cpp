#include "ui/jobs/thread_priority.h"

#include <algorithm>

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace twinsight::ui {

void lowerCurrentThreadPriority() {
#ifdef __linux__
    // On Linux the nice value belongs to each thread (a PRIO_PROCESS call with a thread id sets that thread only),
    // and threads inherit it from the thread that creates them.
    const int processNice = getpriority(PRIO_PROCESS, static_cast<id_t>(getpid()));
    const auto thread = static_cast<id_t>(syscall(SYS_gettid));
    setpriority(PRIO_PROCESS, thread, std::min(19, processNice + kBackgroundNiceIncrement));
#endif
}

}  // namespace twinsight::ui
