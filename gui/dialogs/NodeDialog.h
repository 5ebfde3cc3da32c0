#pragma once
#include <QDialog>
#include <QUrl>

class QLabel;
class QLineEdit;
class QPushButton;

namespace lightd::gui {
// Add or edit a node: display name, base URL (http or https) and token.
class NodeDialog final : public QDialog
{
    Q_OBJECT
  public:
    explicit NodeDialog(QWidget *parent = nullptr);

    void setValues(const QString &name, const QUrl &url, const QString &token);
    QString name() const;
    QUrl url() const;
    QString token() const;
    QString validationError() const;

  private:
    void validate();

    QLineEdit *m_name;
    QLineEdit *m_url;
    QLineEdit *m_token;
    QLabel *m_hint;
    QPushButton *m_ok;
};
} // namespace lightd::gui
