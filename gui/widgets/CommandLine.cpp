#include "widgets/CommandLine.h"

#include <QKeyEvent>

namespace lightd::gui {
CommandLine::CommandLine(QWidget *parent) : QLineEdit(parent)
{
    setObjectName(QStringLiteral("commandLine"));
    setPlaceholderText(tr("Type a command and press Enter"));
    connect(this, &QLineEdit::returnPressed, this, &CommandLine::submit);
}

void CommandLine::submit()
{
    const QString command = text();
    if (command.trimmed().isEmpty())
        return;
    if (m_history.isEmpty() || m_history.last() != command)
        m_history.append(command);
    while (m_history.size() > kHistoryLimit)
        m_history.removeFirst();
    m_position = m_history.size();
    m_draft.clear();
    clear();
    Q_EMIT commandEntered(command);
}

void CommandLine::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Up && m_position > 0) {
        if (m_position == m_history.size())
            m_draft = text();
        setText(m_history.at(--m_position));
        return;
    }
    if (event->key() == Qt::Key_Down && m_position < m_history.size()) {
        ++m_position;
        setText(m_position == m_history.size() ? m_draft : m_history.at(m_position));
        return;
    }
    QLineEdit::keyPressEvent(event);
}
} // namespace lightd::gui
