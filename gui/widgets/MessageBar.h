#pragma once
#include <QWidget>

class QLabel;
class QTimer;

namespace lightd::gui {
// An inline banner at the top of a page: why an action failed (kept until closed) or that it
// worked (fades after a few seconds).
class MessageBar final : public QWidget
{
    Q_OBJECT
  public:
    enum class Kind { Info, Success, Warning, Error };
    explicit MessageBar(QWidget *parent = nullptr);

    void showMessage(Kind kind, const QString &text);
    QString text() const;
    Kind kind() const { return m_kind; }

  private:
    QLabel *m_icon;
    QLabel *m_label;
    QTimer *m_hide;
    Kind m_kind = Kind::Info;
};
} // namespace lightd::gui
