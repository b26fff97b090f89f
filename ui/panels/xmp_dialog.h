#pragma once
// "Write XMP sidecars…": naming, what flagged images get (1 star or rejected) and their colour label; Dry run lists
// what would be written, Write writes it on a pool thread. Nothing is written until the user presses Write.

#include <QDialog>
#include <QHash>
#include <memory>
#include <optional>

#include "core/sidecars/sidecar_plan.h"
#include "ui/jobs/burst_finder.h"
#include "ui/jobs/folder_scorer.h"

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace twinsight::ui {

// The sidecar namings a user picks from, each with its core::SidecarNaming as data.
void addSidecarNamings(QComboBox* combo);

// Deletes itself when closed: create it with new.
class XmpDialog : public QDialog {
    Q_OBJECT
public:
    // `scores`: the folder's scores with their models; `flagged`: the Ranking tab's flagged images; `bursts`: the
    // bursts found among them (View > Collapse Bursts), whose groups and best shots then go into the sidecars too.
    XmpDialog(std::shared_ptr<const FolderScores> scores, const QStringList& flagged,
              const QHash<QString, BurstPlace>& bursts = {}, QWidget* parent = nullptr);

    core::SidecarOptions options() const;
    bool isBusy() const { return m_busy; }

signals:
    void dryRunFinished(int lines);
    void writeFinished(int written, const QStringList& failures);

public slots:
    void dryRun();
    void write();
    void reject() override;  // not while writing: the result must reach the user

private:
    QFormLayout* createOptionsForm();
    QLabel* createSummary();  // also sets up the output pane below it
    QDialogButtonBox* createButtons();
    void run(bool writeFiles);
    void showOutcome(bool wrote, const core::SidecarPlan& plan, const core::SidecarOutcome& outcome);
    void setBusy(bool busy);

    std::shared_ptr<const FolderScores> m_scores;
    std::set<std::string> m_flagged;
    std::optional<core::BurstGroups> m_bursts;  // aligned with m_scores' images, when every one of them has a place
    QComboBox* m_bestLabel;
    QComboBox* m_naming;
    QComboBox* m_flagRating;
    QComboBox* m_label;
    QLabel* m_summary;
    QPlainTextEdit* m_output;
    QPushButton* m_dryRun;
    QPushButton* m_write;
    QPushButton* m_close;
    bool m_busy = false;
};

}  // namespace twinsight::ui
