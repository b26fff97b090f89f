# Warning flags live on an INTERFACE target that every project target links PRIVATE.
add_library(twinsight_warnings INTERFACE)
target_compile_options(twinsight_warnings INTERFACE -Wall -Wextra -Wpedantic)
if(TWINSIGHT_WARNINGS_AS_ERRORS)
    target_compile_options(twinsight_warnings INTERFACE -Werror)
endif()
