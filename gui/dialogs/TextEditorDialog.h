#pragma once
#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace lightd::gui {
// Edits a small text file of a volume. Saving goes through the page (saveRequested); the dialog
// stays open until the node confirms, so a failed save loses nothing.
class TextEditorDialog final : public QDialog
{
    Q_OBJECT
  public:
    TextEditorDialog(const QString &name, const QString &text, QWidget *parent = nullptr);

    void saved();
    void failed(const QString &message);

  Q_SIGNALS:
    void saveRequested(const QString &text);

  protected:
    void reject() override;

  private:
    QPlainTextEdit *m_editor;
    QLabel *m_status;
    QPushButton *m_save;
    QString m_name;
};
} // namespace lightd::gui
