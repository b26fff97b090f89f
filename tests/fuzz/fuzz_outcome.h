#pragma once
// What a fuzz test accepts from the code under test: a result, or a clean refusal (an exception whose message is one
// line and names the file). A crash fails the whole program, a hang the test's timeout; an allocation the process
// limit refuses (std::bad_alloc) means a size was trusted before it was checked, and fails the test.

#include <gtest/gtest.h>

#include <new>
#include <stdexcept>
#include <string>

namespace twinsight::testing {

struct FuzzTally {
    int results = 0;
    int refusals = 0;
};

// How a refusal's message may look.
enum class Quoting {
    None,        // one line: the message quotes nothing from the mutant
    InputValues  // it may quote values from the mutant, line breaks included (the CLI escapes them when it prints)
};

// Runs `call` on one mutant. `source` is the name the refusal must carry (empty: any one-line message), `mutant`
// identifies the mutant in a failure (format and index, enough to reproduce it).
template <class Call>
bool fuzzOne(FuzzTally& tally, const std::string& source, const std::string& mutant, Call&& call,
             Quoting quoting = Quoting::None) {
    try {
        call();
        ++tally.results;
        return true;
    } catch (const std::bad_alloc&) {
        ADD_FAILURE() << mutant << ": an allocation the memory limit refused (a size trusted before it was checked)";
    } catch (const std::exception& error) {
        const std::string message = error.what();
        if (quoting == Quoting::None) {
            EXPECT_EQ(message.find('\n'), std::string::npos) << mutant << ": message of several lines: " << message;
        }
        if (!source.empty()) {
            EXPECT_NE(message.find(source), std::string::npos) << mutant << ": message names no file: " << message;
        }
        ++tally.refusals;
    }
    return false;
}

}  // namespace twinsight::testing
