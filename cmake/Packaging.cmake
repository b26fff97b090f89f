# Installation layout and the Debian package: `cmake --build <dir> --target package` (or `cpack` in the build
# folder) writes twinsight_<version>_<arch>.deb with both programs, the desktop entry, the icon and the metainfo.

include(GNUInstallDirs)

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
set(CPACK_PACKAGE_CONTACT "Twinsight maintainers <twinsight@example.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION graphics)
# dpkg-shlibdeps turns the linked libraries (LibTorch, OpenCV, Qt, QCustomPlot) into package dependencies.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
include(CPack)
