#include "core/base/process_setup.h"

#include <unistd.h>

#include <cstdlib>

namespace twinsight::core {

void ensurePassiveOpenMpWaiting(char** argv) {
    if (std::getenv("OMP_WAIT_POLICY") != nullptr) return;
    setenv("OMP_WAIT_POLICY", "PASSIVE", /*overwrite=*/1);
    execv("/proc/self/exe", argv);  // only returns on failure: then run on with OpenMP's default
}

}  // namespace twinsight::core
