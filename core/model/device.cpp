#include "core/model/device.h"

#include <algorithm>
#include <stdexcept>
#include <thread>

#include "core/model/network_backend.h"

namespace twinsight::core {

DeviceSupport probeDevices() { return networkBackend().probeDevices(); }

std::string resolveDeviceName(const std::string& request) {
    if (request != "auto" && request != "cpu" && request != "cuda") {
        throw std::invalid_argument("unknown device '" + request + "' (expected auto, cpu or cuda)");
    }
    if (request == "cpu") return request;
    const DeviceSupport support = probeDevices();
    if (request == "cuda" && !support.cudaAvailable) throw std::runtime_error("device cuda: " + support.reason);
    return support.cudaAvailable ? "cuda" : "cpu";
}

int defaultThreadCount() {
    const int cores = static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
    // Measured on 2 cores with the sampler thread busy: see README, "Threads". One core is left to the sampler
    // and the user interface.
    return std::max(1, cores - 1);
}

}  // namespace twinsight::core
