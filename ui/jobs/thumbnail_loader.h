#pragma once
// Decodes the thumbnails of a folder on its own thread pool, in small chunks, so that a folder of thousands of
// photos fills in while the window stays responsive. A new request cancels the previous one.

#include <QImage>
#include <QObject>
#include <QStringList>
#include <QThreadPool>
#include <QVector>
#include <atomic>
#include <memory>

namespace twinsight::ui {

class ThumbnailLoader : public QObject {
    Q_OBJECT
public:
    // Longest side of a thumbnail, px: sharp on a high-density screen in a ~110 px grid cell.
    static constexpr int kThumbnailSide = 160;

    explicit ThumbnailLoader(QObject* parent = nullptr);
    ~ThumbnailLoader() override;  // cancels and waits for the decoding threads

    void load(const QStringList& paths);
    void cancel();
    bool isLoading() const { return m_pending > 0; }

signals:
    // Thumbnails of paths[first], paths[first + 1], ..., JPEG-compressed on the decoding thread
    // (ui/support/compressed_thumbnail.h); empty where decoding failed, with its reason at the same place in
    // `errors` (empty where it succeeded).
    void thumbnailsDecoded(int first, const QVector<QByteArray>& thumbnails, const QStringList& errors);
    void finished();

private:
    QThreadPool m_pool;
    std::shared_ptr<std::atomic_int> m_generation = std::make_shared<std::atomic_int>(0);
    int m_pending = 0;  // chunks not yet delivered in the current generation
};

// One thumbnail; throws std::runtime_error with the reason the file cannot be shown.
QImage decodeThumbnail(const QString& path, int side);

}  // namespace twinsight::ui
