#pragma once
#include <QList>
#include <QWidget>

class QAction;
class QMenu;
class QToolButton;

namespace lightd::gui {
// A row of buttons for actions that never forces its width on the window: the actions that do not
// fit move into a "More" menu at the end, low-priority ones first, then from the last one back.
// Enable, hide or rename the action, never its button: the menu shows the same action.
// (Its own priority, not QAction::priority: a tool button shows a low-priority action without text.)
class ActionBar final : public QWidget
{
    Q_OBJECT
  public:
    enum class Priority { Low, Normal, High };

    explicit ActionBar(QWidget *parent = nullptr);

    QAction *add(const QIcon &icon, const QString &text, const QString &tip = {});
    void setPriority(const QAction *action, Priority priority);
    QToolButton *button(const QAction *action) const;
    QToolButton *moreButton() const { return m_more; }
    // The actions shown in the "More" menu at the current width, in bar order.
    QList<QAction *> overflow() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

  protected:
    void resizeEvent(QResizeEvent *event) override;
    bool event(QEvent *event) override;

  private:
    struct Item
    {
        QAction *action;
        QToolButton *button;
        Priority priority = Priority::Normal;
    };
    void relayout();
    int rowWidth(const QList<const Item *> &items) const;

    QList<Item> m_items;
    QToolButton *m_more;
    QMenu *m_menu;
    int m_spacing = 6;
};
} // namespace lightd::gui
