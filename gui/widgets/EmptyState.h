#pragma once
#include <QWidget>

class QLabel;
class QPushButton;

namespace lightd::gui {
// The friendly centred panel for "nothing here": an icon, a title, a sentence and an optional button.
class EmptyState final : public QWidget
{
    Q_OBJECT
  public:
    explicit EmptyState(QWidget *parent = nullptr);
    void set(const QString &iconName, const QString &title, const QString &text);
    void setAction(const QString &label); // empty hides the button

  Q_SIGNALS:
    void actionTriggered();

  private:
    QLabel *m_icon;
    QLabel *m_title;
    QLabel *m_text;
    QPushButton *m_button;
};
} // namespace lightd::gui
