#pragma once
#include "widgets/AnsiParser.h"

#include <QDateTime>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QToolButton;

namespace lightd::gui {
class CommandLine;

// A container console: ANSI colours, bounded scrollback, follows the tail unless the operator
// scrolled up (a "jump to latest" button brings it back), and a command line with history.
// Its tool row searches (every match highlighted, Enter finds the next), filters to the matching
// lines, pauses (lines wait, counted), shows receive times, clears and saves the log; commands sent
// are echoed in their own colour.
class ConsoleWidget final : public QWidget
{
    Q_OBJECT
  public:
    explicit ConsoleWidget(QWidget *parent = nullptr);

    void appendLines(const QStringList &lines);
    void appendNotice(const QString &text); // daemon messages, in their own colour
    void echoCommand(const QString &command);
    void clear();
    void setScrollback(int lines);
    void setInputEnabled(bool enabled);

    bool isFollowing() const;
    int lineCount() const;
    QPlainTextEdit *output() const { return m_output; }
    CommandLine *commandLine() const { return m_input; }
    QLineEdit *searchField() const { return m_search; }

    void setSearch(const QString &text);
    void setFilter(bool onlyMatching);
    void setPaused(bool paused);
    void setTimestamps(bool shown);
    bool isPaused() const { return m_paused; }
    int pendingCount() const { return int(m_pending.size()); }
    int matchCount() const { return m_matches; }
    // The visible lines as plain text (timestamps included when shown), as Save writes them.
    QString plainText() const;
    bool saveTo(const QString &path) const;
    void findNext();

  Q_SIGNALS:
    void commandEntered(const QString &command);

  private:
    struct Entry
    {
        QDateTime at;
        QList<AnsiSpan> spans;
        QString plain;
    };
    bool shows(const Entry &e) const;
    QString prefix(const Entry &e) const;
    void render(const QList<Entry> &entries, bool append);
    void rebuild();
    void highlight();
    void updateFollowButton();
    void updatePauseLabel();
    void chooseSaveFile();
    void add(const QList<Entry> &entries);

    QPlainTextEdit *m_output;
    CommandLine *m_input;
    QToolButton *m_follow;
    QLineEdit *m_search;
    QToolButton *m_filter;
    QToolButton *m_pause;
    QToolButton *m_times;
    QLabel *m_status;
    AnsiParser m_parser;
    QList<Entry> m_entries; // everything kept (bounded by the scrollback), shown or filtered out
    QList<Entry> m_pending; // arrived while paused
    int m_scrollback = 5000;
    bool m_paused = false;
    int m_matches = 0;
};
} // namespace lightd::gui
