# Installation layout and the Debian package: `cmake --build <dir> --target package` (or `cpack` in the build
# folder) writes twinsight_<version>_<arch>.deb with both programs, their manual pages, the bash completion, the
# desktop entry, the icon, the metainfo, and the copyright and changelog files Debian asks for.
# packaging/check_package.sh checks the package (ctest -L packaging), lintian included: no error, no warning.

include(GNUInstallDirs)

# Who maintains the package: the project has no mail address of its own, and Debian requires one. Whoever
# distributes the package names themselves, as debchange does: DEBFULLNAME and DEBEMAIL, or this variable.
if(DEFINED ENV{DEBFULLNAME} AND DEFINED ENV{DEBEMAIL})
    set(_maintainer "$ENV{DEBFULLNAME} <$ENV{DEBEMAIL}>")
else()
    set(_maintainer "The Twinsight authors <twinsight-authors@no-address.invalid>")
endif()
set(TWINSIGHT_PACKAGE_MAINTAINER "${_maintainer}" CACHE STRING "Maintainer of the Debian package: Name <address>")

set(_doc_dir ${CMAKE_INSTALL_DATADIR}/doc/twinsight)
set(_generated ${PROJECT_BINARY_DIR}/packaging)

# copyright: machine-readable (DEP-5), its notice and licence text taken from LICENSE.
file(READ ${PROJECT_SOURCE_DIR}/LICENSE _license)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/LICENSE)
string(REGEX MATCH "Copyright \\(c\\) ([^\n]+)" _ "${_license}")
set(TWINSIGHT_COPYRIGHT "${CMAKE_MATCH_1}")
string(REGEX REPLACE "^.*Copyright \\(c\\) [^\n]+\n+" "" _license "${_license}")
string(REGEX REPLACE "\n+$" "" _license "${_license}")
string(REGEX REPLACE "\n\n" "\n.\n" _license "${_license}")
string(REPLACE "\n" "\n " _license "${_license}")
set(TWINSIGHT_LICENSE_TEXT " ${_license}")
configure_file(${PROJECT_SOURCE_DIR}/packaging/debian/copyright.in ${_generated}/copyright @ONLY)

# changelog.gz: one entry for this version, dated at configure time (SOURCE_DATE_EPOCH when set).
string(TIMESTAMP TWINSIGHT_CHANGELOG_DATE "%a, %d %b %Y %H:%M:%S +0000" UTC)
configure_file(${PROJECT_SOURCE_DIR}/packaging/debian/changelog.in ${_generated}/changelog @ONLY)

# gzip -9n, as Debian wants: best compression, no name or time stamp inside.
find_program(GZIP_EXECUTABLE gzip REQUIRED)
add_custom_command(OUTPUT ${_generated}/changelog.gz
    COMMAND ${GZIP_EXECUTABLE} -9nkf changelog
    DEPENDS ${_generated}/changelog
    WORKING_DIRECTORY ${_generated}
    VERBATIM)
set(_package_files ${_generated}/changelog.gz)

# Manual pages from the programs' own --help (help2man) and a hand-written part (packaging/man/PROGRAM.h2m).
find_program(HELP2MAN_EXECUTABLE help2man)
if(NOT HELP2MAN_EXECUTABLE)
    message(WARNING "help2man not found (Debian package help2man): no manual pages; the packaging test fails")
endif()
function(twinsight_add_man_page program name)
    if(NOT TARGET ${program} OR NOT HELP2MAN_EXECUTABLE)
        return()
    endif()
    set(include ${PROJECT_SOURCE_DIR}/packaging/man/${program}.h2m)
    add_custom_command(OUTPUT ${_generated}/${program}.1.gz
        # offscreen: should a program ever need a display for --help, the page is still made without one.
        COMMAND ${CMAKE_COMMAND} -E env QT_QPA_PLATFORM=offscreen OMP_WAIT_POLICY=PASSIVE
                ${HELP2MAN_EXECUTABLE} --no-info --section=1 --name=${name} --include=${include}
                --version-string=${PROJECT_VERSION} ${ARGN} --output=${program}.1 $<TARGET_FILE:${program}>
        COMMAND ${GZIP_EXECUTABLE} -9nf ${program}.1
        DEPENDS ${program} ${include}
        WORKING_DIRECTORY ${_generated}
        VERBATIM)
    install(FILES ${_generated}/${program}.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
    set(_package_files ${_package_files} ${_generated}/${program}.1.gz PARENT_SCOPE)
endfunction()
# twinsight-cli: every command with its options (--help-all); the pages take the version from here, as the
# desktop program calls itself "Twinsight" in its --version.
twinsight_add_man_page(twinsight-cli "train and score self-supervised image quality models" --help-option=--help-all)
twinsight_add_man_page(twinsight "rank a folder of images by blur, rotation, brightness and more, without labels")
add_custom_target(twinsight_package_files ALL DEPENDS ${_package_files})

install(FILES ${_generated}/copyright ${_generated}/changelog.gz DESTINATION ${_doc_dir})
install(FILES ${PROJECT_SOURCE_DIR}/packaging/twinsight-cli.bash-completion
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME twinsight-cli)

if(TARGET twinsight)
    install(FILES ${PROJECT_SOURCE_DIR}/resources/twinsight.desktop
            DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    install(FILES ${PROJECT_SOURCE_DIR}/resources/twinsight.svg
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
    install(FILES ${PROJECT_SOURCE_DIR}/resources/io.github.twinsight.Twinsight.metainfo.xml
            DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME twinsight)
set(CPACK_PACKAGE_VENDOR "Twinsight")
set(CPACK_PACKAGE_CONTACT "${TWINSIGHT_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION_FILE ${PROJECT_SOURCE_DIR}/packaging/debian/description.txt)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION graphics)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# dpkg-shlibdeps turns the linked libraries (LibTorch, OpenCV, Qt, QCustomPlot) into package dependencies.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
include(CPack)

if(TWINSIGHT_BUILD_TESTS)
    add_test(NAME debian_package
             COMMAND ${PROJECT_SOURCE_DIR}/packaging/check_package.sh ${PROJECT_BINARY_DIR} ${PROJECT_VERSION}
                     ${CMAKE_CPACK_COMMAND})
    set_tests_properties(debian_package PROPERTIES LABELS packaging TIMEOUT 900)
endif()
