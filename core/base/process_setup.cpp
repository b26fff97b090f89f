#include "core/base/process_setup.h"

#include <cstdlib>

namespace twinsight::core {

void preferPassiveOpenMpWaiting() { setenv("OMP_WAIT_POLICY", "PASSIVE", /*overwrite=*/0); }

}  // namespace twinsight::core
