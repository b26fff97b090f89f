#pragma once
// Runs work off the UI thread and hands its result, or its error message, back on the UI thread. Exceptions never
// cross threads: the work's exception becomes a message before it leaves the pool thread.

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <exception>
#include <optional>
#include <type_traits>
#include <utility>

namespace twinsight::ui {

template <typename Result>
struct BackgroundOutcome {
    std::optional<Result> value;
    QString error;
};

// Calls `work()` on `pool`, then `done(result)` or `failed(message)` on `context`'s thread. Nothing is delivered
// once `context` is destroyed. `work` must capture values only, never `context`.
template <typename Work, typename Done, typename Failed>
void runInBackground(QObject* context, QThreadPool* pool, Work work, Done done, Failed failed) {
    using Result = std::invoke_result_t<Work>;
    using Outcome = BackgroundOutcome<Result>;
    auto* watcher = new QFutureWatcher<Outcome>(context);
    QObject::connect(watcher, &QFutureWatcher<Outcome>::finished, context,
                     [watcher, done = std::move(done), failed = std::move(failed)]() {
                         Outcome outcome = watcher->result();
                         watcher->deleteLater();
                         if (outcome.value) {
                             done(std::move(*outcome.value));
                         } else {
                             failed(outcome.error);
                         }
                     });
    watcher->setFuture(QtConcurrent::run(pool, [work = std::move(work)]() -> Outcome {
        try {
            return {work(), {}};
        } catch (const std::exception& error) {
            return {std::nullopt, QString::fromStdString(error.what())};
        } catch (...) {
            return {std::nullopt, QStringLiteral("unexpected error")};
        }
    }));
}

}  // namespace twinsight::ui
