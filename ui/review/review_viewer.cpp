#include "ui/review/review_viewer.h"

#include <QAction>
#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QThreadPool>
#include <QVBoxLayout>
#include <climits>

#include "core/evaluation/focus_map.h"
#include "core/imageio/image_loading.h"
#include "core/sidecars/sidecar_plan.h"
#include "ui/jobs/analysis_jobs.h"
#include "ui/jobs/background.h"
#include "ui/panels/xmp_dialog.h"
#include "ui/review/zoom_view.h"
#include "ui/support/cv_image.h"

namespace twinsight::ui {

namespace {
const char* const kNamingKey = "review/sidecarNaming";

QString decisionText(std::optional<core::ReviewDecision> decision) {
    if (!decision) return ReviewViewer::tr("undecided");
    return *decision == core::ReviewDecision::Keep ? ReviewViewer::tr("KEEP") : ReviewViewer::tr("REJECT");
}
}  // namespace

ReviewViewer::ReviewViewer(ReviewSource source, QWidget* parent)
    : QDialog(parent),
      m_queue(source.paths, source.start),
      m_source(std::move(source)),
      m_view(new ZoomView(this)),
      m_caption(new QLabel(this)),
      m_status(new QLabel(this)),
      m_naming(new QComboBox(this)),
      m_write(new QPushButton(tr("Write Decisions"), this)) {
    setObjectName("reviewViewer");
    setWindowTitle(tr("Review flagged images"));
    setAttribute(Qt::WA_DeleteOnClose);
    m_caption->setObjectName("reviewCaption");
    m_caption->setTextFormat(Qt::PlainText);
    QFont larger = m_caption->font();
    larger.setPointSizeF(larger.pointSizeF() * 1.15);
    m_caption->setFont(larger);
    m_status->setObjectName("reviewStatus");
    m_status->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_caption);
    layout->addWidget(m_view, 1);
    layout->addWidget(buildButtons());
    connect(m_view, &ZoomView::zoomChanged, this, &ReviewViewer::updateCaption);
    if (const QScreen* screen = parent ? parent->screen() : nullptr) {
        resize(screen->availableSize() * 0.85);
    }
    m_view->setFocus();
    showCurrent();
}

QAction* ReviewViewer::addKey(const QString& text, const QKeySequence& key, const std::function<void()>& act) {
    auto* action = new QAction(text, this);
    action->setShortcut(key);
    action->setShortcutContext(Qt::WindowShortcut);
    connect(action, &QAction::triggered, this, act);
    addAction(action);
    return action;
}

QWidget* ReviewViewer::buildButtons() {
    // Two rows, so that the viewer fits a 1024-pixel screen: moving and deciding, then what is decided and writing it.
    auto* bar = new QWidget(this);
    auto* rows = new QVBoxLayout(bar);
    rows->setContentsMargins(0, 0, 0, 0);
    auto* row = new QHBoxLayout;
    auto* writing = new QHBoxLayout;
    rows->addLayout(row);
    rows->addLayout(writing);
    const auto button = [&](QAction* action, const QString& name) {
        auto* pushed = new QPushButton(
            QStringLiteral("%1  (%2)").arg(action->text(), action->shortcut().toString(QKeySequence::NativeText)), bar);
        pushed->setObjectName(name);
        pushed->setFocusPolicy(Qt::NoFocus);  // the keys belong to the viewer, not to a focused button
        connect(pushed, &QPushButton::clicked, action, &QAction::trigger);
        row->addWidget(pushed);
    };
    button(addKey(tr("Previous"), Qt::Key_Left, [this] { step(-1); }), "reviewPrevious");
    button(addKey(tr("Next"), Qt::Key_Right, [this] { step(1); }), "reviewNext");
    addKey(tr("Next"), Qt::Key_Space, [this] { step(1); });
    button(addKey(tr("Keep"), Qt::Key_P, [this] { decide(core::ReviewDecision::Keep); }), "reviewKeep");
    button(addKey(tr("Reject"), Qt::Key_X, [this] { decide(core::ReviewDecision::Reject); }), "reviewReject");
    button(addKey(tr("Undo"), QKeySequence::Undo, [this] { undo(); }), "reviewUndo");
    button(addKey(tr("Fit / 100%"), Qt::Key_Z, [this] { m_view->toggleActualSize(); }), "reviewZoom");
    button(addKey(tr("Focus map"), Qt::Key_M, [this] { toggleFocusMap(); }), "reviewFocusMap");
    // Shift+arrows pan a fifth of the view at 100%, so that a whole cull needs no mouse.
    const QList<std::pair<int, QPointF>> pans = {
        {Qt::Key_Left, {0.2, 0}}, {Qt::Key_Right, {-0.2, 0}}, {Qt::Key_Up, {0, 0.2}}, {Qt::Key_Down, {0, -0.2}}};
    for (const auto& [key, share] : pans) {
        addKey(tr("Pan"), QKeySequence(Qt::SHIFT | key), [this, share = share] {
            m_view->panBy(QPointF(share.x() * m_view->width(), share.y() * m_view->height()));
        });
    }
    row->addStretch(1);
    writing->addWidget(m_status, 1);
    m_naming->setObjectName("reviewNaming");
    m_naming->setFocusPolicy(Qt::NoFocus);
    addSidecarNamings(m_naming);
    m_naming->setCurrentIndex(std::max(0, m_naming->findData(QSettings().value(kNamingKey, 0).toInt())));
    writing->addWidget(m_naming);
    m_write->setObjectName("reviewWrite");
    m_write->setFocusPolicy(Qt::NoFocus);
    const QAction* write = addKey(tr("Write Decisions"), QKeySequence::Save, [this] { writeDecisions(); });
    m_write->setText(
        QStringLiteral("%1  (%2)").arg(write->text(), write->shortcut().toString(QKeySequence::NativeText)));
    connect(m_write, &QPushButton::clicked, this, &ReviewViewer::writeDecisions);
    writing->addWidget(m_write);
    return bar;
}

