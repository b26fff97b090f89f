// twinsight: the desktop program. Parses the command line, sets up the application and opens the main window.

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <cstring>

#include "core/base/process_setup.h"
#include "desktop/startup_report.h"
#include "core/model/device.h"
#include "twinsight_version.h"
#include "ui/window/main_window.h"

namespace {

void describeApplication() {
    QCoreApplication::setApplicationName("Twinsight");
    QCoreApplication::setOrganizationName("Twinsight");
    QCoreApplication::setApplicationVersion(twinsight::kVersion);
}

void defineOptions(QCommandLineParser& parser) {
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Twinsight: annotation-free image quality inspector"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        "folder",
        QCoreApplication::translate("main", "Folder of images to open, or an image: its folder opens with it selected"),
        "[FOLDER|IMAGE]");
}

// --help and --version answer without a display (package checks, CI, ssh sessions).
bool asksForTextOnly(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        for (const char* option : {"-h", "--help", "--help-all", "-v", "--version"}) {
            if (std::strcmp(argv[i], option) == 0) return true;
        }
    }
    return false;
}

}  // namespace

int main(int argc, char** argv) {
    twinsight::core::preferPassiveOpenMpWaiting();
    if (asksForTextOnly(argc, argv)) {
        QCoreApplication app(argc, argv);
        describeApplication();
        QCommandLineParser parser;
        defineOptions(parser);
        parser.process(app);  // prints and exits
        return 0;
    }
    QApplication app(argc, argv);
    describeApplication();
    QGuiApplication::setDesktopFileName("twinsight");
    QApplication::setWindowIcon(QIcon::fromTheme("twinsight", QIcon(":/twinsight.svg")));
    QCommandLineParser parser;
    defineOptions(parser);
    parser.process(app);

    twinsight::core::setComputeThreads(twinsight::core::defaultThreadCount());
    twinsight::ui::MainWindow window;
    window.show();
    twinsight::app::reportStartupOnFirstPaint(window);
    window.start(parser.positionalArguments().value(0));
    return QApplication::exec();
}
