#include "pages/SftpPanel.h"

#include "app/Icons.h"
#include "dialogs/SftpPasswordDialog.h"
#include "lightd/ApiClient.h"
#include "models/Roles.h"
#include "models/SftpKeysModel.h"
#include "nodes/NodeConnection.h"
#include "pages/Page.h"
#include "widgets/TableView.h"

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <memory>
#include <optional>

namespace lightd::gui {
SftpPanel::SftpPanel(QWidget *parent)
    : QGroupBox(tr("SFTP access"), parent), m_host(new QLabel(this)), m_port(new QLabel(this)),
      m_user(new QLabel(this)), m_url(new QLineEdit(this)),
      m_copyUrl(new QPushButton(icons::get(QStringLiteral("key")), tr("Copy URL"), this)),
      m_generate(new QPushButton(icons::get(QStringLiteral("dice")), tr("Generate password"), this)),
      m_status(new QLabel(this)), m_keys(new SftpKeysModel(this)), m_view(new TableView(this)),
      m_addKey(new QPushButton(icons::get(QStringLiteral("add")), tr("Add key from file…"), this)),
      m_removeKey(new QPushButton(icons::get(QStringLiteral("delete")), tr("Remove key"), this))
{
    setObjectName(QStringLiteral("sftpPanel"));
    auto *layout = new QVBoxLayout(this);
    m_status->setObjectName(QStringLiteral("sftpText"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    auto *form = new QFormLayout;
    form->setHorizontalSpacing(18);
    for (QLabel *l : {m_host, m_port, m_user})
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_host->setObjectName(QStringLiteral("sftpHost"));
    m_port->setObjectName(QStringLiteral("sftpPort"));
    m_user->setObjectName(QStringLiteral("sftpUser"));
    form->addRow(tr("Host"), m_host);
    form->addRow(tr("Port"), m_port);
    form->addRow(tr("Username"), m_user);
    auto *urlRow = new QHBoxLayout;
    m_url->setReadOnly(true);
    m_url->setObjectName(QStringLiteral("sftpUrl"));
    urlRow->addWidget(m_url, 1);
    m_copyUrl->setObjectName(QStringLiteral("copySftpUrl"));
    urlRow->addWidget(m_copyUrl);
    form->addRow(tr("URL"), urlRow);
    layout->addLayout(form);
    auto *passwordRow = new QHBoxLayout;
    m_generate->setObjectName(QStringLiteral("generateSftpPassword"));
    m_generate->setToolTip(tr("Sets a new random password, shown once; the old one and its open sessions "
                              "end"));
    passwordRow->addWidget(m_generate);
    passwordRow->addStretch();
    layout->addLayout(passwordRow);

    auto *keysTitle = new QLabel(tr("Public keys"), this);
    layout->addWidget(keysTitle);
    m_view->setSourceModel(m_keys, SftpKeysModel::AddedColumn);
    m_view->setMinimumHeight(120);
    m_view->horizontalHeader()->setSectionResizeMode(SftpKeysModel::FingerprintColumn, QHeaderView::Stretch);
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(SftpKeysModel::AddedColumn,
                                                     QHeaderView::ResizeToContents);
    layout->addWidget(m_view);
    auto *keyRow = new QHBoxLayout;
    m_addKey->setObjectName(QStringLiteral("addSftpKey"));
    m_removeKey->setObjectName(QStringLiteral("removeSftpKey"));
    keyRow->addWidget(m_addKey);
    keyRow->addWidget(m_removeKey);
    keyRow->addStretch();
    layout->addLayout(keyRow);

    connect(m_copyUrl, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(url()); });
    connect(m_generate, &QPushButton::clicked, this, &SftpPanel::generatePassword);
    connect(m_addKey, &QPushButton::clicked, this, &SftpPanel::chooseKeyFile);
    connect(m_removeKey, &QPushButton::clicked, this, [this] {
        QStringList fingerprints;
        for (int row : m_view->selectedSourceRows())
            fingerprints << m_keys->row(row).fingerprint;
        removeKeys(fingerprints);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SftpPanel::updateButtons);
    clear();
}

template <typename T, typename F> auto SftpPanel::guarded(F f)
{
    return [self = QPointer<SftpPanel>(this), generation = m_generation, f](const ApiResult<T> &r) {
        if (self && self->m_generation == generation)
            f(r);
    };
}

void SftpPanel::open(NodeConnection *connection, const QString &internalId)
{
    clear();
    m_connection = connection;
    m_id = internalId;
    refresh();
}

void SftpPanel::clear()
{
    ++m_generation;
    m_info = {};
    m_configured = false;
    m_available = false;
    m_keys->clear();
    m_host->setText(QStringLiteral("—"));
    m_port->setText(QStringLiteral("—"));
    m_user->setText(QStringLiteral("—"));
    m_url->clear();
    m_status->clear();
    updateButtons();
}

QString SftpPanel::url() const
{
    if (!m_configured || m_info.username.isEmpty() || m_info.host.isEmpty())
        return {};
    const QString host = m_info.host.contains(u':') ? u'[' + m_info.host + u']' : m_info.host; // IPv6
    return QStringLiteral("sftp://%1@%2:%3").arg(m_info.username, host).arg(m_info.port);
}

QString SftpPanel::statusText() const
{
    return m_status->text();
}

void SftpPanel::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setObjectName(error ? QStringLiteral("sftpError") : QStringLiteral("sftpText"));
    m_status->setStyleSheet(error ? QStringLiteral("color: #b91c1c;") : QString());
}

void SftpPanel::refresh()
{
    if (!m_connection || m_id.isEmpty())
        return;
    setStatus(tr("Asking the node…"));
    m_connection->client()->sftpInfo(m_id, guarded<SftpInfoDto>([this](const ApiResult<SftpInfoDto> &r) {
                                         showInfo(r);
                                         if (m_available)
                                             loadKeys();
                                         else
                                             Q_EMIT changed();
                                     }));
}

void SftpPanel::showInfo(const ApiResult<SftpInfoDto> &r)
{
    m_available = r.ok() || r.error.code == QLatin1StringView("sftp_not_configured");
    m_configured = r.ok();
    m_info = r.ok() ? *r : SftpInfoDto{};
    if (m_configured && m_info.host.isEmpty() && m_connection)
        m_info.host = m_connection->info().url.host(); // the address this node is reached at
    m_host->setText(m_configured ? m_info.host : QStringLiteral("—"));
    m_port->setText(m_configured ? QString::number(m_info.port) : QStringLiteral("—"));
    m_user->setText(m_configured ? m_info.username : QStringLiteral("—"));
    m_url->setText(url());
    if (r.ok())
        setStatus(tr("Log in with any SFTP client; / is the container's volume. Passwords are shown only "
                     "when generated."));
    else if (m_available)
        setStatus(tr("No SFTP login for this container yet: generate a password or add a public key."));
    else if (Page::isMissingRoute(r.error))
        setStatus(tr("SFTP is not available on this node. Its files can be managed with Browse files."));
    else
        setStatus(tr("The SFTP details could not be loaded: %1").arg(NodeConnection::describe(r.error)),
                  true);
    updateButtons();
}

void SftpPanel::loadKeys()
{
    m_connection->client()->sftpKeys(
        m_id, guarded<QList<SftpKeyDto>>([this](const ApiResult<QList<SftpKeyDto>> &r) {
            if (r.ok())
                m_keys->setRows(*r);
            else
                setStatus(tr("The keys could not be loaded: %1").arg(NodeConnection::describe(r.error)),
                          true);
            updateButtons();
            Q_EMIT changed();
        }));
}

void SftpPanel::updateButtons()
{
    m_copyUrl->setEnabled(!url().isEmpty());
    m_generate->setEnabled(m_available);
    m_addKey->setEnabled(m_available);
    m_removeKey->setEnabled(m_available && !m_view->selectedSourceRows().isEmpty());
}

void SftpPanel::generatePassword()
{
    if (!m_connection || !m_available)
        return;
    m_generate->setEnabled(false);
    m_connection->client()->setSftpCredentials(
        m_id, std::nullopt, std::nullopt,
        guarded<SftpCredentialsDto>([this](const ApiResult<SftpCredentialsDto> &r) {
            m_generate->setEnabled(true);
            if (!r.ok()) {
                if (m_connection)
                    m_connection->reportError(r.error);
                setStatus(tr("No password was set: %1").arg(NodeConnection::describe(r.error)), true);
                Q_EMIT changed();
                return;
            }
            m_info.username = r->username;
            m_info.host = r->host;
            m_info.port = r->port;
            auto *dialog = new SftpPasswordDialog(
                QStringLiteral("%1@%2:%3").arg(r->username, r->host).arg(r->port), r->password, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->open();
            Q_EMIT passwordGenerated(dialog);
            refresh();
        }));
}

void SftpPanel::chooseKeyFile()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Add a public key"), QDir::homePath() + QStringLiteral("/.ssh"),
                                     tr("Public keys (*.pub);;All files (*)"));
    if (!path.isEmpty())
        addKeyFromFile(path);
}

void SftpPanel::addKeyFromFile(const QString &path)
{
    if (!m_connection)
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > 64 * 1024) {
        setStatus(tr("%1 could not be read as a public key file.").arg(path), true);
        Q_EMIT changed();
        return;
    }
    const QByteArray data = file.readAll();
    // A private key must never leave this machine, not even to be refused by the node.
    if (data.contains("PRIVATE KEY")) {
        setStatus(tr("%1 is a private key. Choose the matching .pub file.").arg(path), true);
        Q_EMIT changed();
        return;
    }
    QString key;
    for (const QByteArray &line : data.split('\n'))
        if (!line.trimmed().isEmpty() && !line.trimmed().startsWith('#')) {
            key = QString::fromUtf8(line.trimmed());
            break;
        }
    m_connection->client()->addSftpKey(
        m_id, key, guarded<QString>([this](const ApiResult<QString> &r) {
            if (!r.ok()) {
                m_connection->reportError(r.error);
                setStatus(tr("The key was not added: %1").arg(NodeConnection::describe(r.error)), true);
                Q_EMIT changed();
                return;
            }
            refresh();
        }));
}

void SftpPanel::removeKeys(const QStringList &fingerprints)
{
    if (!m_connection || fingerprints.isEmpty())
        return;
    struct Batch
    {
        int remaining;
        std::optional<ApiErrorDto> failure;
    };
    auto batch = std::make_shared<Batch>(Batch{int(fingerprints.size()), std::nullopt});
    for (const QString &fp : fingerprints)
        m_connection->client()->removeSftpKey(
            m_id, fp, guarded<QJsonObject>([this, batch](const ApiResult<QJsonObject> &r) {
                if (!r.ok())
                    batch->failure = r.error;
                if (--batch->remaining > 0)
                    return;
                if (!batch->failure)
                    return refresh();
                setStatus(tr("A key was not removed: %1").arg(NodeConnection::describe(*batch->failure)),
                          true);
                loadKeys();
            }));
}
} // namespace lightd::gui
