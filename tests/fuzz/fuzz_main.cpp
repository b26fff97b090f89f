// The fuzz tests run under a memory ceiling, so that a size read from a damaged file and trusted before it is checked
// ends in std::bad_alloc (which the tests count as a failure) instead of filling the machine. Under AddressSanitizer
// the ceiling is its max_allocation_size_mb option instead (the sanitizer reserves far more address space).
#include <gtest/gtest.h>

#include <sys/resource.h>

namespace {

constexpr rlim_t kAddressSpaceCeiling = rlim_t(16) << 30;  // LibTorch and OpenMP reserve a few GiB of address space

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kUnderAddressSanitizer = true;
#else
constexpr bool kUnderAddressSanitizer = false;
#endif

}  // namespace

int main(int argc, char** argv) {
    ::testing::InitGoogleTest(&argc, argv);
    if (!kUnderAddressSanitizer) {
        rlimit limit{};
        if (getrlimit(RLIMIT_AS, &limit) == 0 &&
            (limit.rlim_cur == RLIM_INFINITY || limit.rlim_cur > kAddressSpaceCeiling)) {
            limit.rlim_cur = kAddressSpaceCeiling;
            setrlimit(RLIMIT_AS, &limit);
        }
    }
    return RUN_ALL_TESTS();
}
