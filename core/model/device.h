#pragma once
// Which compute devices this build can use: CUDA when LibTorch has it and a GPU is present, else the CPU.

#include <string>

namespace twinsight::core {

struct DeviceSupport {
    bool cudaAvailable = false;
    int cudaDevices = 0;
    std::string reason;  // why CUDA cannot be used, empty when it can
};

// Loads the network module (network_backend.h) when it is not loaded yet.
DeviceSupport probeDevices();

// Resolves "auto", "cpu" or "cuda" to "cpu" or "cuda"; throws std::invalid_argument for other words and
// std::runtime_error when CUDA is asked for but cannot be used.
std::string resolveDeviceName(const std::string& request);

// LibTorch's CPU threads for training and scoring when the user gives none: the measured fastest on this
// machine's core count with the batch sampler busy on another thread (README, "Threads").
int defaultThreadCount();

// Sets LibTorch's intra-op thread count (Debian's LibTorch starts with one): at once when the network module is
// loaded, else when it loads. Throws std::invalid_argument below 1.
void setComputeThreads(int threads);

}  // namespace twinsight::core
