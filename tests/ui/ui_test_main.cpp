// The UI tests' main: one QApplication for every test, on the offscreen platform, with the settings, cache and
// data folders of the program redirected into a temporary folder so that no test touches the user's own.

#include <gtest/gtest.h>

#include <QApplication>
#include <QTemporaryDir>
#include <cstdlib>

#include "core/base/process_setup.h"
#include "core/model/device.h"

int main(int argc, char** argv) {
    setenv("QT_QPA_PLATFORM", "offscreen", /*overwrite=*/0);
    twinsight::core::preferPassiveOpenMpWaiting();
    QTemporaryDir home;
    if (!home.isValid()) return 1;
    for (const char* variable : {"XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_DOCUMENTS_DIR"}) {
        setenv(variable, (home.path() + "/" + variable).toLocal8Bit().constData(), /*overwrite=*/1);
    }
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName("TwinsightTests");
    QCoreApplication::setApplicationName("TwinsightTests");
    twinsight::core::setComputeThreads(twinsight::core::defaultThreadCount());
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
