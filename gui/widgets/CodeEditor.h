#pragma once
#include <QPlainTextEdit>
#include <QTextBlock>

namespace lightd::gui {
// A plain-text editor for config files: line numbers in a gutter, the current line shaded, and
// find (every match highlighted, next/previous wrap around, case-insensitive).
class CodeEditor final : public QPlainTextEdit
{
    Q_OBJECT
  public:
    explicit CodeEditor(QWidget *parent = nullptr);

    int gutterWidth() const;
    // The block (0-based line) at the top of the viewport, for the gutter and the tests.
    int firstVisibleLine() const { return firstVisibleBlock().blockNumber(); }

    // Highlights every match of text (empty: none) and returns how many there are.
    int setSearch(const QString &text);
    // Selects the next (or previous) match after the cursor, wrapping; false when there is none.
    bool findNext(bool backward = false);
    int matchCount() const { return int(m_matches.size()); }
    // 1-based index of the selected match, 0 when the selection is not one.
    int currentMatch() const;

  protected:
    void resizeEvent(QResizeEvent *event) override;

  private:
    friend class LineNumberGutter;
    void paintGutter(QPaintEvent *event);
    void updateSelections();

    QWidget *m_gutter;
    QString m_search;
    QList<QTextCursor> m_matches;
};
} // namespace lightd::gui
