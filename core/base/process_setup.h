#pragma once
// Process-wide set-up that must happen before LibTorch is loaded.

namespace twinsight::core {

// OpenMP threads that spin while waiting take the core that the batch sampler and the user interface need: on
// 2 busy cores, 2 training threads ran 65 pairs/s against 300 with 1 thread, and 270 with OMP_WAIT_POLICY=PASSIVE
// (README, "Threads"). libgomp reads that variable once, when it is loaded with LibTorch, which the network
// module (core/model/network_backend.h) brings in only when a network is first used. This sets PASSIVE unless
// the user chose a policy. Call it first thing in main(), before any thread starts (setenv is not thread-safe).
void preferPassiveOpenMpWaiting();

}  // namespace twinsight::core
