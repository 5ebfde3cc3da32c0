#include "nodes/TokenStore.h"

#include "app/GuiLog.h"

#include <QSettings>
#include <qt6keychain/keychain.h>

namespace lightd::gui {
namespace {
const QString kService = QStringLiteral("lightd-gui");
}

TokenStore::TokenStore(Backend backend, QObject *parent) : QObject(parent), m_backend(backend)
{
    if (m_backend == Backend::Settings)
        qCWarning(lcGui).noquote() << "No secret service in use: node tokens are stored in plain QSettings at"
                                   << QSettings().fileName();
}

TokenStore::Backend TokenStore::defaultBackend()
{
    if (qEnvironmentVariableIsSet("LIGHTD_GUI_NO_KEYCHAIN") ||
        !qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"))
        return Backend::Settings;
    return Backend::Keychain;
}

QString TokenStore::settingsKey(const QString &nodeId)
{
    return QStringLiteral("tokens/") + nodeId;
}

void TokenStore::useSettingsFallback(const QString &why)
{
    if (m_backend == Backend::Settings)
        return;
    m_backend = Backend::Settings;
    qCWarning(lcGui).noquote() << "Keychain unavailable (" << why
                               << "): node tokens fall back to plain QSettings at" << QSettings().fileName();
}

void TokenStore::read(const QString &nodeId, std::function<void(const QString &)> done)
{
    if (m_backend == Backend::Settings) {
        done(QSettings().value(settingsKey(nodeId)).toString());
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(kService, this);
    job->setKey(nodeId);
    connect(job, &QKeychain::Job::finished, this, [this, job, nodeId, done = std::move(done)] {
        if (job->error() == QKeychain::NoError) {
            done(job->textData());
            return;
        }
        if (job->error() != QKeychain::EntryNotFound)
            useSettingsFallback(job->errorString());
        // A token written while the keychain was unavailable is still in the settings.
        done(QSettings().value(settingsKey(nodeId)).toString());
    });
    job->start();
}

void TokenStore::write(const QString &nodeId, const QString &token)
{
    if (m_backend == Backend::Settings) {
        QSettings().setValue(settingsKey(nodeId), token);
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(kService, this);
    job->setKey(nodeId);
    job->setTextData(token);
    connect(job, &QKeychain::Job::finished, this, [this, job, nodeId, token] {
        if (job->error() == QKeychain::NoError) {
            QSettings().remove(settingsKey(nodeId));
            return;
        }
        useSettingsFallback(job->errorString());
        QSettings().setValue(settingsKey(nodeId), token);
    });
    job->start();
}

void TokenStore::remove(const QString &nodeId)
{
    QSettings().remove(settingsKey(nodeId));
    if (m_backend == Backend::Settings)
        return;
    auto *job = new QKeychain::DeletePasswordJob(kService, this);
    job->setKey(nodeId);
    job->start();
}
} // namespace lightd::gui
