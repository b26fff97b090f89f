#include "ui/panels/pairs_gallery.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QListWidget>
#include <QSplitter>
#include <QVBoxLayout>
#include <algorithm>

#include "ui/panels/pairs_strip.h"
#include "ui/plots/plot_style.h"

namespace twinsight::ui {

namespace {
// The copies shown large: the network's input (48 to 64 px) at four to five times.
constexpr int kLargeSide = 240;
constexpr int kSmallSide = 96;

// How wrong a verdict is: positive for a wrong one (the more confident, the larger), negative for a right one.
double wrongness(const PairView& pair) {
    const double margin = std::abs(pair.firstScore - pair.secondScore);
    return pair.correct ? -margin : margin;
}

}  // namespace

// One copy of a pair, as large as its place allows with its aspect kept, its pixels visible (no smoothing): what the
// network saw.
class CopyView : public QWidget {
public:
    explicit CopyView(QWidget* parent) : QWidget(parent) {
        setMinimumSize(kSmallSide, kSmallSide);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    }
    void setImage(const QImage& image) {
        m_image = image;
        update();
    }
    QSize sizeHint() const override { return {kLargeSide, kLargeSide}; }

protected:
    void paintEvent(QPaintEvent*) override {
        QPainter painter(this);
        painter.fillRect(rect(), QColor(32, 32, 32));
        if (m_image.isNull()) return;
        const int side = std::min({width(), height(), kLargeSide});
        const QRect target((width() - side) / 2, (height() - side) / 2, side, side);
        painter.drawImage(target, m_image);
    }

private:
    QImage m_image;
};

PairsGallery::PairsGallery(QWidget* parent)
    : QWidget(parent),
      m_wrongOnly(new QCheckBox(tr("Wrong verdicts only"), this)),
      m_count(new QLabel(this)),
      m_list(new QListWidget(this)),
      m_firstLarge(new CopyView(this)),
      m_secondLarge(new CopyView(this)),
      m_detail(new QLabel(this)),
      m_plot(createPlot(this, &m_title)) {
    setObjectName("pairsGallery");
    m_wrongOnly->setObjectName("wrongOnlyCheck");
    m_list->setObjectName("galleryList");
    m_count->setWordWrap(true);  // one line would set the tab's width at 1024 px
    m_list->setViewMode(QListView::IconMode);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setMovement(QListView::Static);
    m_list->setUniformItemSizes(true);
    m_list->setSpacing(4);
    m_detail->setObjectName("pairDetail");
    m_detail->setWordWrap(true);
    m_detail->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_bars->setPen(Qt::NoPen);
    m_bars->setBrush(plot_colours::kPrimary);
    m_plot->yAxis->setRange(0.0, 1.0);
    m_plot->yAxis->setLabel(tr("pair accuracy"));
    m_plot->setMinimumHeight(160);

    auto* header = new QHBoxLayout;
    header->addWidget(m_wrongOnly);
    header->addWidget(m_count, 1);
    auto* copies = new QHBoxLayout;
    copies->addWidget(m_firstLarge);
    copies->addWidget(m_secondLarge);

    auto* side = new QWidget(this);
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addLayout(copies);
    sideLayout->addWidget(m_detail);
    sideLayout->addWidget(m_plot, 1);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_list);
    split->addWidget(side);
    split->setStretchFactor(0, 1);
    split->setChildrenCollapsible(false);
    m_list->setMinimumWidth(120);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(header);
    layout->addWidget(split, 1);

    connect(m_wrongOnly, &QCheckBox::toggled, this, &PairsGallery::rebuildList);
    connect(m_list, &QListWidget::currentRowChanged, this, &PairsGallery::showPair);
    reset(QString(), QString());
}

void PairsGallery::reset(const QString& unit, const QString& higherReading) {
    m_unit = unit;
    m_higherReading = higherReading;
    m_pairs.clear();
    m_bars->data()->clear();
    setPlotTitle(m_title, tr("Held-out pair accuracy by magnitude difference"));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    rebuildList();
}

