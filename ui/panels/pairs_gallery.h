#pragma once
// What the network gets wrong (its own tab): every validation's training pairs, most wrongly judged first, with a
// filter to the wrong ones; a click shows both copies large with their magnitudes and scores; beside them, the
// held-out pair accuracy by how far apart two copies' magnitudes are (the wrong pairs are the close ones).

#include <QVector>
#include <QWidget>

#include "core/evaluation/analysis.h"
#include "ui/jobs/training_types.h"

class QCPBars;
class QCPTextElement;
class QCheckBox;
class QCustomPlot;
class QLabel;
class QListWidget;

namespace twinsight::ui {

class CopyView;

class PairsGallery : public QWidget {
    Q_OBJECT
public:
    explicit PairsGallery(QWidget* parent = nullptr);

    // A new training: no pairs yet. `unit` and `higherReading` describe its magnitudes ("px", "more degraded").
    void reset(const QString& unit, const QString& higherReading);
    // The pairs of one validation, at training step `step`.
    void addPairs(const QVector<PairView>& pairs, int step);
    // The held-out study behind the accuracy-by-difference plot.
    void setStudy(const core::CorrelationStudy& study);

    void setWrongOnly(bool wrongOnly);
    // The pairs listed, in their order (wrong and confident first), and how many of all are wrong.
    QVector<PairView> listed() const;
    int pairCount() const { return static_cast<int>(m_pairs.size()); }
    int wrongCount() const;
    // Shows pair `row` of the list large.
    void showPair(int row);
    QString detailText() const;
    int differenceBars() const;

private:
    struct Entry {
        PairView pair;
        int step = 0;
    };
    void rebuildList();

    QCPTextElement* m_title = nullptr;  // before m_plot: createPlot() sets it
    QCheckBox* m_wrongOnly;
    QLabel* m_count;
    QListWidget* m_list;
    CopyView* m_firstLarge;
    CopyView* m_secondLarge;
    QLabel* m_detail;
    QCustomPlot* m_plot;
    QCPBars* m_bars;
    QVector<Entry> m_pairs;
    QVector<int> m_shown;  // indices into m_pairs, in list order
    QString m_unit;
    QString m_higherReading;
};

}  // namespace twinsight::ui
