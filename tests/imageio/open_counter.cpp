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

using twinsight::testing::countOpen;
using twinsight::testing::modeOf;
using twinsight::testing::next;

extern "C" {

int open(const char* path, int flags, ...) {
    va_list arguments;
    va_start(arguments, flags);
    const mode_t mode = modeOf(flags, arguments);
    va_end(arguments);
    countOpen(path);
    static const auto real = next<int (*)(const char*, int, ...)>("open");
    return real(path, flags, mode);
}

int open64(const char* path, int flags, ...) {
    va_list arguments;
    va_start(arguments, flags);
    const mode_t mode = modeOf(flags, arguments);
    va_end(arguments);
    countOpen(path);
    static const auto real = next<int (*)(const char*, int, ...)>("open64");
    return real(path, flags, mode);
}

int openat(int folder, const char* path, int flags, ...) {
    va_list arguments;
    va_start(arguments, flags);
    const mode_t mode = modeOf(flags, arguments);
    va_end(arguments);
    countOpen(path);
    static const auto real = next<int (*)(int, const char*, int, ...)>("openat");
    return real(folder, path, flags, mode);
}

int openat64(int folder, const char* path, int flags, ...) {
    va_list arguments;
    va_start(arguments, flags);
    const mode_t mode = modeOf(flags, arguments);
    va_end(arguments);
    countOpen(path);
    static const auto real = next<int (*)(int, const char*, int, ...)>("openat64");
    return real(folder, path, flags, mode);
}

int __open_2(const char* path, int flags) {
    countOpen(path);
    static const auto real = next<int (*)(const char*, int)>("__open_2");
    return real(path, flags);
}

int __open64_2(const char* path, int flags) {
    countOpen(path);
    static const auto real = next<int (*)(const char*, int)>("__open64_2");
    return real(path, flags);
}

FILE* fopen(const char* path, const char* mode) {
    countOpen(path);
    static const auto real = next<FILE* (*)(const char*, const char*)>("fopen");
    return real(path, mode);
}

FILE* fopen64(const char* path, const char* mode) {
    countOpen(path);
    static const auto real = next<FILE* (*)(const char*, const char*)>("fopen64");
    return real(path, mode);
}

}  // extern "C"
