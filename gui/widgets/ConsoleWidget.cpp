#include "widgets/ConsoleWidget.h"

#include "app/Icons.h"
#include "widgets/CommandLine.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QToolButton>
#include <QVBoxLayout>

namespace lightd::gui {
ConsoleWidget::ConsoleWidget(QWidget *parent)
    : QWidget(parent), m_output(new QPlainTextEdit(this)), m_input(new CommandLine(this)),
      m_follow(new QToolButton(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_output->setObjectName(QStringLiteral("console"));
    m_output->setReadOnly(true);
    m_output->setUndoRedoEnabled(false);
    m_output->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_output->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_output->setMaximumBlockCount(5000);
    m_output->setFrameShape(QFrame::NoFrame);
    layout->addWidget(m_output, 1);

    auto *inputRow = new QWidget(this);
    inputRow->setObjectName(QStringLiteral("consoleInput"));
    auto *row = new QHBoxLayout(inputRow);
    row->setContentsMargins(10, 6, 6, 6);
    auto *prompt = new QLabel(QStringLiteral("›"), inputRow);
    prompt->setObjectName(QStringLiteral("consolePrompt"));
    row->addWidget(prompt);
    m_input->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    row->addWidget(m_input, 1);
    m_follow->setIcon(icons::get(QStringLiteral("down")));
    m_follow->setText(tr("Jump to latest"));
    m_follow->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_follow->setAutoRaise(true);
    m_follow->hide();
    row->addWidget(m_follow);
    layout->addWidget(inputRow);

    connect(m_input, &CommandLine::commandEntered, this, &ConsoleWidget::commandEntered);
    connect(m_follow, &QToolButton::clicked, this,
            [this] { m_output->verticalScrollBar()->setValue(m_output->verticalScrollBar()->maximum()); });
    connect(m_output->verticalScrollBar(), &QScrollBar::valueChanged, this,
            &ConsoleWidget::updateFollowButton);
    connect(m_output->verticalScrollBar(), &QScrollBar::rangeChanged, this,
            &ConsoleWidget::updateFollowButton);
}

bool ConsoleWidget::isFollowing() const
{
    const QScrollBar *bar = m_output->verticalScrollBar();
    return bar->value() >= bar->maximum() - 2;
}

int ConsoleWidget::lineCount() const
{
    return m_output->document()->isEmpty() ? 0 : m_output->document()->blockCount();
}

void ConsoleWidget::setScrollback(int lines)
{
    m_output->setMaximumBlockCount(lines);
}

void ConsoleWidget::setInputEnabled(bool enabled)
{
    m_input->setEnabled(enabled);
    m_input->setPlaceholderText(enabled ? tr("Type a command and press Enter")
                                        : tr("Commands can be sent while the container runs"));
}

void ConsoleWidget::appendLines(const QStringList &lines)
{
    if (lines.isEmpty())
        return;
    QScrollBar *bar = m_output->verticalScrollBar();
    const bool follow = isFollowing();
    const int keep = bar->value();
    QTextCursor cursor(m_output->document());
    cursor.movePosition(QTextCursor::End);
    cursor.beginEditBlock();
    for (const QString &line : lines) {
        if (!m_output->document()->isEmpty())
            cursor.insertBlock();
        for (const AnsiSpan &span : m_parser.parse(line)) {
            QTextCharFormat format;
            if (span.style.foreground)
                format.setForeground(*span.style.foreground);
            if (span.style.background)
                format.setBackground(*span.style.background);
            if (span.style.bold)
                format.setFontWeight(QFont::Bold);
            format.setFontItalic(span.style.italic);
            format.setFontUnderline(span.style.underline);
            cursor.insertText(span.text, format);
        }
    }
    cursor.endEditBlock();
    // Follow the tail only if the operator was already there; never yank them from history.
    bar->setValue(follow ? bar->maximum() : keep);
}

void ConsoleWidget::appendNotice(const QString &text)
{
    appendLines({QStringLiteral("\x1b[1;36m[lightd]\x1b[22m %1\x1b[0m").arg(text)});
}

void ConsoleWidget::clear()
{
    m_output->clear();
    m_parser.reset();
}

void ConsoleWidget::updateFollowButton()
{
    m_follow->setVisible(!isFollowing());
}
} // namespace lightd::gui
