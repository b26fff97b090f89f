#include "ui/window/save_dialog.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace twinsight::ui {
namespace {
const char* const kFolderKey = "dialogs/lastFolder";
}  // namespace

QString dialogStartFolder() {
    const QString remembered = QSettings().value(kFolderKey).toString();
    if (!remembered.isEmpty() && QFileInfo(remembered).isDir()) return remembered;
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QFileInfo(documents).isDir() ? documents : QDir::homePath();
}

void rememberDialogFolder(const QString& path) { QSettings().setValue(kFolderKey, QFileInfo(path).absolutePath()); }

QString askSavePath(QWidget* parent, const QString& title, const QString& suggestedName,
                    const QList<SaveFormat>& formats) {
    QFileDialog dialog(parent, title, QDir(dialogStartFolder()).filePath(suggestedName));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setFileMode(QFileDialog::AnyFile);
    QStringList filters;
    for (const SaveFormat& format : formats) filters << format.filter;
    dialog.setNameFilters(filters);
    if (!formats.isEmpty()) dialog.setDefaultSuffix(formats.first().suffix);
    // The suffix follows the chosen format, so "plot" saved as SVG becomes plot.svg, and the overwrite question is
    // asked about the file that will really be written.
    QObject::connect(&dialog, &QFileDialog::filterSelected, &dialog, [&dialog, formats](const QString& filter) {
        for (const SaveFormat& format : formats) {
            if (format.filter == filter) dialog.setDefaultSuffix(format.suffix);
        }
    });
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty()) return {};
    const QString path = dialog.selectedFiles().constFirst();
    rememberDialogFolder(path);
    return path;
}

}  // namespace twinsight::ui
