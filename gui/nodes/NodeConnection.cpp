#include "nodes/NodeConnection.h"

#include "lightd/ErrorCodes.h"
#include "nodes/NodeEvents.h"

namespace lightd::gui {
NodeConnection::NodeConnection(const NodeInfo &info, QObject *parent)
    : QObject(parent), m_info(info), m_client(new ApiClient(this))
{
    m_client->setBaseUrl(info.url);
    m_client->setTimeoutMs(10000);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &NodeConnection::probe);
}

NodeEvents *NodeConnection::events()
{
    if (!m_events)
        m_events = new NodeEvents(this, this);
    return m_events;
}

void NodeConnection::setInfo(const NodeInfo &info)
{
    const bool urlChanged = info.url != m_info.url;
    m_info = info;
    Q_EMIT infoChanged();
    if (urlChanged) {
        m_client->setBaseUrl(info.url);
        setRole(TokenRole::Unknown);
        connectNow();
    }
}

void NodeConnection::setToken(const QString &token)
{
    m_client->setToken(token);
    setRole(TokenRole::Unknown);
    connectNow();
}

void NodeConnection::setBackoff(int firstMs, int maxMs)
{
    m_firstBackoffMs = firstMs;
    m_maxBackoffMs = maxMs;
    m_backoffMs = firstMs;
}

int NodeConnection::retryInMs() const
{
    return m_timer.isActive() && !isConnected() ? m_timer.remainingTime() : -1;
}

void NodeConnection::connectNow()
{
    ++m_generation;
    m_probing = false;
    m_backoffMs = m_firstBackoffMs;
    if (!isConnected())
        setState(NodeState::Connecting, tr("Connecting to %1…").arg(m_info.url.toDisplayString()));
    probe();
}

// Health first (reachability, version), then a protected route (the token).
void NodeConnection::probe()
{
    if (m_probing)
        return;
    m_probing = true;
    const quint64 generation = m_generation;
    m_client->health([this, generation](const ApiResult<QJsonObject> &health) {
        if (generation != m_generation)
            return;
        if (!health.ok()) {
            m_probing = false;
            applyFailure(health.error);
            return;
        }
        m_version = health->value(QLatin1StringView("version")).toString();
        m_client->listVolumes([this, generation](const ApiResult<QList<VolumeDto>> &r) {
            if (generation != m_generation)
                return;
            m_probing = false;
            if (!r.ok() && (r.error.status == 0 || r.error.status == 401 || r.error.status == 403)) {
                applyFailure(r.error);
                return;
            }
            m_backoffMs = m_firstBackoffMs;
            setState(NodeState::Connected,
                     m_version.isEmpty() ? tr("Connected") : tr("Connected, lightd %1").arg(m_version));
            m_timer.start(m_heartbeatMs);
            if (m_role == TokenRole::Unknown)
                probeRole(generation);
        });
    });
}

// Only the master token may list tokens: the answer tells which kind this node was given.
void NodeConnection::probeRole(quint64 generation)
{
    m_client->listTokens([this, generation](const ApiResult<QList<TokenInfoDto>> &r) {
        if (generation != m_generation)
            return;
        if (r.ok())
            setRole(TokenRole::Master);
        else if (r.error.status == 403 || r.error.status == 404)
            setRole(TokenRole::Scoped);
    });
}

void NodeConnection::setRole(TokenRole role)
{
    if (role == m_role)
        return;
    m_role = role;
    Q_EMIT tokenRoleChanged();
}

void NodeConnection::reportError(const ApiErrorDto &error)
{
    // A 403 for one route (a scoped token on a master-only route) says nothing about the node;
    // a refused vendor header says the whole API is off limits.
    if (error.status == 403 && error.code != codes::InvalidVendor)
        return;
    if (error.status == 0 || error.status == 401 || error.status == 403)
        applyFailure(error);
}

void NodeConnection::applyFailure(const ApiErrorDto &error)
{
    if (error.code == QLatin1StringView("tls_error"))
        setState(NodeState::TlsError, describe(error));
    else if (error.status == 401)
        setState(NodeState::Unauthorized, describe(error));
    else if (error.status == 403)
        setState(NodeState::Forbidden, describe(error));
    else
        setState(NodeState::Unreachable, describe(error));
    scheduleRetry();
}

void NodeConnection::scheduleRetry()
{
    // A wrong token will not fix itself quickly: retry it at the slow end.
    const bool authProblem = m_state == NodeState::Unauthorized || m_state == NodeState::Forbidden;
    m_timer.start(authProblem ? m_maxBackoffMs : m_backoffMs);
    m_backoffMs = qMin(m_backoffMs * 2, m_maxBackoffMs);
}

void NodeConnection::setState(NodeState state, const QString &detail)
{
    const bool changed = state != m_state || detail != m_detail;
    m_state = state;
    m_detail = detail;
    if (changed)
        Q_EMIT stateChanged(state);
}

QString NodeConnection::stateText() const
{
    switch (m_state) {
    case NodeState::Connecting:
        return tr("Connecting");
    case NodeState::Connected:
        return tr("Connected");
    case NodeState::Unauthorized:
        return tr("Token rejected");
    case NodeState::Forbidden:
        return tr("Access denied");
    case NodeState::Unreachable:
        return tr("Unreachable");
    case NodeState::TlsError:
        return tr("TLS problem");
    }
    return {};
}

QString NodeConnection::stateDetail() const
{
    return m_detail;
}

QString NodeConnection::describe(const ApiErrorDto &error)
{
    if (error.code == QLatin1StringView("tls_error"))
        return tr("The TLS handshake failed: %1. Check the node's certificate and the URL scheme.")
            .arg(error.message);
    switch (error.status) {
    case 0:
        return tr("The node cannot be reached: %1.").arg(error.message);
    case 401:
        return tr("The node rejected the token (401). Edit the node and enter a valid token.");
    case 403:
        return error.code == codes::InvalidVendor
                   ? tr("The node refused the request (403): it does not speak this client's API version.")
                   : tr("The token may not do this (403): %1").arg(error.message);
    case 429:
        return tr("Too many requests: the node is rate limiting this client. Try again shortly.");
    default:
        break;
    }
    if (!error.message.isEmpty())
        return error.message;
    return tr("The node answered with HTTP %1.").arg(error.status);
}
} // namespace lightd::gui
