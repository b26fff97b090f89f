#pragma once
// The message of the std::runtime_error an action throws, for tests of one-line errors.

#include <gtest/gtest.h>

#include <functional>
#include <stdexcept>
#include <string>

namespace twinsight::testing {

// The what() of the std::runtime_error `action` throws; fails the test when it throws nothing.
inline std::string errorOf(const std::function<void()>& action) {
    try {
        action();
    } catch (const std::runtime_error& error) {
        return error.what();
    }
    ADD_FAILURE() << "no std::runtime_error thrown";
    return {};
}

}  // namespace twinsight::testing
