#include "feed/RestContainerFeed.h"

#include "lightd/ApiClient.h"
#include "lightd/ErrorCodes.h"

#include <algorithm>

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

QStringList RestContainerFeed::newLines(qint64 &nextSeq, qint64 firstSeq, const QStringList &lines)
{
    if (firstSeq < 0) {
        const bool first = nextSeq < 0;
        nextSeq = 0;
        return first ? lines : QStringList();
    }
    const qint64 end = firstSeq + lines.size();
    if (end < nextSeq) // the count started again
        nextSeq = firstSeq;
    const qsizetype skip = qsizetype(std::clamp<qint64>(nextSeq - firstSeq, 0, lines.size()));
    nextSeq = std::max(nextSeq, end);
    return lines.mid(skip);
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
    m_client->consoleLog(m_id, 200, [self](const ApiResult<ConsoleLogDto> &r) {
        if (!self || !r.ok())
            return;
        const QStringList fresh = newLines(self->m_nextSeq, r->firstSeq, r->lines);
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
