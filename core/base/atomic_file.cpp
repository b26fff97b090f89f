#include "core/base/atomic_file.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

#include "core/base/file_errors.h"

namespace twinsight::core {
namespace fs = std::filesystem;

// Such a name is written through the descriptor the program already holds, at its offset: following the link could
// replace the file the shell redirected the stream to.
int standardStreamDescriptor(const std::string& path) {
    if (path == "/dev/stdout") return 1;
    if (path == "/dev/stderr") return 2;
    for (const std::string prefix : {"/dev/fd/", "/proc/self/fd/"}) {
        const std::string digits = path.substr(0, prefix.size()) == prefix ? path.substr(prefix.size()) : "";
        if (!digits.empty() && digits.size() < 6 && digits.find_first_not_of("0123456789") == std::string::npos) {
            return std::stoi(digits);
        }
    }
    return -1;
}

namespace {

// The temporary files being written now, for the signal handler: fixed slots (no allocation in a handler), each
// free, being filled, or holding a name the handler may unlink.
constexpr int kSlotFree = 0, kSlotFilling = 1, kSlotHeld = 2;
constexpr std::size_t kMaxTemporaryPath = 4096;
struct TemporarySlot {
    std::atomic<int> state{kSlotFree};
    char path[kMaxTemporaryPath] = {};
};
std::array<TemporarySlot, 16> g_temporaries;
static_assert(std::atomic<int>::is_always_lock_free, "the signal handler reads the slots' state");

// The slot holding `path` until destroyed; no slot (nothing removed on a signal) when all are taken or the name is
// too long, which only loses the clean-up, never the write.
class RegisteredTemporary {
public:
    explicit RegisteredTemporary(const fs::path& path) {
        const std::string& name = path.native();
        if (name.size() >= kMaxTemporaryPath) return;
        for (TemporarySlot& slot : g_temporaries) {
            int expected = kSlotFree;
            if (!slot.state.compare_exchange_strong(expected, kSlotFilling)) continue;
            std::memcpy(slot.path, name.c_str(), name.size() + 1);
            slot.state.store(kSlotHeld);
            m_slot = &slot;
            return;
        }
    }
    ~RegisteredTemporary() {
        if (m_slot) m_slot->state.store(kSlotFree);
    }
    RegisteredTemporary(const RegisteredTemporary&) = delete;
    RegisteredTemporary& operator=(const RegisteredTemporary&) = delete;

private:
    TemporarySlot* m_slot = nullptr;
};

void removeTemporariesAndDie(int signalNumber) {
    for (TemporarySlot& slot : g_temporaries) {
        if (slot.state.load() == kSlotHeld) ::unlink(slot.path);
    }
    ::signal(signalNumber, SIG_DFL);
    ::raise(signalNumber);  // blocked until the handler returns, then the default action ends the program
}

// ".NAME.tmpDIGITS" for the target NAME.
bool isTemporaryNameOf(const std::string& candidate, const std::string& targetName) {
    const std::string prefix = "." + targetName + ".tmp";
    if (candidate.size() <= prefix.size() || candidate.compare(0, prefix.size(), prefix) != 0) return false;
    return candidate.find_first_not_of("0123456789", prefix.size()) == std::string::npos;
}

void pauseForTests() {
    const char* seconds = std::getenv("TWINSIGHT_TEST_PAUSE_BEFORE_RENAME");
    if (seconds == nullptr) return;
    for (int left = std::atoi(seconds); left > 0;) left = static_cast<int>(::sleep(static_cast<unsigned>(left)));
}

// A link is followed, so that the rename replaces the file it points to and the link itself stays.
fs::path resolvedTarget(const std::string& path) {
    std::error_code error;
    if (!fs::is_symlink(fs::symlink_status(path, error))) return path;
    const fs::path resolved = fs::weakly_canonical(path, error);
    if (error) throw std::runtime_error(path + ": cannot follow the link (" + error.message() + ")");
    return resolved;
}

// True for a FIFO or a character device, false for a regular file or nothing yet; throws for anything else.
bool isStream(const std::string& path, const fs::path& target) {
    std::error_code error;
    const fs::file_status status = fs::status(target, error);
    if (status.type() == fs::file_type::not_found || fs::is_regular_file(status)) return false;
    if (fs::is_fifo(status) || fs::is_character_file(status)) return true;
    if (fs::is_directory(status)) throw std::runtime_error(path + ": is a folder, expected a file name");
    if (error) throw std::runtime_error(path + ": cannot write (" + error.message() + ")");
    throw std::runtime_error(path + ": " + notRegularFileReason(target.string()) + "; refusing to replace it");
}

// Writes every byte to `fd`; false with errno set when that fails.
bool writeAll(int fd, const std::string& bytes) {
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t count = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (count < 0 && errno == EINTR) continue;
        if (count == 0) errno = EIO;  // write() made no progress and set no error
        if (count <= 0) return false;
        written += static_cast<std::size_t>(count);
    }
    return true;
}

[[noreturn]] void failWriting(const std::string& path, int error) {
    throw std::runtime_error(path + ": writing failed (" + std::strerror(error) + ")");
}

// Writes and fsyncs `bytes` to `temporary`, so that after the rename a crash leaves the old file or the new one,
// never an empty one. Removes `temporary` and throws, naming `path`, when that fails.
void writeDurably(const fs::path& temporary, const std::string& bytes, const std::string& path) {
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0) throw std::runtime_error(path + ": cannot write (" + std::strerror(errno) + ")");
    const bool complete = writeAll(fd, bytes) && ::fsync(fd) == 0;
    const int savedErrno = errno;
    ::close(fd);
    if (!complete) {
        std::error_code ignored;
        fs::remove(temporary, ignored);
        failWriting(path, savedErrno);
    }
}

