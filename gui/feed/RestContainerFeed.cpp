#include "feed/RestContainerFeed.h"

#include "lightd/ApiClient.h"
#include "lightd/ErrorCodes.h"

namespace lightd::gui {
RestContainerFeed::RestContainerFeed(ApiClient *client, const QString &internalId, QObject *parent)
    : ContainerFeed(parent), m_client(client), m_id(internalId)
{
    m_timer.setInterval(2000);
    connect(&m_timer, &QTimer::timeout, this, &RestContainerFeed::poll);
}

void RestContainerFeed::start()
{
    poll();
    m_timer.start();
}

QStringList RestContainerFeed::newLines(const QStringList &previous, const QStringList &current)
{
    for (qsizetype k = qMin(previous.size(), current.size()); k > 0; --k) {
        bool match = true;
        for (qsizetype i = 0; i < k && match; ++i)
            match = previous.at(previous.size() - k + i) == current.at(i);
        if (match)
            return current.mid(k);
    }
    return current;
}

void RestContainerFeed::poll()
{
    if (!m_client || m_inFlight)
        return;
    m_inFlight = true;
    QPointer<RestContainerFeed> self(this);
    m_client->getContainer(m_id, [self](const ApiResult<ContainerDto> &r) {
        if (!self)
            return;
        self->m_inFlight = false;
        if (!r.ok()) {
            if (r.error.status == 404 && r.error.code == codes::RouteNotFound)
                Q_EMIT self->unavailable();
            return;
        }
        if (r->installState != self->m_state) {
            self->m_state = r->installState;
            Q_EMIT self->stateChanged(self->m_state);
        }
    });
    m_client->consoleLines(m_id, 200, [self](const ApiResult<QStringList> &r) {
        if (!self || !r.ok())
            return;
        const QStringList fresh = newLines(self->m_window, *r);
        self->m_window = *r;
        if (!fresh.isEmpty())
            Q_EMIT self->consoleLines(fresh);
    });
}

void RestContainerFeed::sendCommand(const QString &command)
{
    if (!m_client)
        return;
    QPointer<RestContainerFeed> self(this);
    m_client->sendCommand(m_id, command, [self](const ApiResult<QJsonObject> &r) {
        if (self && !r.ok())
            Q_EMIT self->actionFailed(tr("Sending the command"), r.error);
    });
}

void RestContainerFeed::power(const QString &verb)
{
    if (!m_client)
        return;
    QPointer<RestContainerFeed> self(this);
    m_client->power(m_id, verb, [self, verb](const ApiResult<QJsonObject> &r) {
        if (!self)
            return;
        if (r.ok()) {
            Q_EMIT self->notice(r->value(QLatin1StringView("message")).toString());
            self->poll();
        } else {
            Q_EMIT self->actionFailed(tr("The %1 action").arg(verb), r.error);
        }
    });
}
} // namespace lightd::gui
