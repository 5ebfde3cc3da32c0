#pragma once
#include <QDialog>

class QLineEdit;
class QPushButton;

namespace lightd::gui {
// A freshly generated SFTP password, shown this once (the node keeps only its hash) with a copy button.
class SftpPasswordDialog final : public QDialog
{
    Q_OBJECT
  public:
    SftpPasswordDialog(const QString &login, const QString &password, QWidget *parent = nullptr);

    QString password() const;
    QPushButton *copyButton() const { return m_copy; }

  private:
    QLineEdit *m_password;
    QPushButton *m_copy;
};
} // namespace lightd::gui
