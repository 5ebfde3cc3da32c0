#pragma once
#include "widgets/AnsiParser.h"

#include <QWidget>

class QLineEdit;
class QPlainTextEdit;
class QToolButton;

namespace lightd::gui {
class CommandLine;

// A container console: ANSI colours, bounded scrollback, follows the tail unless the operator
// scrolled up (a "jump to latest" button brings it back), and a command line with history.
class ConsoleWidget final : public QWidget
{
    Q_OBJECT
  public:
    explicit ConsoleWidget(QWidget *parent = nullptr);

    void appendLines(const QStringList &lines);
    void appendNotice(const QString &text); // daemon messages, in their own colour
    void clear();
    void setScrollback(int lines);
    void setInputEnabled(bool enabled);

    bool isFollowing() const;
    int lineCount() const;
    QPlainTextEdit *output() const { return m_output; }
    CommandLine *commandLine() const { return m_input; }

  Q_SIGNALS:
    void commandEntered(const QString &command);

  private:
    void updateFollowButton();

    QPlainTextEdit *m_output;
    CommandLine *m_input;
    QToolButton *m_follow;
    AnsiParser m_parser;
};
} // namespace lightd::gui
