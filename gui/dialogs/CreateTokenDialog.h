#pragma once
#include <QDialog>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace lightd::gui {
// POST /auth/tokens: how long, whether it dies after one console connect, and what it may reach
// (everything, the REST API, every console, or the consoles of chosen containers).
class CreateTokenDialog final : public QDialog
{
    Q_OBJECT
  public:
    explicit CreateTokenDialog(QWidget *parent = nullptr);

    void setContainers(const QStringList &internalIds);
    QString name() const; // kept by the app, optional
    QString ttl() const;  // "15m", "2h", "7d"
    bool removeOnUse() const;
    QStringList scopes() const; // empty = full access
    QStringList problems() const;

  private:
    void validate();

    QLineEdit *m_name;
    QSpinBox *m_amount;
    QComboBox *m_unit;
    QCheckBox *m_once;
    QRadioButton *m_full;
    QRadioButton *m_limited;
    QCheckBox *m_api;
    QCheckBox *m_allConsoles;
    QListWidget *m_containers;
    QLabel *m_problems;
    QPushButton *m_create;
};
} // namespace lightd::gui
