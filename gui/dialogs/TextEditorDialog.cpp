#include "dialogs/TextEditorDialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QKeySequence>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace lightd::gui {
TextEditorDialog::TextEditorDialog(const QString &name, const QString &text, QWidget *parent)
    : QDialog(parent), m_editor(new QPlainTextEdit(this)), m_status(new QLabel(this)), m_name(name)
{
    setWindowTitle(tr("Edit %1").arg(name));
    resize(820, 600);
    auto *layout = new QVBoxLayout(this);
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setPlainText(text);
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_editor->document()->setModified(false);
    layout->addWidget(m_editor, 1);
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
