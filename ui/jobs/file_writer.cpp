#include "ui/jobs/file_writer.h"

#include <utility>

#include "core/base/atomic_file.h"
#include "ui/jobs/background.h"

namespace twinsight::ui {

FileWriter::FileWriter(QObject* parent) : QObject(parent) {
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(-1);  // the thread stays: a save does not wait for a thread to start
}

FileWriter::~FileWriter() { m_pool.waitForDone(); }

void FileWriter::writeBytes(const QString& path, std::string bytes, std::function<void()> afterWrite) {
    writeWith(
        path, [target = path.toStdString(), bytes = std::move(bytes)] { core::writeFileAtomically(target, bytes); },
        std::move(afterWrite));
}

void FileWriter::writeWith(const QString& path, std::function<void()> write, std::function<void()> afterWrite) {
    ++m_pending;
    runInBackground(
        this, &m_pool,
        [write = std::move(write)] {
            write();
            return true;
        },
        [this, path, afterWrite = std::move(afterWrite)](bool) {
            --m_pending;
            if (afterWrite) afterWrite();
            emit written(path);
        },
        [this, path](const QString& message) {
            --m_pending;
            emit failed(path, message);
        });
}

}  // namespace twinsight::ui
