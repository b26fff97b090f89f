#pragma once
// Process-wide set-up that must happen before LibTorch does any work.

namespace twinsight::core {

// OpenMP threads that spin while waiting take the core that the batch sampler and the user interface need: on
// 2 busy cores, 2 training threads ran 65 pairs/s against 300 with 1 thread, and 270 with OMP_WAIT_POLICY=PASSIVE
// (README, "Threads"). libgomp reads that variable once, when it is loaded, before main() runs, so setting it in
// main() is too late: this re-executes the program once with PASSIVE set, unless the user chose a policy.
// Call it first thing in main(); it returns normally when there is nothing to do or the re-execution fails.
void ensurePassiveOpenMpWaiting(char** argv);

}  // namespace twinsight::core
