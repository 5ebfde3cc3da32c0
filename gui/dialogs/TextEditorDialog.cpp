#include "dialogs/TextEditorDialog.h"

#include "widgets/CodeEditor.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QTextCursor>
#include <QToolButton>
#include <QVBoxLayout>

namespace lightd::gui {
TextEditorDialog::TextEditorDialog(const QString &name, const QString &text, QWidget *parent)
    : QDialog(parent), m_editor(new CodeEditor(this)), m_findBar(new QWidget(this)),
      m_find(new QLineEdit(this)), m_findStatus(new QLabel(this)), m_status(new QLabel(this)), m_name(name)
{
    setWindowTitle(tr("Edit %1").arg(name));
    resize(820, 600);
    auto *layout = new QVBoxLayout(this);
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setPlainText(text);
    m_editor->document()->setModified(false);
    layout->addWidget(m_editor, 1);

    // Find: hidden until Ctrl+F, closed with Escape.
    auto *findRow = new QHBoxLayout(m_findBar);
    findRow->setContentsMargins(0, 0, 0, 0);
    m_find->setObjectName(QStringLiteral("findField"));
    m_find->setPlaceholderText(tr("Find in file"));
    m_find->setClearButtonEnabled(true);
    m_find->installEventFilter(this);
    m_findStatus->setObjectName(QStringLiteral("dialogHint"));
    // Room for "999 of 999" from the start, so the bar does not jump while typing.
    m_findStatus->setMinimumWidth(
        m_findStatus->fontMetrics().horizontalAdvance(tr("%1 of %2").arg(999).arg(999)));
    m_findStatus->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    auto *previous = new QToolButton(m_findBar);
    previous->setText(tr("Previous"));
    previous->setToolTip(tr("Previous match (Shift+Enter)"));
    auto *next = new QToolButton(m_findBar);
    next->setText(tr("Next"));
    next->setToolTip(tr("Next match (Enter)"));
    findRow->addWidget(m_find, 1);
    findRow->addWidget(m_findStatus);
    findRow->addWidget(previous);
    findRow->addWidget(next);
    m_findBar->hide();
    layout->addWidget(m_findBar);
    connect(m_find, &QLineEdit::textChanged, this, [this](const QString &t) {
        // As you type: the first match from where the current one starts.
        QTextCursor from = m_editor->textCursor();
        from.setPosition(from.selectionStart());
        m_editor->setTextCursor(from);
        if (m_editor->setSearch(t) > 0)
            m_editor->findNext(false);
        updateFindStatus();
    });
    connect(previous, &QToolButton::clicked, this, [this] { step(true); });
    connect(next, &QToolButton::clicked, this, [this] { step(false); });
    connect(new QShortcut(QKeySequence::Find, this), &QShortcut::activated, this,
            &TextEditorDialog::showFind);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    auto *row = new QHBoxLayout;
    m_status->setObjectName(QStringLiteral("dialogHint"));
    row->addWidget(m_status, 1);
    row->addWidget(buttons);
    layout->addLayout(row);
    connect(buttons, &QDialogButtonBox::rejected, this, &TextEditorDialog::reject);
    connect(m_save, &QPushButton::clicked, this, [this] {
        m_save->setEnabled(false);
        m_status->setText(tr("Saving…"));
        Q_EMIT saveRequested(m_editor->toPlainText());
    });
    auto *shortcut = new QShortcut(QKeySequence::Save, this);
    connect(shortcut, &QShortcut::activated, m_save, &QPushButton::click);
    m_save->setAutoDefault(false);
    m_save->setDefault(false);
}

void TextEditorDialog::showFind()
{
    m_findBar->show();
    const QString selected = m_editor->textCursor().selectedText();
    if (!selected.isEmpty() && !selected.contains(QChar::ParagraphSeparator))
        m_find->setText(selected);
    m_find->setFocus();
    m_find->selectAll();
}

void TextEditorDialog::step(bool backward)
{
    m_editor->findNext(backward);
    updateFindStatus();
}

void TextEditorDialog::updateFindStatus()
{
    if (m_find->text().isEmpty())
        m_findStatus->clear();
    else if (m_editor->matchCount() == 0)
        m_findStatus->setText(tr("No match"));
    else
        m_findStatus->setText(tr("%1 of %2").arg(m_editor->currentMatch()).arg(m_editor->matchCount()));
}

// In the find field Enter steps forward, Shift+Enter back, Escape closes the bar (not the dialog).
bool TextEditorDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_find && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            step(key->modifiers() & Qt::ShiftModifier);
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            m_findBar->hide();
            m_editor->setSearch({});
            m_editor->setFocus();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void TextEditorDialog::saved()
{
    m_editor->document()->setModified(false);
    accept();
}

void TextEditorDialog::failed(const QString &message)
{
    m_save->setEnabled(true);
    m_status->setText(tr("Not saved: %1").arg(message));
}

void TextEditorDialog::reject()
{
    if (m_editor->document()->isModified() &&
        QMessageBox::question(this, tr("Discard changes"), tr("Discard your changes to %1?").arg(m_name),
                              QMessageBox::Discard | QMessageBox::Cancel) != QMessageBox::Discard)
        return;
    QDialog::reject();
}
} // namespace lightd::gui