void writeInPlace(const std::string& path, const fs::path& target, const std::string& bytes) {
    const int stream = standardStreamDescriptor(path);
    if (stream >= 0) {
        std::fflush(nullptr);  // what the program printed before comes first
        if (!writeAll(stream, bytes)) failWriting(path, errno);
        return;
    }
    const int fd = ::open(target.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) throw std::runtime_error(path + ": cannot write (" + std::strerror(errno) + ")");
    const bool complete = writeAll(fd, bytes);
    const int savedErrno = errno;
    ::close(fd);
    if (!complete) failWriting(path, savedErrno);
}

}  // namespace

bool writesInPlace(const std::string& path) {
    return standardStreamDescriptor(path) >= 0 || isStream(path, resolvedTarget(path));
}

void removeStaleTemporaryFiles(const std::string& targetPath, int maximumAgeSeconds) {
    const fs::path target(targetPath);
    const std::string name = target.filename().string();
    const fs::path folder = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    const auto oldest = fs::file_time_type::clock::now() - std::chrono::seconds(maximumAgeSeconds);
    std::error_code error;
    for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
        if (!isTemporaryNameOf(it->path().filename().string(), name)) continue;
        std::error_code ignored;
        if (!it->is_regular_file(ignored) || it->is_symlink(ignored)) continue;
        const fs::file_time_type modified = it->last_write_time(ignored);
        if (!ignored && modified < oldest) fs::remove(it->path(), ignored);
    }
}

void removeTemporaryFilesOnSignals() {
    for (const int signalNumber : {SIGINT, SIGTERM, SIGHUP}) {
        struct sigaction previous {};
        if (::sigaction(signalNumber, nullptr, &previous) != 0 || previous.sa_handler == SIG_IGN) continue;
        struct sigaction action {};
        action.sa_handler = removeTemporariesAndDie;
        sigemptyset(&action.sa_mask);
        for (const int other : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&action.sa_mask, other);  // one clean-up at a time
        ::sigaction(signalNumber, &action, nullptr);
    }
}

void writeFileAtomically(const std::string& path, const std::string& bytes) {
    if (standardStreamDescriptor(path) >= 0) return writeInPlace(path, path, bytes);
    const fs::path target = resolvedTarget(path);
    if (isStream(path, target)) return writeInPlace(path, target, bytes);
    removeStaleTemporaryFiles(target.string());
    std::random_device entropy;
    const fs::path temporary =
        target.parent_path() / ("." + target.filename().string() + ".tmp" + std::to_string(entropy()));
    const RegisteredTemporary registered(temporary);  // removed if a signal ends the program before the rename
    writeDurably(temporary, bytes, path);
    pauseForTests();
    std::error_code error;
    const fs::file_status existing = fs::status(target, error);
    if (!error && fs::exists(existing)) fs::permissions(temporary, existing.permissions(), error);  // keep its mode
    error.clear();
    fs::rename(temporary, target, error);
    if (error) {
        std::error_code ignored;
        fs::remove(temporary, ignored);
        throw std::runtime_error(path + ": cannot write (" + error.message() + ")");
    }
}

std::string readWholeFile(const std::string& path) {
    requireRegularFile(path);  // a FIFO would block the open
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path + ": cannot read (" + std::strerror(errno) + ")");
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

}  // namespace twinsight::core
