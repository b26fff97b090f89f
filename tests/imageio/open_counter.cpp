#undef _FORTIFY_SOURCE  // the C library would define open() inline itself
#include "open_counter.h"

#include <dlfcn.h>
#include <fcntl.h>

#include <atomic>
#include <cstdarg>
#include <cstdio>
#include <mutex>

namespace twinsight::testing {
namespace {

std::atomic_bool g_counting{false};
std::mutex g_mutex;
std::string g_folder;
std::map<std::string, int> g_opens;

void countOpen(const char* path) {
    if (!g_counting.load() || path == nullptr) return;
    const std::lock_guard lock(g_mutex);
    const std::string name(path);
    if (name.compare(0, g_folder.size(), g_folder) == 0) ++g_opens[name];
}

template <typename Function>
Function next(const char* name) {
    return reinterpret_cast<Function>(dlsym(RTLD_NEXT, name));
}

// The mode argument exists only when the flags create a file.
mode_t modeOf(int flags, va_list arguments) {
    return (flags & (O_CREAT | O_TMPFILE)) != 0 ? static_cast<mode_t>(va_arg(arguments, unsigned)) : 0;
}

}  // namespace

void startCountingOpens(const std::string& folder) {
    const std::lock_guard lock(g_mutex);
    g_folder = folder;
    g_opens.clear();
    g_counting = true;
}

std::map<std::string, int> stopCountingOpens() {
    g_counting = false;
    const std::lock_guard lock(g_mutex);
    return g_opens;
}

}  // namespace twinsight::testing

namespace {
using twinsight::testing::countOpen;
using twinsight::testing::modeOf;
using twinsight::testing::next;

int forwardOpen(const char* symbol, const char* path, int flags, mode_t mode) {
    countOpen(path);
    return next<int (*)(const char*, int, ...)>(symbol)(path, flags, mode);
}

int forwardOpenAt(const char* symbol, int folder, const char* path, int flags, mode_t mode) {
    countOpen(path);
    return next<int (*)(int, const char*, int, ...)>(symbol)(folder, path, flags, mode);
}

FILE* forwardFopen(const char* symbol, const char* path, const char* mode) {
    countOpen(path);
    return next<FILE* (*)(const char*, const char*)>(symbol)(path, mode);
}

}  // namespace

// The mode argument of open() and openat(), passed only when the flags create a file.
#define TWINSIGHT_MODE_ARGUMENT(flags, mode)      \
    va_list arguments;                            \
    va_start(arguments, flags);                   \
    const mode_t mode = modeOf(flags, arguments); \
    va_end(arguments)

extern "C" {

int open(const char* path, int flags, ...) {
    TWINSIGHT_MODE_ARGUMENT(flags, mode);
    return forwardOpen("open", path, flags, mode);
}

int open64(const char* path, int flags, ...) {
    TWINSIGHT_MODE_ARGUMENT(flags, mode);
    return forwardOpen("open64", path, flags, mode);
}

int openat(int folder, const char* path, int flags, ...) {
    TWINSIGHT_MODE_ARGUMENT(flags, mode);
    return forwardOpenAt("openat", folder, path, flags, mode);
}

int openat64(int folder, const char* path, int flags, ...) {
    TWINSIGHT_MODE_ARGUMENT(flags, mode);
    return forwardOpenAt("openat64", folder, path, flags, mode);
}

int __open_2(const char* path, int flags) { return forwardOpen("__open_2", path, flags, 0); }
int __open64_2(const char* path, int flags) { return forwardOpen("__open64_2", path, flags, 0); }
FILE* fopen(const char* path, const char* mode) { return forwardFopen("fopen", path, mode); }
FILE* fopen64(const char* path, const char* mode) { return forwardFopen("fopen64", path, mode); }

}  // extern "C"
