#include "api/SftpController.h"

#include "containers/ContainerManager.h"
#include "http/JsonFields.h"
#include "lightd/DomainError.h"
#include "lightd/ErrorCodes.h"
#include "lightd/Keys.h"
#include "sftp/SftpAccounts.h"
#include "sftp/SftpServer.h"

#include <QJsonArray>
#include <QUrl>

namespace lightd::api {
using namespace http;

namespace {
const QString kVolumePath = QStringLiteral("/home/container");
constexpr QLatin1StringView kUsername{"username"}, kPassword{"password"}, kHost{"host"},
    kVolumePathKey{"volume_path"}, kPublicKey{"public_key"}, kFingerprint{"fingerprint"}, kComment{"comment"},
    kKeys{"keys"};
} // namespace

QString SftpController::containerOf(const HttpRequest &req) const
{
    return m_containers.get(req.param(QStringLiteral("id")))->record().dto.internalId;
}

int SftpController::port() const
{
    return m_server && m_server->port() ? m_server->port() : m_config.sftp.port;
}

// sftp.public_host, else the host the client reached this daemon by (never 0.0.0.0).
QString SftpController::hostFor(const HttpRequest &req) const
{
    if (!m_config.sftp.publicHost.isEmpty())
        return m_config.sftp.publicHost;
    const QUrl url(QStringLiteral("http://") + QString::fromLatin1(req.header("host")));
    const QString host = url.host();
    if (url.isValid() && !host.isEmpty() && host != QLatin1String("0.0.0.0"))
        return host;
    if (!m_config.sftp.host.isEmpty() && m_config.sftp.host != QLatin1String("0.0.0.0") &&
        m_config.sftp.host != QLatin1String("::"))
        return m_config.sftp.host;
    return QStringLiteral("127.0.0.1");
}

// The argon2id hash is made on the SFTP hash pool: the event loop serves other requests meanwhile.
void SftpController::credentials(const HttpRequest &req, Responder out)
{
    const QJsonObject body = req.jsonBody();
    fields::allowOnly(body, {kUsername, kPassword});
    const QString container = containerOf(req);
    const QString host = hostFor(req);
    const int sftpPort = port();
    m_accounts.issueCredentials(
        container, fields::optionalString(body, kUsername), fields::optionalString(body, kPassword),
        [out, host, sftpPort](const sftp::SftpAccounts::Issued *issued, std::exception_ptr error) {
            if (!issued) {
                try {
                    std::rethrow_exception(error);
                } catch (const DomainError &e) {
                    out.fail(e);
                } catch (...) {
                    out.fail(DomainError::internal());
                }
                return;
            }
            out.send(HttpResponse::json(200, QJsonObject{{kUsername, issued->username},
                                                         {kPassword, issued->password},
                                                         {kHost, host},
                                                         {keys::Port, sftpPort},
                                                         {kVolumePathKey, kVolumePath}}));
        });
}

HttpResponse SftpController::addKey(const HttpRequest &req)
{
    const QJsonObject body = req.jsonBody();
    fields::allowOnly(body, {kPublicKey});
    const QString container = containerOf(req);
    const auto key = m_accounts.addKey(container, fields::requireString(body, kPublicKey));
    return HttpResponse::json(201, QJsonObject{{kFingerprint, key.fingerprint}});
}

HttpResponse SftpController::listKeys(const HttpRequest &req)
{
    const auto account = m_accounts.account(containerOf(req));
    QJsonArray list;
    if (account)
        for (const auto &k : account->keys)
            list.append(QJsonObject{{kFingerprint, k.fingerprint},
                                    {keys::Type, k.type},
                                    {kComment, k.comment},
                                    {keys::CreatedAt, k.createdAt}});
    return HttpResponse::json(200, QJsonObject{{kKeys, list}});
}

HttpResponse SftpController::removeKey(const HttpRequest &req)
{
    QString fingerprint = req.param(QStringLiteral("fingerprint"));
    if (!fingerprint.startsWith(QLatin1String("SHA256:")))
        fingerprint.prepend(QLatin1String("SHA256:"));
    m_accounts.removeKey(containerOf(req), fingerprint);
    return HttpResponse::message(200, QStringLiteral("Key removed"));
}

HttpResponse SftpController::info(const HttpRequest &req)
{
    const auto account = m_accounts.account(containerOf(req));
    if (!account)
        throw DomainError(codes::SftpNotConfigured,
                          QStringLiteral("SFTP is not configured for this container"));
    return HttpResponse::json(200, QJsonObject{{kUsername, account->username},
                                               {kHost, hostFor(req)},
                                               {keys::Port, port()},
                                               {kVolumePathKey, kVolumePath},
                                               {keys::CreatedAt, account->createdAt},
                                               {keys::UpdatedAt, account->updatedAt}});
}
} // namespace lightd::api
