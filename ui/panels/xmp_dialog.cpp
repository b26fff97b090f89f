#include "ui/panels/xmp_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QThreadPool>
#include <QVBoxLayout>

#include "ui/jobs/background.h"

namespace twinsight::ui {
namespace {

struct PlanAndOutcome {
    core::SidecarPlan plan;
    core::SidecarOutcome outcome;
};

QStringList toQStrings(const std::vector<std::string>& lines) {
    QStringList result;
    for (const std::string& line : lines) result << QString::fromStdString(line);
    return result;
}

// The bursts as core::BurstGroups of `scores`' images; none unless every image has its place (bursts found on
// the scores before the latest, for example).
std::optional<core::BurstGroups> alignedBursts(const FolderScores* scores, const QHash<QString, BurstPlace>& places) {
    if (!scores || places.isEmpty()) return std::nullopt;
    core::BurstGroups groups;
    for (const std::string& path : scores->scores.paths) {
        const auto place = places.constFind(QString::fromStdString(path));
        if (place == places.cend()) return std::nullopt;
        groups.group.push_back(place->group);
        groups.best.push_back(place->best);
    }
    return groups;
}

}  // namespace

XmpDialog::XmpDialog(std::shared_ptr<const FolderScores> scores, const QStringList& flagged,
                     const QHash<QString, BurstPlace>& bursts, QWidget* parent)
    : QDialog(parent),
      m_scores(std::move(scores)),
      m_bursts(alignedBursts(m_scores.get(), bursts)),
      m_bestLabel(new QComboBox(this)),
      m_naming(new QComboBox(this)),
      m_flagRating(new QComboBox(this)),
      m_label(new QComboBox(this)),
      m_summary(new QLabel(this)),
      m_output(new QPlainTextEdit(this)),
      m_dryRun(new QPushButton(tr("Dry run"), this)),
      m_write(new QPushButton(tr("Write"), this)),
      m_close(new QPushButton(tr("Close"), this)) {
    setObjectName("xmpDialog");
    setAttribute(Qt::WA_DeleteOnClose);  // opened non-blocking, it goes when closed
    setWindowTitle(tr("Write XMP sidecars"));
    for (const QString& path : flagged) m_flagged.insert(path.toStdString());
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(createOptionsForm());
    layout->addWidget(createSummary());
    layout->addWidget(m_output, 1);
    layout->addWidget(createButtons());
    resize(720, 420);
    setBusy(false);
}

void addSidecarNamings(QComboBox* combo) {
    combo->addItem(XmpDialog::tr("IMG_0001.CR2.xmp (darktable, digiKam)"), int(core::SidecarNaming::AppendExtension));
    combo->addItem(XmpDialog::tr("IMG_0001.xmp (Lightroom)"), int(core::SidecarNaming::ReplaceExtension));
}

QFormLayout* XmpDialog::createOptionsForm() {
    m_naming->setObjectName("xmpNaming");
    addSidecarNamings(m_naming);
    m_flagRating->setObjectName("xmpFlagRating");
    m_flagRating->addItem(tr("1 star"));
    m_flagRating->addItem(tr("Rejected"));
    m_label->setObjectName("xmpLabel");
    m_label->addItems({"Red", "Yellow", "Green", "Blue", "Purple"});  // the labels Lightroom and darktable share
    auto* form = new QFormLayout;
    form->addRow(tr("Sidecar names"), m_naming);
    form->addRow(tr("Flagged images"), m_flagRating);
    form->addRow(tr("Their label"), m_label);
    m_bestLabel->setObjectName("xmpBestLabel");
    m_bestLabel->addItem(tr("No label"), QString());
    for (const char* colour : {"Green", "Yellow", "Blue", "Purple", "Red"}) m_bestLabel->addItem(colour, colour);
    m_bestLabel->setVisible(m_bursts.has_value());
    if (m_bursts) form->addRow(tr("Best of each burst"), m_bestLabel);
    return form;
}

QLabel* XmpDialog::createSummary() {
    const std::size_t images = m_scores ? m_scores->scores.paths.size() : 0;
    m_summary->setObjectName("xmpSummary");
    m_summary->setWordWrap(true);
    m_summary->setText(tr("%1 scored images; %2 flagged in the Ranking tab. Stars come from the models' estimates; an "
                          "existing sidecar is merged, keeping what other programs wrote.")
                           .arg(images)
                           .arg(m_flagged.size()));
    m_output->setObjectName("xmpOutput");
    m_output->setReadOnly(true);
    m_output->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_output->setPlaceholderText(tr("Dry run lists what would be written; nothing is written until you press Write."));
    return m_summary;
}

QDialogButtonBox* XmpDialog::createButtons() {
    m_dryRun->setObjectName("xmpDryRun");
    m_write->setObjectName("xmpWrite");
    m_close->setObjectName("xmpClose");
    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_dryRun, QDialogButtonBox::ActionRole);
    buttons->addButton(m_write, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_close, QDialogButtonBox::RejectRole);
    m_write->setAutoDefault(false);
    m_dryRun->setDefault(true);
    connect(m_dryRun, &QPushButton::clicked, this, &XmpDialog::dryRun);
    connect(m_write, &QPushButton::clicked, this, &XmpDialog::write);
    connect(m_close, &QPushButton::clicked, this, &XmpDialog::reject);
    return buttons;
}

