#pragma once
#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace lightd::gui {
class CodeEditor;

// Edits a small text file of a volume: line numbers, Ctrl+F find (every match highlighted, Enter
// and Shift+Enter step through them). Saving goes through the page (saveRequested); the dialog
// stays open until the node confirms, so a failed save loses nothing.
class TextEditorDialog final : public QDialog
{
    Q_OBJECT
  public:
    TextEditorDialog(const QString &name, const QString &text, QWidget *parent = nullptr);

    CodeEditor *editor() const { return m_editor; }
    QLineEdit *findField() const { return m_find; }
    QLabel *findStatus() const { return m_findStatus; }
    void showFind();

    void saved();
    void failed(const QString &message);

  Q_SIGNALS:
    void saveRequested(const QString &text);

  protected:
    void reject() override;
    bool eventFilter(QObject *watched, QEvent *event) override;

  private:
    void step(bool backward);
    void updateFindStatus();

    CodeEditor *m_editor;
    QWidget *m_findBar;
    QLineEdit *m_find;
    QLabel *m_findStatus;
    QLabel *m_status;
    QPushButton *m_save;
    QString m_name;
};
} // namespace lightd::gui
