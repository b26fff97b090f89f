#pragma once
// What the current model is: transformation, range, unit, sizes, training figures, device and date, with the
// buttons to save it and to open another, and a picker of the current one among the open models.

#include <QWidget>

#include "core/model/model_metadata.h"

class QComboBox;
class QFormLayout;
class QLabel;
class QPushButton;
class QToolButton;

namespace twinsight::ui {

class ModelInfoPanel : public QWidget {
    Q_OBJECT
public:
    explicit ModelInfoPanel(QWidget* parent = nullptr);

    // `source`: the file it came from, or a word on where it came from ("trained just now").
    void setModel(const core::ModelMetadata& metadata, const QString& deviceName, const QString& source);
    void clear();
    // Every row as "name: value" lines, for tests and for copying.
    QString text() const;
    void setSaveEnabled(bool enabled);
    void setOpenEnabled(bool enabled);
    // The open models' labels and the current one's index; hidden while none is open.
    void setOpenModels(const QStringList& labels, int current);

signals:
    void saveRequested();
    void openRequested();
    void currentModelRequested(int index);
    void closeModelRequested(int index);

private:
    void buildPicker();
    enum Row {
        Transform,
        Range,
        Sizes,
        Steps,
        Time,
        Images,
        Accuracy,
        Correlation,
        Interval,
        EstimateError,
        Device,
        Created,
        Source,
        kRows
    };
    void setRow(Row row, const QString& value);

    QComboBox* m_models;
    QToolButton* m_close;
    QWidget* m_picker;
    QFormLayout* m_form;
    QLabel* m_empty;
    QLabel* m_values[kRows];
    QPushButton* m_save;
    QPushButton* m_open;
};

// "2024-05-01T12:00:00Z" as the user's local date and time; the text itself when it does not parse.
QString localTime(const QString& iso8601);

}  // namespace twinsight::ui
