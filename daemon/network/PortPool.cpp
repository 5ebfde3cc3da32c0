#include "network/PortPool.h"

#include "lightd/DomainError.h"
#include "lightd/ErrorCodes.h"
#include "lightd/JsonUtil.h"
#include "lightd/Keys.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <set>

namespace lightd::network {

namespace {
DomainError notFound()
{
    return DomainError(codes::PortNotFound, QStringLiteral("Port not found in pool"));
}
} // namespace

QString PortPool::normalisedIp(const QString &ip)
{
    // Only canonical dotted quads for IPv4: QHostAddress also takes inet_aton shorthand ("10.0.0",
    // "2130706433", "0x7f.0.0.1", octal "010.1.1.1"), which would store another address than sent.
    static const QRegularExpression quad(QStringLiteral(
        "^(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}$"));
    if (!ip.contains(QLatin1Char(':')) && !quad.match(ip).hasMatch())
        return {};
    QHostAddress a;
    if (!a.setAddress(ip))
        return {};
    return a.toString();
}

PortPool::PortPool(storage::Database &db, Firewall &firewall, QObject *parent)
    : QObject(parent), m_repo(db), m_db(db), m_firewall(firewall)
{
    const auto ports = m_repo.all();
    for (const auto &p : ports)
        m_ports.insert(keyOf(p), p);
    m_firewall.restore(ports);
}

void PortPool::markChanged()
{
    m_listJson.clear();
    Q_EMIT changed();
}

const QByteArray &PortPool::listJson()
{
    if (m_listJson.isEmpty()) {
        QJsonArray a;
        for (const auto &p : m_ports)
            a.append(p.toJson());
        m_listJson = json::encode(QJsonObject{{keys::Ports, a}});
    }
    return m_listJson;
}

PortDto PortPool::get(const QString &ip, int port, const QString &protocol) const
{
    if (protocol.isEmpty()) { // the tcp entry, or the udp one when that is all there is
        auto tcp = m_ports.constFind({normalisedIp(ip), port, QStringLiteral("tcp")});
        return tcp != m_ports.cend() ? *tcp : get(ip, port, QStringLiteral("udp"));
    }
    auto it = m_ports.constFind({normalisedIp(ip), port, protocol.toLower()});
    if (it == m_ports.cend())
        throw notFound();
    return *it;
}

PortDto PortPool::get(qint64 id) const
{
    for (const auto &p : m_ports) {
        if (p.id == id)
            return p;
    }
    throw notFound();
}

QList<PortDto> PortPool::available() const
{
    QList<PortDto> free;
    for (const auto &p : m_ports) {
        if (!p.inUse)
            free.append(p);
    }
    return free;
}

PortDto PortPool::add(const PortDto &in)
{
    PortDto p = in;
    p.inUse = false;
    p.container.clear();
    if (m_ports.contains(keyOf(p)))
        throw DomainError(codes::PortExists, QStringLiteral("Port already exists in pool"));
    QList<PortDto> one{p};
    m_repo.insert(one);
    p = one.first();
    m_ports.insert(keyOf(p), p);
    m_firewall.open({p});
    markChanged();
    return p;
}

int PortPool::addMany(const QList<PortDto> &ports)
{
    QList<PortDto> fresh;
    std::set<Key> seen;
    for (auto p : ports) {
        const Key k = keyOf(p);
        if (m_ports.contains(k) || seen.count(k))
            continue;
        seen.insert(k);
        p.inUse = false;
        p.container.clear();
        fresh.append(p);
    }
    if (fresh.isEmpty())
        return 0;
    m_repo.insert(fresh);
    for (const auto &p : fresh)
        m_ports.insert(keyOf(p), p);
    m_firewall.open(fresh);
    markChanged();
    return int(fresh.size());
}

void PortPool::remove(const PortDto &p)
{
    if (!p.container.isEmpty())
        throw DomainError(codes::PortInUse, QStringLiteral("Port is held by container %1").arg(p.container));
    m_repo.remove({p.id});
    m_ports.remove(keyOf(p));
    m_firewall.close({p});
    markChanged();
}

int PortPool::removeMany(const QList<Key> &keysIn)
{
    QList<qint64> ids;
    for (const auto &[ip, port, protocol] : keysIn) {
        auto it = m_ports.constFind({normalisedIp(ip), port, protocol});
        if (it != m_ports.cend())
            ids.append(it->id);
    }
    return removeIds(ids);
}

int PortPool::removeIds(const QList<qint64> &idsIn)
{
    QList<qint64> ids;
    QList<PortDto> gone;
    for (const auto &p : std::as_const(m_ports)) {
        if (!idsIn.contains(p.id))
            continue;
        if (!p.container.isEmpty()) // refuse the whole request: nothing half-deleted
            throw DomainError(codes::PortInUse, QStringLiteral("Port %1:%2/%3 is held by container %4")
                                                    .arg(p.ip)
                                                    .arg(p.port)
                                                    .arg(p.protocol, p.container));
        ids.append(p.id);
        gone.append(p);
    }
    if (ids.isEmpty())
        return 0;
    const int n = m_repo.remove(ids);
    for (const auto &p : gone)
        m_ports.remove(keyOf(p));
    m_firewall.close(gone);
    markChanged();
    return n;
}

PortDto PortPool::random(const QString &protocol) const
{
    QList<PortDto> free;
    for (const auto &p : m_ports) {
        if (!p.inUse && (protocol.isEmpty() || p.protocol == protocol))
            free.append(p);
    }
    if (free.isEmpty())
        throw DomainError(codes::NoAvailablePorts, QStringLiteral("No available ports in pool"));
    return free.at(QRandomGenerator::global()->bounded(free.size()));
}

PortDto PortPool::setInUse(const PortDto &port, bool inUse)
{
    PortDto p = port;
    if (!p.container.isEmpty())
        throw DomainError(
            codes::PortInUse,
            QStringLiteral("Port is held by container %1; rebind or delete the container").arg(p.container));
    p.inUse = inUse;
    m_repo.setUse(p.id, inUse, QString());
    m_ports.insert(keyOf(p), p);
    markChanged();
    return p;
}

void PortPool::check(const QList<PortBindingDto> &bindings, const QString &owner) const
{
    std::set<Key> seen;
    for (const auto &b : bindings) {
        const Key k{normalisedIp(b.ip), b.hostPort, b.protocol};
        auto it = m_ports.constFind(k);
        if (it == m_ports.cend())
            throw DomainError(codes::PortNotInPool, QStringLiteral("Port not found in network pool: %1:%2/%3")
                                                        .arg(b.ip)
                                                        .arg(b.hostPort)
                                                        .arg(b.protocol));
        if (seen.count(k))
            throw DomainError(codes::InvalidField, QStringLiteral("Field 'ports' lists %1:%2/%3 twice")
                                                       .arg(b.ip)
                                                       .arg(b.hostPort)
                                                       .arg(b.protocol));
        seen.insert(k);
        if (it->inUse && it->container != owner)
            throw DomainError(
                codes::PortInUse,
                QStringLiteral("Port %1:%2/%3 is already in use").arg(b.ip).arg(b.hostPort).arg(b.protocol));
    }
}

void PortPool::claim(const QList<PortBindingDto> &bindings, const QString &owner)
{
    check(bindings, owner);
    m_db.transaction([&] {
        for (const auto &b : bindings)
            m_repo.setUse(m_ports.value({normalisedIp(b.ip), b.hostPort, b.protocol}).id, true, owner);
    });
    for (const auto &b : bindings) {
        auto &p = m_ports[{normalisedIp(b.ip), b.hostPort, b.protocol}];
        p.inUse = true;
        p.container = owner;
    }
    markChanged();
}

void PortPool::releaseAll(const QString &owner)
{
    QList<PortDto> held;
    for (const auto &p : m_ports) {
        if (p.container == owner)
            held.append(p);
    }
    if (held.isEmpty())
        return;
    m_db.transaction([&] {
        for (const auto &p : held)
            m_repo.setUse(p.id, false, QString());
    });
    for (const auto &p : held) {
        auto &q = m_ports[keyOf(p)];
        q.inUse = false;
        q.container.clear();
    }
    markChanged();
}
} // namespace lightd::network
