#include "core/model/network_backend.h"

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <stdexcept>

#include "twinsight_version.h"

namespace twinsight::core {
namespace {

using BackendEntry = const NetworkBackend* (*)(int interfaceVersion, const char* engineVersion);

// The thread count asked for before the module loaded is applied when it loads; `loaded` is set once, under
// `mutex`, after the load.
struct ThreadRequest {
    std::mutex mutex;
    int threads = 0;  // 0: none asked for
    const NetworkBackend* loaded = nullptr;
};

ThreadRequest& threadRequest() {
    static ThreadRequest request;
    return request;
}

std::string programFolder() {
    std::error_code error;
    const std::filesystem::path program = std::filesystem::read_symlink("/proc/self/exe", error);
    return error ? std::string() : program.parent_path().string();
}

const NetworkBackend* loadModule() {
    const std::string path = networkModulePath();
    // RTLD_LOCAL: LibTorch's symbols stay the module's own. The handle is never closed: the backend's objects and
    // LibTorch's threads live as long as the process.
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
        const char* reason = dlerror();
        throw std::runtime_error("cannot load the network module (" + std::string(reason ? reason : path) +
                                 "); reinstall Twinsight");
    }
    const auto entry = reinterpret_cast<BackendEntry>(dlsym(handle, "twinsight_network_backend"));
    if (entry == nullptr) throw std::runtime_error(path + ": not a Twinsight network module; reinstall Twinsight");
    const NetworkBackend* backend = entry(kNetworkInterfaceVersion, kVersion);
    if (backend == nullptr) {
        throw std::runtime_error(path + ": network module of another Twinsight version than " + std::string(kVersion) +
                                 "; reinstall Twinsight");
    }
    ThreadRequest& request = threadRequest();
    const std::lock_guard lock(request.mutex);
    if (request.threads > 0) backend->setThreads(request.threads);
    request.loaded = backend;
    return backend;
}

}  // namespace

std::string networkModulePath() {
    if (const char* chosen = std::getenv("TWINSIGHT_NETWORK_MODULE"); chosen != nullptr && *chosen != '\0') {
        return chosen;
    }
    const std::string folder = programFolder();
    if (!folder.empty()) {
        const std::filesystem::path installed = std::filesystem::path(folder) / TWINSIGHT_NETWORK_MODULE_FROM_PROGRAM;
        std::error_code error;
        if (std::filesystem::exists(installed, error)) return installed.lexically_normal().string();
    }
    return TWINSIGHT_NETWORK_MODULE_BUILT;
}

const NetworkBackend& networkBackend() {
    // A failed load throws out of the initialisation, and the next call tries again.
    static const NetworkBackend* const backend = loadModule();
    return *backend;
}

void setComputeThreads(int threads) {
    if (threads < 1) throw std::invalid_argument("threads must be at least 1, got " + std::to_string(threads));
    ThreadRequest& request = threadRequest();
    const std::lock_guard lock(request.mutex);
    request.threads = threads;
    if (request.loaded != nullptr) request.loaded->setThreads(threads);
}

}  // namespace twinsight::core
