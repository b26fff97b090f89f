#pragma once
// A strip of current training pairs for teaching: both crops with their magnitudes, which one is more degraded
// (the label), and the model's verdict, wrong ones first.

#include <QListWidget>

#include "ui/jobs/training_types.h"

namespace twinsight::ui {

class PairsStrip : public QListWidget {
    Q_OBJECT
public:
    explicit PairsStrip(QWidget* parent = nullptr);

    // `unit` follows each magnitude ("2.10 px").
    // `higherReading`: how the copy of the higher magnitude reads ("more degraded", "brighter").
    void setPairs(const QVector<PairView>& pairs, const QString& unit, const QString& higherReading);
    void clearPairs();
    int wrongCount() const { return m_wrong; }
    // The tiles shown, in their order (wrong verdicts first).
    const QVector<QImage>& tiles() const { return m_tiles; }

    // One pair drawn as a tile; public so that the tests and the screenshot can check it.
    static QImage renderTile(const PairView& pair, const QString& unit, const QString& higherReading,
                             const QFont& font);

private:
    int m_wrong = 0;
    QVector<QImage> m_tiles;
};

}  // namespace twinsight::ui