void PairsGallery::addPairs(const QVector<PairView>& pairs, int step) {
    for (const PairView& pair : pairs) m_pairs.push_back({pair, step});
    rebuildList();
}

void PairsGallery::setStudy(const core::CorrelationStudy& study) {
    QVector<double> differences, accuracies;
    for (const core::DifferenceAccuracy& gap : core::pairAccuracyByDifference(study)) {
        differences << gap.difference;
        accuracies << gap.accuracy();
    }
    m_bars->setData(differences, accuracies, /*alreadySorted=*/true);
    if (differences.size() > 1) m_bars->setWidth((differences[1] - differences[0]) * 0.8);
    m_plot->xAxis->setLabel(tr("gap between the copies (%1)").arg(m_unit));
    if (!differences.isEmpty()) m_plot->xAxis->setRange(0.0, differences.back() * 1.08);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void PairsGallery::setWrongOnly(bool wrongOnly) { m_wrongOnly->setChecked(wrongOnly); }

int PairsGallery::wrongCount() const {
    return static_cast<int>(std::count_if(m_pairs.begin(), m_pairs.end(), [](const Entry& e) { return !e.pair.correct; }));
}

QVector<PairView> PairsGallery::listed() const {
    QVector<PairView> pairs;
    for (const int index : m_shown) pairs << m_pairs[index].pair;
    return pairs;
}

int PairsGallery::differenceBars() const { return m_bars->dataCount(); }

QString PairsGallery::detailText() const { return m_detail->text(); }

void PairsGallery::rebuildList() {
    m_shown.clear();
    for (int i = 0; i < m_pairs.size(); ++i) {
        if (!m_wrongOnly->isChecked() || !m_pairs[i].pair.correct) m_shown << i;
    }
    std::stable_sort(m_shown.begin(), m_shown.end(),
                     [this](int a, int b) { return wrongness(m_pairs[a].pair) > wrongness(m_pairs[b].pair); });
    m_list->clear();
    for (const int index : m_shown) {
        const QImage tile = PairsStrip::renderTile(m_pairs[index].pair, m_unit, m_higherReading, font());
        m_list->setIconSize(tile.size());
        auto* item = new QListWidgetItem(QIcon(QPixmap::fromImage(tile)), QString());
        item->setToolTip(tr("Validation at step %1").arg(m_pairs[index].step));
        m_list->addItem(item);
    }
    m_count->setText(tr("%1 pairs from the validations, %2 judged wrong; most wrongly judged first")
                         .arg(m_pairs.size())
                         .arg(wrongCount()));
    m_firstLarge->setImage({});
    m_secondLarge->setImage({});
    m_detail->setText(m_pairs.isEmpty() ? tr("The pairs of each validation gather here while a model trains.")
                                        : tr("Click a pair to see both copies large."));
}

void PairsGallery::showPair(int row) {
    if (row < 0 || row >= m_shown.size()) return;
    const Entry& entry = m_pairs[m_shown[row]];
    const PairView& pair = entry.pair;
    m_firstLarge->setImage(pair.first);
    m_secondLarge->setImage(pair.second);
    const QString truth = pair.firstMoreDegraded ? tr("left") : tr("right");
    const bool modelSaysLeft = pair.firstScore > pair.secondScore;
    m_detail->setText(tr("Left: %1 %2, score %3.   Right: %4 %2, score %5.\n%6: %7 (the label the program made "
                         "itself). The network said %8: %9. Step %10.")
                          .arg(pair.firstMagnitude, 0, 'f', 2)
                          .arg(m_unit)
                          .arg(pair.firstScore, 0, 'f', 3)
                          .arg(pair.secondMagnitude, 0, 'f', 2)
                          .arg(pair.secondScore, 0, 'f', 3)
                          .arg(m_higherReading.isEmpty() ? tr("More degraded") : m_higherReading)
                          .arg(truth)
                          .arg(modelSaysLeft ? tr("left") : tr("right"))
                          .arg(pair.correct ? tr("right") : tr("wrong"))
                          .arg(entry.step));
}

}  // namespace twinsight::ui
