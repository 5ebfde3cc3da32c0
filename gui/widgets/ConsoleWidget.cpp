#include "widgets/ConsoleWidget.h"

#include "app/Icons.h"
#include "widgets/CommandLine.h"

#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSaveFile>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QToolButton>
#include <QVBoxLayout>

namespace lightd::gui {
namespace {
QToolButton *toolButton(QWidget *parent, const QString &icon, const QString &text, const QString &name,
                        bool checkable)
{
    auto *b = new QToolButton(parent);
    if (!icon.isEmpty())
        b->setIcon(icons::get(icon));
    b->setText(text);
    b->setObjectName(name);
    b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    b->setAutoRaise(true);
    b->setCheckable(checkable);
    return b;
}
} // namespace

ConsoleWidget::ConsoleWidget(QWidget *parent)
    : QWidget(parent), m_output(new QPlainTextEdit(this)), m_input(new CommandLine(this)),
      m_follow(new QToolButton(this)), m_search(new QLineEdit(this)), m_status(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    auto *tools = new QWidget(this);
    tools->setObjectName(QStringLiteral("consoleTools"));
    auto *toolRow = new QHBoxLayout(tools);
    toolRow->setContentsMargins(6, 4, 6, 4);
    toolRow->setSpacing(4);
    m_search->setObjectName(QStringLiteral("consoleSearch"));
    m_search->setPlaceholderText(tr("Search the console"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(260);
    toolRow->addWidget(m_search);
    m_filter = toolButton(tools, QStringLiteral("search"), tr("Only matches"),
                          QStringLiteral("consoleFilter"), true);
    m_filter->setToolTip(tr("Show only the lines that contain the search text"));
    toolRow->addWidget(m_filter);
    toolRow->addWidget(m_status);
    toolRow->addStretch();
    m_times = toolButton(tools, {}, tr("Times"), QStringLiteral("consoleTimes"), true);
    m_times->setToolTip(tr("Show when each line arrived"));
    m_pause = toolButton(tools, QStringLiteral("pause"), tr("Pause"), QStringLiteral("consolePause"), true);
    m_pause->setToolTip(tr("Hold new lines back to read; they appear on resume"));
    auto *clearButton =
        toolButton(tools, QStringLiteral("delete"), tr("Clear"), QStringLiteral("consoleClear"), false);
    auto *save =
        toolButton(tools, QStringLiteral("download"), tr("Save…"), QStringLiteral("consoleSave"), false);
    save->setToolTip(tr("Save the lines shown to a text file"));
    for (QToolButton *b : {m_times, m_pause, clearButton, save})
        toolRow->addWidget(b);
    layout->addWidget(tools);

    m_output->setObjectName(QStringLiteral("console"));
    m_output->setReadOnly(true);
    m_output->setUndoRedoEnabled(false);
    m_output->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_output->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_output->setMaximumBlockCount(m_scrollback);
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

    connect(m_input, &CommandLine::commandEntered, this, [this](const QString &command) {
        echoCommand(command);
        Q_EMIT commandEntered(command);
    });
    connect(m_follow, &QToolButton::clicked, this,
            [this] { m_output->verticalScrollBar()->setValue(m_output->verticalScrollBar()->maximum()); });
    connect(m_output->verticalScrollBar(), &QScrollBar::valueChanged, this,
            &ConsoleWidget::updateFollowButton);
    connect(m_output->verticalScrollBar(), &QScrollBar::rangeChanged, this,
            &ConsoleWidget::updateFollowButton);
    connect(m_search, &QLineEdit::textChanged, this, [this] {
        if (m_filter->isChecked())
            rebuild();
        else
            highlight();
    });
    connect(m_search, &QLineEdit::returnPressed, this, &ConsoleWidget::findNext);
    connect(m_filter, &QToolButton::toggled, this, &ConsoleWidget::rebuild);
    connect(m_times, &QToolButton::toggled, this, &ConsoleWidget::rebuild);
    connect(m_pause, &QToolButton::toggled, this, &ConsoleWidget::setPaused);
    connect(clearButton, &QToolButton::clicked, this, &ConsoleWidget::clear);
    connect(save, &QToolButton::clicked, this, &ConsoleWidget::chooseSaveFile);
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
    m_scrollback = lines;
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
    QList<Entry> entries;
    entries.reserve(lines.size());
    const QDateTime now = QDateTime::currentDateTime();
    for (const QString &line : lines) {
        Entry e{now, m_parser.parse(line), {}};
        for (const AnsiSpan &span : e.spans)
            e.plain += span.text;
        entries.append(std::move(e));
    }
    add(entries);
}

void ConsoleWidget::add(const QList<Entry> &entries)
{
    if (m_paused) {
        m_pending += entries;
        updatePauseLabel();
        return;
    }
    m_entries += entries;
    if (m_entries.size() > m_scrollback)
        m_entries.remove(0, m_entries.size() - m_scrollback);
    render(entries, true);
}

void ConsoleWidget::appendNotice(const QString &text)
{
    appendLines({QStringLiteral("\x1b[1;36m[lightd]\x1b[22m %1\x1b[0m").arg(text)});
}

void ConsoleWidget::echoCommand(const QString &command)
{
    AnsiStyle style;
    style.foreground = QColor(0x61, 0xaf, 0xef);
    style.bold = true;
    const QString text = QStringLiteral("› ") + command;
    add({Entry{QDateTime::currentDateTime(), {AnsiSpan{text, style}}, text}});
}

bool ConsoleWidget::shows(const Entry &e) const
{
    return !m_filter->isChecked() || m_search->text().isEmpty() ||
           e.plain.contains(m_search->text(), Qt::CaseInsensitive);
}

QString ConsoleWidget::prefix(const Entry &e) const
{
    return m_times->isChecked() ? e.at.toString(QStringLiteral("[HH:mm:ss] ")) : QString();
}

// Appends (or, append = false, replaces the output with) the entries that pass the filter.
void ConsoleWidget::render(const QList<Entry> &entries, bool append)
{
    QScrollBar *bar = m_output->verticalScrollBar();
    const bool follow = !append || isFollowing();
    const int keep = bar->value();
    if (!append)
        m_output->clear();
    QTextCursor cursor(m_output->document());
    cursor.movePosition(QTextCursor::End);
    cursor.beginEditBlock();
    QTextCharFormat timeFormat;
    timeFormat.setForeground(QColor(0x7f, 0x84, 0x8e));
    for (const Entry &e : entries) {
        if (!shows(e))
            continue;
        if (!m_output->document()->isEmpty())
            cursor.insertBlock();
        if (m_times->isChecked())
            cursor.insertText(prefix(e), timeFormat);
        for (const AnsiSpan &span : e.spans) {
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
    if (!m_search->text().isEmpty())
        highlight();
}

void ConsoleWidget::rebuild()
{
    render(m_entries, false);
    highlight();
}

// Every match gets a marker (up to a limit that keeps huge logs responsive) and is counted.
void ConsoleWidget::highlight()
{
    QList<QTextEdit::ExtraSelection> marks;
    m_matches = 0;
    const QString needle = m_search->text();
    if (!needle.isEmpty()) {
        QTextCharFormat format;
        format.setBackground(QColor(0xfa, 0xcc, 0x15));
        format.setForeground(QColor(0x11, 0x18, 0x27));
        QTextCursor c(m_output->document());
        while (true) {
            c = m_output->document()->find(needle, c);
            if (c.isNull())
                break;
            ++m_matches;
            if (marks.size() < 2000)
                marks.append(QTextEdit::ExtraSelection{c, format});
        }
    }
    m_output->setExtraSelections(marks);
    if (needle.isEmpty())
        m_status->clear();
    else
        m_status->setText(tr("%n match(es)", nullptr, m_matches));
    updatePauseLabel();
}

void ConsoleWidget::findNext()
{
    const QString needle = m_search->text();
    if (needle.isEmpty())
        return;
    if (!m_output->find(needle)) {
        m_output->moveCursor(QTextCursor::Start); // wrap around
        m_output->find(needle);
    }
}

void ConsoleWidget::setSearch(const QString &text)
{
    m_search->setText(text);
}

void ConsoleWidget::setFilter(bool onlyMatching)
{
    m_filter->setChecked(onlyMatching);
}

void ConsoleWidget::setTimestamps(bool shown)
{
    m_times->setChecked(shown);
}

void ConsoleWidget::setPaused(bool paused)
{
    if (m_pause->isChecked() != paused)
        return m_pause->setChecked(paused); // comes back here through toggled
    if (paused == m_paused)
        return;
    m_paused = paused;
    m_pause->setText(paused ? tr("Resume") : tr("Pause"));
    m_pause->setIcon(icons::get(paused ? QStringLiteral("start") : QStringLiteral("pause")));
    if (!paused) {
        const QList<Entry> held = std::exchange(m_pending, {});
        add(held);
    }
    updatePauseLabel();
}

void ConsoleWidget::updatePauseLabel()
{
    if (!m_paused)
        return;
    const QString held = tr("Paused, %n new line(s) waiting", nullptr, int(m_pending.size()));
    m_status->setText(m_search->text().isEmpty()
                          ? held
                          : m_status->text().section(u'·', 0, 0).trimmed() + QStringLiteral(" · ") + held);
}

QString ConsoleWidget::plainText() const
{
    QStringList out;
    for (const Entry &e : m_entries)
        if (shows(e))
            out << prefix(e) + e.plain;
    return out.join(u'\n');
}

bool ConsoleWidget::saveTo(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return false;
    file.write((plainText() + u'\n').toUtf8());
    return file.commit();
}

void ConsoleWidget::chooseSaveFile()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save console log"), QStringLiteral("console.log"),
                                     tr("Log files (*.log *.txt);;All files (*)"));
    if (!path.isEmpty() && !saveTo(path))
        m_status->setText(tr("Could not write %1").arg(path));
}

void ConsoleWidget::clear()
{
    m_output->clear();
    m_entries.clear();
    m_pending.clear();
    m_parser.reset();
    highlight();
}

void ConsoleWidget::updateFollowButton()
{
    m_follow->setVisible(!isFollowing());
}
} // namespace lightd::gui
