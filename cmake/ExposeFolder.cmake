# Each library exposes its own folder and nothing else. Headers are named from the repository root ("core/...",
# "ui/..."), so the root itself would expose every folder to every library; instead a library's include folder holds
# one link, to its own source folder. core then cannot include ui/ or app/ headers, nor ui app/ headers: a layer
# that reaches upwards fails to compile. Headers under an internal/ folder are the library's own business; the test
# Layering.InternalHeadersStayInTheirLibrary keeps other libraries off them.
function(twinsight_expose_folder target scope folder)
    set(exposed ${PROJECT_BINARY_DIR}/exposed/${folder})
    file(MAKE_DIRECTORY ${exposed})
    if(NOT EXISTS ${exposed}/${folder})
        file(CREATE_LINK ${PROJECT_SOURCE_DIR}/${folder} ${exposed}/${folder} SYMBOLIC)
    endif()
    target_include_directories(${target} ${scope} ${exposed})
endfunction()
