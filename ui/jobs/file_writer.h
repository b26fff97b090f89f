#pragma once
// Every file the desktop program writes for the user (models, CSV exports, plots) is written here, off the UI
// thread: one file at a time, in the order asked, each atomically (core::writeFileAtomically: a temporary file
// beside the target, flushed to disk, renamed into place). The UI thread only produces the bytes where that needs
// widgets (a plot's rendering) and goes back to its event loop; the outcome comes back as a signal.

#include <QObject>
#include <QString>
#include <QThreadPool>
#include <functional>
#include <string>

namespace twinsight::ui {

class FileWriter : public QObject {
    Q_OBJECT

public:
    explicit FileWriter(QObject* parent = nullptr);
    // Waits for the writes already asked for: quitting never leaves one half done. Their signals are not delivered.
    ~FileWriter() override;

    // Writes `bytes` to `path` on the writer's thread. `afterWrite`, when given, runs on this object's thread once
    // the file is written, just before written(path).
    void writeBytes(const QString& path, std::string bytes, std::function<void()> afterWrite = {});
    // Runs `write` on the writer's thread: it writes `path` itself and throws std::exception, with a message naming
    // the path, when it cannot. `afterWrite` as above.
    void writeWith(const QString& path, std::function<void()> write, std::function<void()> afterWrite = {});

    // Writes asked for whose signal has not been sent yet.
    int pendingWrites() const { return m_pending; }

signals:
    void written(const QString& path);
    void failed(const QString& path, const QString& message);

private:
    QThreadPool m_pool;  // one thread, so that two writes of one path land in the order asked
    int m_pending = 0;
};

}  // namespace twinsight::ui
