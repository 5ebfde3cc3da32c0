#pragma once
#include <QWidget>

class QLabel;
class QTimer;

namespace lightd::gui {
// A banner floating over the bottom of its parent: why an action failed (kept until closed) or that
// it worked (goes after a few seconds). It is not in any layout, so showing or hiding it never moves
// the widgets under the pointer.
class MessageBar final : public QWidget
{
    Q_OBJECT
  public:
    enum class Kind { Info, Success, Warning, Error };
    explicit MessageBar(QWidget *parent = nullptr);

    void showMessage(Kind kind, const QString &text);
    QString text() const;
    Kind kind() const { return m_kind; }

  protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

  private:
    void place();

    QLabel *m_icon;
    QLabel *m_label;
    QTimer *m_hide;
    Kind m_kind = Kind::Info;
};
} // namespace lightd::gui