core::SidecarOptions XmpDialog::options() const {
    core::SidecarOptions options;
    options.naming = static_cast<core::SidecarNaming>(m_naming->currentData().toInt());
    options.rejectFlagged = m_flagRating->currentIndex() == 1;
    options.label = m_label->currentText().toStdString();
    options.bestLabel = m_bestLabel->currentData().toString().toStdString();
    return options;
}

void XmpDialog::dryRun() { run(/*writeFiles=*/false); }

void XmpDialog::write() { run(/*writeFiles=*/true); }

void XmpDialog::reject() {
    if (!m_busy) QDialog::reject();
}

void XmpDialog::run(bool writeFiles) {
    if (m_busy || !m_scores) return;
    setBusy(true);
    m_output->setPlainText(writeFiles ? tr("Writing…") : tr("Listing…"));
    std::vector<core::ModelMetadata> models;
    for (const auto& model : m_scores->models) models.push_back(model->metadata());
    runInBackground(
        this, QThreadPool::globalInstance(),
        [scores = m_scores, models, flagged = m_flagged, options = options(), bursts = m_bursts, writeFiles] {
            core::SidecarOptions withBursts = options;
            if (bursts) withBursts.bursts = &*bursts;
            PlanAndOutcome result;
            result.plan = core::planSidecars(models, scores->scores, flagged, withBursts);
            result.outcome = writeFiles ? core::writeSidecars(result.plan) : core::describeSidecars(result.plan);
            return result;
        },
        [this, writeFiles](const PlanAndOutcome& result) {
            setBusy(false);
            showOutcome(writeFiles, result.plan, result.outcome);
        },
        [this, writeFiles](const QString& message) {
            setBusy(false);
            m_output->setPlainText(message);
            if (writeFiles) {
                emit writeFinished(0, {message});
            } else {
                emit dryRunFinished(0);
            }
        });
}

void XmpDialog::showOutcome(bool wrote, const core::SidecarPlan& plan, const core::SidecarOutcome& outcome) {
    const QStringList failures = toQStrings(outcome.failures);
    QStringList text;
    if (wrote) {
        text << tr("Wrote %1 of %2 sidecars (%3 flagged).")
                    .arg(outcome.written)
                    .arg(plan.items.size())
                    .arg(plan.flagged);
    } else {
        text << tr("Would write %1 sidecars (%2 flagged):").arg(plan.items.size()).arg(plan.flagged);
        text << toQStrings(outcome.lines);
    }
    if (plan.skippedFrames > 0)
        text
            << tr("%1 frames of multi-frame files get no sidecar (XMP describes whole files).").arg(plan.skippedFrames);
    if (!failures.isEmpty()) text << tr("%1 failed:").arg(failures.size()) << failures;
    m_output->setPlainText(text.join('\n'));
    if (wrote) {
        emit writeFinished(outcome.written, failures);
    } else {
        emit dryRunFinished(static_cast<int>(outcome.lines.size()));
    }
}

void XmpDialog::setBusy(bool busy) {
    m_busy = busy;
    const bool usable = !busy && m_scores && !m_scores->scores.paths.empty();
    m_dryRun->setEnabled(usable);
    m_write->setEnabled(usable);
    m_close->setEnabled(!busy);
    for (QComboBox* combo : {m_naming, m_flagRating, m_label}) combo->setEnabled(!busy);
}

}  // namespace twinsight::ui
