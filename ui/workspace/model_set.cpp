#include "ui/workspace/model_set.h"

#include <algorithm>

namespace twinsight::ui {

QString transformOf(const core::TrainedModel& model) { return QString::fromStdString(model.metadata().transform); }
QString unitOf(const core::TrainedModel& model) { return QString::fromStdString(model.metadata().unit); }

std::optional<ModelSet::Entry> ModelSet::add(Entry entry) {
    const std::string& transform = entry.model->metadata().transform;
    const auto same = std::find_if(m_entries.begin(), m_entries.end(),
                                   [&](const Entry& open) { return open.model->metadata().transform == transform; });
    if (same == m_entries.end()) {
        m_entries.push_back(std::move(entry));
        m_current = size() - 1;
        return std::nullopt;
    }
    Entry replaced = std::move(*same);
    *same = std::move(entry);
    m_current = static_cast<int>(same - m_entries.begin());
    return replaced;
}

void ModelSet::remove(int index) {
    if (index < 0 || index >= size()) return;
    m_entries.erase(m_entries.begin() + index);
    if (m_current > index || m_current >= size()) --m_current;
}

void ModelSet::setCurrent(int index) {
    if (index >= 0 && index < size()) m_current = index;
}

void ModelSet::markSaved(int index, const QString& file) {
    if (index < 0 || index >= size()) return;
    m_entries[static_cast<std::size_t>(index)].source = file;
    m_entries[static_cast<std::size_t>(index)].saved = true;
}

void ModelSet::setFlags(int index, const FlagThresholds& flags) {
    if (index >= 0 && index < size()) m_entries[static_cast<std::size_t>(index)].flags = flags;
}

const ModelSet::Entry* ModelSet::entryOf(const core::TrainedModel* model) const {
    for (const Entry& entry : m_entries) {
        if (entry.model.get() == model) return &entry;
    }
    return nullptr;
}

const ModelSet::Entry* ModelSet::currentEntry() const {
    return m_current < 0 ? nullptr : &m_entries[static_cast<std::size_t>(m_current)];
}

std::shared_ptr<const core::TrainedModel> ModelSet::current() const {
    const Entry* entry = currentEntry();
    return entry ? entry->model : nullptr;
}

std::vector<std::shared_ptr<const core::TrainedModel>> ModelSet::models() const {
    std::vector<std::shared_ptr<const core::TrainedModel>> models;
    for (const Entry& entry : m_entries) models.push_back(entry.model);
    return models;
}

QStringList ModelSet::labels() const {
    QStringList labels;
    for (const Entry& entry : m_entries)
        labels << QStringLiteral("%1 (%2)").arg(transformOf(*entry.model), entry.source);
    return labels;
}

}  // namespace twinsight::ui
