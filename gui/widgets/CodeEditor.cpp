#include "widgets/CodeEditor.h"

#include <QPaintEvent>
#include <QPainter>
#include <QTextBlock>

namespace lightd::gui {
// The strip left of the text; CodeEditor paints it.
class LineNumberGutter final : public QWidget
{
  public:
    explicit LineNumberGutter(CodeEditor *editor) : QWidget(editor), m_editor(editor)
    {
        setObjectName(QStringLiteral("lineNumbers"));
    }
    QSize sizeHint() const override { return {m_editor->gutterWidth(), 0}; }

  protected:
    void paintEvent(QPaintEvent *event) override { m_editor->paintGutter(event); }

  private:
    CodeEditor *m_editor;
};

CodeEditor::CodeEditor(QWidget *parent) : QPlainTextEdit(parent), m_gutter(new LineNumberGutter(this))
{
    setLineWrapMode(NoWrap);
    auto margins = [this] { setViewportMargins(gutterWidth(), 0, 0, 0); };
    connect(this, &QPlainTextEdit::blockCountChanged, this, margins);
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect &rect, int dy) {
        if (dy)
            m_gutter->scroll(0, dy);
        else
            m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
    });
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, &CodeEditor::updateSelections);
    connect(this, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_search.isEmpty())
            setSearch(m_search);
    });
    margins();
    updateSelections();
}

int CodeEditor::gutterWidth() const
{
    int digits = 1;
    for (int n = qMax(1, blockCount()); n >= 10; n /= 10)
        ++digits;
    return 12 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * qMax(3, digits);
}

void CodeEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect r = contentsRect();
    m_gutter->setGeometry(QRect(r.left(), r.top(), gutterWidth(), r.height()));
}

void CodeEditor::paintGutter(QPaintEvent *event)
{
    QPainter painter(m_gutter);
    const QPalette &pal = palette();
    painter.fillRect(event->rect(), pal.color(QPalette::AlternateBase));
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    const int current = textCursor().blockNumber();
    while (block.isValid() && top <= event->rect().bottom()) {
        const int height = qRound(blockBoundingRect(block).height());
        if (block.isVisible() && top + height >= event->rect().top()) {
            painter.setPen(
                pal.color(block.blockNumber() == current ? QPalette::Text : QPalette::PlaceholderText));
            painter.drawText(0, top, m_gutter->width() - 6, fontMetrics().height(), Qt::AlignRight,
                             QString::number(block.blockNumber() + 1));
        }
        top += height;
        block = block.next();
    }
}

int CodeEditor::setSearch(const QString &text)
{
    m_search = text;
    m_matches.clear();
    if (!text.isEmpty()) {
        QTextCursor at(document());
        while (true) {
            at = document()->find(text, at);
            if (at.isNull())
                break;
            m_matches.append(at);
        }
    }
    updateSelections();
    return matchCount();
}

bool CodeEditor::findNext(bool backward)
{
    if (m_matches.isEmpty())
        return false;
    const QTextCursor cursor = textCursor();
    QTextCursor pick = backward ? m_matches.last() : m_matches.first(); // wrapped around
    if (backward) {
        for (auto it = m_matches.crbegin(); it != m_matches.crend(); ++it)
            if (it->selectionStart() < cursor.selectionStart()) {
                pick = *it;
                break;
            }
    } else {
        for (const QTextCursor &m : m_matches)
            if (m.selectionStart() >= cursor.selectionEnd()) {
                pick = m;
                break;
            }
    }
    setTextCursor(pick);
    centerCursor();
    return true;
}

int CodeEditor::currentMatch() const
{
    const QTextCursor cursor = textCursor();
    for (int i = 0; i < m_matches.size(); ++i)
        if (m_matches.at(i).selectionStart() == cursor.selectionStart() &&
            m_matches.at(i).selectionEnd() == cursor.selectionEnd())
            return i + 1;
    return 0;
}

// The current line shaded, every match marked.
void CodeEditor::updateSelections()
{
    QList<QTextEdit::ExtraSelection> selections;
    QTextEdit::ExtraSelection line;
    QColor shade = palette().color(QPalette::Highlight);
    shade.setAlpha(28);
    line.format.setBackground(shade);
    line.format.setProperty(QTextFormat::FullWidthSelection, true);
    line.cursor = textCursor();
    line.cursor.clearSelection();
    selections.append(line);
    QColor mark(255, 200, 0, 110);
    for (const QTextCursor &m : m_matches) {
        QTextEdit::ExtraSelection s;
        s.format.setBackground(mark);
        s.cursor = m;
        selections.append(s);
    }
    setExtraSelections(selections);
    m_gutter->update();
}
} // namespace lightd::gui
