#pragma once
#include <QWidget>

class QBoxLayout;

namespace lightd::gui {
// Widgets side by side while they fit at their preferred widths, stacked one under the other
// otherwise: the row only needs the width of its widest widget.
class AdaptiveRow final : public QWidget
{
    Q_OBJECT
  public:
    explicit AdaptiveRow(QWidget *parent = nullptr);

    void addWidget(QWidget *widget, int stretch = 0, Qt::Alignment alignment = {});
    bool isStacked() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

  protected:
    void resizeEvent(QResizeEvent *event) override;

  private:
    int sideBySideWidth() const;
    void arrange(int width);

    QBoxLayout *m_layout;
};
} // namespace lightd::gui
