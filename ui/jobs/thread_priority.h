#pragma once
// Background work (training, thumbnails, scoring) runs at a lower scheduling priority than the UI thread, so that
// on a machine with few cores the window is served first and never waits behind a training step.

namespace twinsight::ui {

// How much lower, in nice levels: enough for the scheduler to prefer the UI thread, little enough that background
// work still gets most of the machine when the UI is idle.
inline constexpr int kBackgroundNiceIncrement = 5;

// Lowers the calling thread's priority to the process's nice level plus kBackgroundNiceIncrement. Threads it starts
// afterwards (LibTorch's, the batch sampler's, decoders) inherit it. Idempotent; does nothing where threads have no
// priority of their own (outside Linux).
void lowerCurrentThreadPriority();

}  // namespace twinsight::ui
