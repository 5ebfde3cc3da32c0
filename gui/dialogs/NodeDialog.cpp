#include "dialogs/NodeDialog.h"

#include "nodes/TokenStore.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace lightd::gui {
NodeDialog::NodeDialog(QWidget *parent)
    : QDialog(parent), m_name(new QLineEdit(this)), m_url(new QLineEdit(this)), m_token(new QLineEdit(this)),
      m_hint(new QLabel(this))
{
    setWindowTitle(tr("Node"));
    setMinimumWidth(460);
    auto *form = new QFormLayout(this);
    m_name->setPlaceholderText(tr("e.g. Frankfurt 1"));
    form->addRow(tr("Name"), m_name);
    m_url->setPlaceholderText(QStringLiteral("https://node1.example.com:8070"));
    form->addRow(tr("URL"), m_url);
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(QStringLiteral("lightd_…"));
    form->addRow(tr("Token"), m_token);
    auto *where =
        new QLabel(TokenStore::defaultBackend() == TokenStore::Backend::Keychain
                       ? tr("The token is kept in the system keychain.")
                       : tr("No keychain is available: the token is kept in this app's settings file."),
                   this);
    where->setObjectName(QStringLiteral("dialogHint"));
    where->setWordWrap(true);
    form->addRow(where);
    m_hint->setObjectName(QStringLiteral("dialogHint"));
    m_hint->setProperty("error", true);
    m_hint->setWordWrap(true);
    form->addRow(m_hint);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Connect"));
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *e : {m_name, m_url, m_token})
        connect(e, &QLineEdit::textChanged, this, &NodeDialog::validate);
    validate();
}

void NodeDialog::setValues(const QString &name, const QUrl &url, const QString &token)
{
    m_name->setText(name);
    m_url->setText(url.toString());
    m_token->setText(token);
}

QString NodeDialog::name() const
{
    return m_name->text().trimmed().isEmpty() ? url().host() : m_name->text().trimmed();
}

QUrl NodeDialog::url() const
{
    return QUrl::fromUserInput(m_url->text().trimmed());
}

QString NodeDialog::token() const
{
    return m_token->text().trimmed();
}

QString NodeDialog::validationError() const
{
    const QUrl u = url();
    if (m_url->text().trimmed().isEmpty())
        return tr("Enter the node's URL.");
    if (!u.isValid() || u.host().isEmpty() ||
        (u.scheme() != QLatin1StringView("http") && u.scheme() != QLatin1StringView("https")))
        return tr("The URL must be http:// or https:// with a host.");
    if (token().isEmpty())
        return tr("Enter the node's token (lightd --token what prints it).");
    return {};
}

void NodeDialog::validate()
{
    const QString error = validationError();
    const bool touched = !m_url->text().isEmpty() || !m_token->text().isEmpty();
    m_hint->setText(touched ? error : QString());
    m_hint->setVisible(touched && !error.isEmpty());
    m_ok->setEnabled(error.isEmpty());
}
} // namespace lightd::gui
