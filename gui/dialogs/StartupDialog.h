#pragma once
#include <QDialog>
#include <optional>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace lightd::gui {
// The startup command and start pattern of one container (POST /containers/:id/startup and
// /start-pattern), checked like the API before anything is sent. Saving does not close it: the page
// sends, and a refusal is shown here in the node's words so the operator can correct and retry.
class StartupDialog final : public QDialog
{
    Q_OBJECT
  public:
    StartupDialog(const QString &internalId, const QString &command, const std::optional<QString> &pattern,
                  QWidget *parent = nullptr);

    // Only what differs from the node's values is sent.
    std::optional<QString> commandChange() const;
    bool patternChanged() const;
    std::optional<QString> pattern() const; // nullopt: no pattern (the field is empty)
    bool hasChanges() const { return commandChange() || patternChanged(); }
    QStringList problems() const;

    // While the page waits for the node: fields locked, the button says so.
    void setBusy(bool busy);
    // The node took the command (and refused what came after): a retry sends only the rest.
    void markCommandSaved();
    // A refused request, in the node's words; the fields are editable again.
    void showFailure(const QString &message);
    QString message() const;

    QPlainTextEdit *commandField() const { return m_command; }
    QLineEdit *patternField() const { return m_pattern; }
    QLineEdit *sampleField() const { return m_sample; }
    QLabel *sampleResult() const { return m_sampleResult; }
    QPushButton *saveButton() const { return m_save; }

  Q_SIGNALS:
    void saveRequested();

  private:
    void validate();
    void updateSample();

    QString m_savedCommand;
    std::optional<QString> m_savedPattern;
    QPlainTextEdit *m_command;
    QLineEdit *m_pattern;
    QLineEdit *m_sample;
    QLabel *m_sampleResult;
    QLabel *m_message;
    QPushButton *m_save;
    QString m_failure;
    bool m_busy = false;
};
} // namespace lightd::gui
