#include "core/imageio/internal/decoder_messages.h"

#include <algorithm>
#include <array>
#include <iostream>
#include <mutex>
#include <streambuf>
#include <string>
#include <string_view>

#include <opencv2/core/utils/logger.hpp>

namespace twinsight::core {
namespace {

// How OpenCV 4's loadsave.cpp starts the lines it prints when a decoder fails.
constexpr std::array<std::string_view, 2> kDecoderLinePrefixes = {"imread_('", "imdecode_('"};

bool isDecoderLine(const std::string& line) {
    for (std::string_view prefix : kDecoderLinePrefixes) {
        if (line.compare(0, prefix.size(), prefix) == 0) return true;
    }
    return false;
}

// Collects each thread's characters up to a line break, then forwards the line unless a decoder wrote it.
class DecoderLineFilter : public std::streambuf {
public:
    explicit DecoderLineFilter(std::streambuf* target) : m_target(target) {}

protected:
    int_type overflow(int_type character) override {
        if (traits_type::eq_int_type(character, traits_type::eof())) return traits_type::not_eof(character);
        pending().push_back(traits_type::to_char_type(character));
        if (character == '\n') forwardPending();
        return character;
    }
    std::streamsize xsputn(const char* text, std::streamsize count) override {
        for (std::streamsize i = 0; i < count; ++i) overflow(traits_type::to_int_type(text[i]));
        return count;
    }
    // A flush forwards an unfinished line too (a prompt, a progress line ending in '\r'), unless it may be the start
    // of a decoder's line, which always ends in a line break.
    int sync() override {
        if (!pending().empty() && !mayBecomeDecoderLine(pending())) forwardPending();
        const std::lock_guard<std::mutex> lock(m_mutex);
        return m_target->pubsync();
    }

private:
    static std::string& pending() {
        thread_local std::string line;
        return line;
    }
    static bool mayBecomeDecoderLine(const std::string& text) {
        for (std::string_view prefix : kDecoderLinePrefixes) {
            const std::size_t shared = std::min(prefix.size(), text.size());
            if (std::string_view(text).substr(0, shared) == prefix.substr(0, shared)) return true;
        }
        return false;
    }
    // A decoder's line ends in the exception's own line break and std::endl: the empty line after it goes too.
    void forwardPending() {
        std::string& line = pending();
        thread_local bool afterDecoderLine = false;
        const bool drop = isDecoderLine(line) || (afterDecoderLine && line == "\n");
        afterDecoderLine = isDecoderLine(line);
        if (!drop) {
            const std::lock_guard<std::mutex> lock(m_mutex);
            m_target->sputn(line.data(), static_cast<std::streamsize>(line.size()));
            m_target->pubsync();
        }
        line.clear();
    }

    std::streambuf* m_target;
    std::mutex m_mutex;
};

}  // namespace

void keepOpenCvDecoderLinesOffStderr() {
    static std::once_flag once;
    std::call_once(once, [] {
        // OpenCV's own log lines about the same files (TIFF warnings): its errors still reach the log.
        cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_ERROR);
        // Never destroyed: std::cerr is flushed after every static object is gone.
        auto* filter = new DecoderLineFilter(std::cerr.rdbuf());
        std::cerr.rdbuf(filter);
    });
}

}  // namespace twinsight::core
