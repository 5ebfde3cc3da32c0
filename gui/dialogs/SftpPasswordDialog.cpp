#include "dialogs/SftpPasswordDialog.h"

#include "app/Icons.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace lightd::gui {
SftpPasswordDialog::SftpPasswordDialog(const QString &login, const QString &password, QWidget *parent)
    : QDialog(parent), m_password(new QLineEdit(password, this)),
      m_copy(new QPushButton(icons::get(QStringLiteral("key")), tr("Copy"), this))
{
    setWindowTitle(tr("New SFTP password"));
    auto *layout = new QVBoxLayout(this);
    auto *text = new QLabel(tr("The password for <b>%1</b>. Copy it now: it is not shown again, and the "
                               "previous password no longer works.")
                                .arg(login.toHtmlEscaped()),
                            this);
    text->setWordWrap(true);
    layout->addWidget(text);
    auto *row = new QHBoxLayout;
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setReadOnly(true);
    m_password->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_password->setMinimumWidth(m_password->fontMetrics().horizontalAdvance(password) + 24);
    row->addWidget(m_password, 1);
    m_copy->setObjectName(QStringLiteral("copyPassword"));
    row->addWidget(m_copy);
    layout->addLayout(row);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_copy, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_password->text());
        m_copy->setText(tr("Copied"));
    });
}

QString SftpPasswordDialog::password() const
{
    return m_password->text();
}
} // namespace lightd::gui