void ReviewViewer::step(int by) {
    if (m_queue.move(by)) showCurrent();
}

void ReviewViewer::decide(core::ReviewDecision decision) {
    if (m_queue.isEmpty()) return;
    const int before = m_queue.current();
    m_queue.decide(decision);
    if (m_queue.current() != before) {
        showCurrent();
    } else {
        updateCaption();  // the last image: stays, with its decision shown
    }
}

void ReviewViewer::undo() {
    if (m_queue.undo()) showCurrent();
}

void ReviewViewer::toggleFocusMap() {
    m_focusMapShown = !m_focusMapShown;
    showCurrent();
}

QString ReviewViewer::caption() const { return m_caption->text(); }

void ReviewViewer::updateCaption() {
    if (m_queue.isEmpty()) return m_caption->setText(tr("No image is flagged."));
    const QString path = m_queue.currentPath();
    QString text = tr("%1 of %2   ·   %3   ·   %4")
                       .arg(m_queue.current() + 1)
                       .arg(m_queue.size())
                       .arg(QFileInfo(path).fileName(), decisionText(m_queue.decisionOf(m_queue.current())));
    if (m_source.describe) text += QStringLiteral("   ·   ") + m_source.describe(path);
    text += m_view->isFitted() ? tr("   ·   fitted")
                               : tr("   ·   %1%").arg(qRound(m_view->scale() * devicePixelRatioF() * 100));
    if (m_focusMapShown) text += tr("   ·   focus map");
    m_caption->setText(text);
    const int kept = m_queue.count(core::ReviewDecision::Keep);
    const int rejected = m_queue.count(core::ReviewDecision::Reject);
    m_status->setText(tr("%1 kept, %2 rejected%3.   Pan with Shift+arrows or by dragging, zoom with the wheel; the "
                         "sidecars change only when you write the decisions.")
                          .arg(kept)
                          .arg(rejected)
                          .arg(m_queue.hasUnwritten() ? tr(", not written yet") : QString()));
}

void ReviewViewer::showCurrent() {
    updateCaption();
    if (m_queue.isEmpty()) return m_view->clear(tr("No image is flagged."));
    const QString path = m_queue.currentPath();
    if (const auto cached = m_decoded.value(path)) {
        showDecoded(path, *cached);
    } else {
        m_view->clear(tr("Decoding %1…").arg(QFileInfo(path).fileName()));
        decode(path);
    }
}

void ReviewViewer::showDecoded(const QString& path, const Decoded& decoded) {
    const int generation = ++m_generation;
    const auto& model = m_source.focusModel;
    if (!m_focusMapShown || !model || !core::hasFocusMap(*model)) {
        m_view->setImage(decoded.shown);
        if (m_focusMapShown)
            m_status->setText(tr("No focus map: the current model's degradation acts on the whole frame."));
        emit imageShown(path);
    } else {
        runInBackground(
            this, QThreadPool::globalInstance(),
            [model, image = decoded.image] {
                return focusMapImage(*model, core::toWorkingSize(image, model->metadata().workingSize));
            },
            [this, generation, path](const QImage& map) {
                if (generation != m_generation) return;
                m_view->setImage(map);
                emit imageShown(path);
            },
            [this](const QString& message) { m_status->setText(message); });
    }
    // The neighbours next: moving on shows them at once.
    for (const int index : {m_queue.current() + 1, m_queue.current() - 1}) {
        if (index >= 0 && index < m_queue.size()) decode(m_queue.paths()[index]);
    }
}

