#include "core/base/internal/exiv2_toolkit.h"

#include <cctype>
#include <exiv2/error.hpp>
#include <exiv2/xmp_exiv2.hpp>
#include <stdexcept>

namespace twinsight::core {

namespace {
// Exiv2 logs errors instead of throwing them; keep the text for our exception instead of printing it.
void captureExiv2Log(int /*level*/, const char* message) {
    std::string& kept = lastExiv2Message();
    kept = message;
    while (!kept.empty() && std::isspace(static_cast<unsigned char>(kept.back()))) kept.pop_back();
}

void lockToolkit(void* mutex, bool lock) {
    if (lock)
        static_cast<std::mutex*>(mutex)->lock();
    else
        static_cast<std::mutex*>(mutex)->unlock();
}
}  // namespace

std::string& lastExiv2Message() {
    thread_local std::string message;
    return message;
}

std::mutex& exiv2Mutex() {
    static std::mutex mutex;
    return mutex;
}

void prepareExiv2() {
    static std::once_flag once;
    static std::mutex toolkitMutex;
    std::call_once(once, [] {
        Exiv2::LogMsg::setLevel(Exiv2::LogMsg::error);
        Exiv2::LogMsg::setHandler(captureExiv2Log);
        if (!Exiv2::XmpParser::initialize(lockToolkit, &toolkitMutex))
            throw std::runtime_error("Exiv2: the XMP toolkit failed to initialise");
    });
}

}  // namespace twinsight::core
