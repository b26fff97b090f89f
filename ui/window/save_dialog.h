#pragma once
// Every file Twinsight writes for the user goes through one save dialog: it starts outside the image folder (the
// last place the user saved to, else their documents), adds the format's suffix, and asks before overwriting.

#include <QString>
#include <QStringList>

class QWidget;

namespace twinsight::ui {

struct SaveFormat {
    QString filter;  // "PNG image (*.png)"
    QString suffix;  // "png"
};

// The chosen path, or an empty string when the user cancelled. `suggestedName` is a file name without folder.
QString askSavePath(QWidget* parent, const QString& title, const QString& suggestedName,
                    const QList<SaveFormat>& formats);

// Where open and save dialogs start: the folder last saved to, else the documents folder. Never the image folder
// unless the user went there themselves.
QString dialogStartFolder();

// Remembers the folder of `path` for the next dialog.
void rememberDialogFolder(const QString& path);

}  // namespace twinsight::ui
