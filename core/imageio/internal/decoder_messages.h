#pragma once
// OpenCV's image decoders print their own line on std::cerr for a malformed file ("imread_('x.tiff'): can't read
// data: OpenCV(4.6.0) ..."), and log warnings about it, beside the one-line "PATH: reason" Twinsight reports for that
// same file. This keeps those lines off stderr and leaves every other line as it is.

namespace twinsight::core {

// Installs, once per process, a filter on std::cerr that drops OpenCV's imread_/imdecode_ lines (each other line is
// passed on whole: lines written from several threads no longer interleave), and lowers OpenCV's log to errors.
// Safe to call from any thread, any number of times; loading an image calls it.
void keepOpenCvDecoderLinesOffStderr();

}  // namespace twinsight::core