void ReviewViewer::decode(const QString& path) {
    if (m_decoded.contains(path) || m_decoding.contains(path)) return;
    m_decoding << path;
    runInBackground(
        this, QThreadPool::globalInstance(),
        [path] {
            auto decoded = std::make_shared<Decoded>();
            decoded->image = core::loadImage(path.toStdString(), INT_MAX);  // full resolution, for 100%
            decoded->shown = toQImage(decoded->image);
            return std::shared_ptr<const Decoded>(std::move(decoded));
        },
        [this, path](const std::shared_ptr<const Decoded>& decoded) {
            m_decoding.removeAll(path);
            // Only the current image and its neighbours stay: a 100-megapixel image holds 600 MB decoded.
            const int here = m_queue.current();
            for (const QString& held : m_decoded.keys()) {
                if (std::abs(m_queue.paths().indexOf(held) - here) > 1) m_decoded.remove(held);
            }
            m_decoded.insert(path, decoded);
            if (path == m_queue.currentPath()) showDecoded(path, *decoded);
        },
        [this, path](const QString& message) {
            m_decoding.removeAll(path);
            if (path == m_queue.currentPath()) m_view->clear(message);
        });
}

void ReviewViewer::writeDecisions() {
    if (!m_write->isEnabled()) return;  // a write is under way: Ctrl+S again waits for it
    const auto decided = m_queue.decisions();
    if (decided.empty()) {
        // Decisions made and all undone: nothing to write, and nothing left unwritten.
        m_queue.markWritten(m_queue.revision());
        m_status->setText(tr("No decision to write: P keeps an image, X rejects it."));
        return emit decisionsWritten(m_status->text());
    }
    std::vector<std::pair<std::string, core::ReviewDecision>> decisions;
    for (const auto& [path, decision] : decided) decisions.emplace_back(path.toStdString(), decision);
    const auto naming = static_cast<core::SidecarNaming>(m_naming->currentData().toInt());
    QSettings().setValue(kNamingKey, int(naming));
    m_write->setEnabled(false);
    runInBackground(
        this, QThreadPool::globalInstance(),
        [decisions, naming] { return core::writeReviewDecisions(decisions, naming); },
        [this, revision = m_queue.revision()](const core::SidecarOutcome& outcome) {
            m_write->setEnabled(true);
            if (outcome.failures.empty()) m_queue.markWritten(revision);
            updateCaption();
            QString message =
                outcome.written == 1 ? tr("Wrote 1 sidecar.") : tr("Wrote %1 sidecars.").arg(outcome.written);
            if (outcome.skippedFrames > 0)
                message += tr(" Frames of multi-frame files get no sidecar (XMP describes whole files): %1.")
                               .arg(outcome.skippedFrames);
            for (const std::string& failure : outcome.failures) message += "\n" + QString::fromStdString(failure);
            m_status->setText(m_status->text() + "\n" + message);
            emit decisionsWritten(message);
        },
        [this](const QString& message) {
            m_write->setEnabled(true);
            m_status->setText(message);
            emit decisionsWritten(message);
        });
}

void ReviewViewer::reject() {
    if (!m_queue.hasUnwritten()) return QDialog::reject();
    auto* box = new QMessageBox(QMessageBox::Question, tr("Write the decisions?"),
                                tr("Decisions on %1 of the flagged images are not written to the sidecars yet.")
                                    .arg(m_queue.decisions().size()),
                                QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box->setObjectName("reviewUnwritten");
    box->button(QMessageBox::Save)->setText(tr("Write and Close"));
    box->button(QMessageBox::Discard)->setText(tr("Close Without Writing"));
    box->setDefaultButton(QMessageBox::Save);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box](int) {
        const QAbstractButton* clicked = box->clickedButton();
        if (clicked == box->button(QMessageBox::Discard)) return QDialog::reject();
        if (clicked != box->button(QMessageBox::Save)) return;
        // Closes once written; a sidecar that could not be written keeps the viewer open with the reason.
        connect(
            this, &ReviewViewer::decisionsWritten, this,
            [this] {
                if (!m_queue.hasUnwritten()) QDialog::reject();
            },
            Qt::SingleShotConnection);
        writeDecisions();
    });
    box->open();
}

}  // namespace twinsight::ui
