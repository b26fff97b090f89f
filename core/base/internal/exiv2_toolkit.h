#pragma once
// Exiv2 set up once for the process, for the sidecars and for the capture times: its messages kept for our own
// one-line errors instead of printed, and its XMP toolkit ready. Exiv2 0.27's namespace registry and XMP toolkit
// are process-wide and unsafe from several threads at once: hold exiv2Mutex() around any use.

#include <mutex>
#include <string>

namespace twinsight::core {

void prepareExiv2();
std::mutex& exiv2Mutex();
// The last message Exiv2 logged on this thread (trailing spaces dropped); clear it before a call to read it after.
std::string& lastExiv2Message();

}  // namespace twinsight::core
