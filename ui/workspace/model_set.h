#pragma once
// The models open at once, one per transformation, and which of them is current: the folder is scored with all of
// them, while training results, the sweep, the correlation study and the ranking follow the current one.

#include <QString>
#include <QStringList>
#include <memory>
#include <optional>
#include <vector>

#include "core/evaluation/analysis.h"
#include "core/model/trained_model.h"
#include "ui/workspace/flag_thresholds.h"

namespace twinsight::ui {

class ModelSet {
public:
    struct Entry {
        std::shared_ptr<const core::TrainedModel> model;
        QString source;  // the file it came from, or where it came from ("not saved yet")
        // On its held-out images, when trained in this session (a pointer: GCC 12 warns of copying an optional one).
        std::shared_ptr<const core::CorrelationStudy> study;
        FlagThresholds flags;  // which of the folder's images this model flags for review
        bool saved = true;     // false for a model trained in this session and not written yet
    };

    // Adds `entry` and makes it current. A model of the same transformation is replaced in place; its entry is
    // returned so that the caller can say so.
    std::optional<Entry> add(Entry entry);
    // Closes the model at `index`; the current one stays current, else its neighbour becomes current.
    void remove(int index);
    void setCurrent(int index);
    // The model at `index` was written to `file` (its name becomes the source).
    void markSaved(int index, const QString& file);
    void setFlags(int index, const FlagThresholds& flags);
    // The entry of `model`, nullptr when it is not open.
    const Entry* entryOf(const core::TrainedModel* model) const;

    int size() const { return static_cast<int>(m_entries.size()); }
    bool empty() const { return m_entries.empty(); }
    int currentIndex() const { return m_current; }
    const Entry* currentEntry() const;
    std::shared_ptr<const core::TrainedModel> current() const;
    const std::vector<Entry>& entries() const { return m_entries; }
    std::vector<std::shared_ptr<const core::TrainedModel>> models() const;
    // "blur (blur-photos.twinsight)" per model, for the picker.
    QStringList labels() const;

private:
    std::vector<Entry> m_entries;
    int m_current = -1;
};

QString transformOf(const core::TrainedModel& model);
QString unitOf(const core::TrainedModel& model);

}  // namespace twinsight::ui
