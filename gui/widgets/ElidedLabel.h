#pragma once
#include <QLabel>

namespace lightd::gui {
// A one-line label that asks for its full text's width but gets by with little: what does not fit
// ends in "…", and hovering shows it all. Plain text only.
class ElidedLabel final : public QLabel
{
    Q_OBJECT
  public:
    explicit ElidedLabel(QWidget *parent = nullptr);
    explicit ElidedLabel(const QString &text, QWidget *parent = nullptr);

    bool isElided() const;
    QSize minimumSizeHint() const override;

  protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

  private:
    QString shownText() const;
};
} // namespace lightd::gui
