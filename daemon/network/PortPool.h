#pragma once
#include "lightd/ContainerDto.h"
#include "lightd/PortDto.h"
#include "network/Firewall.h"
#include "storage/Repositories.h"

#include <QMap>
#include <QObject>
#include <tuple>

namespace lightd::network {
// The pool of host ports containers may bind (API.md section 5). Held in memory, written through to
// SQLite, mirrored into the firewall. Every method validates everything before changing anything
// and throws DomainError with the contract's code.
class PortPool final : public QObject
{
    Q_OBJECT
  public:
    // ip, port, protocol: 25565/tcp and 25565/udp are two entries (API.md section 12).
    using Key = std::tuple<QString, int, QString>;

    PortPool(storage::Database &db, Firewall &firewall, QObject *parent = nullptr);

    QList<PortDto> list() const { return m_ports.values(); }
    QList<PortDto> available() const; // free ones
    // The list route's body, kept serialised between changes: the hottest read of the pool.
    const QByteArray &listJson();
    // protocol empty: the tcp entry, else the udp one (the :ip/:port routes without ?protocol=).
    PortDto get(const QString &ip, int port, const QString &protocol = QString()) const;
    PortDto get(qint64 id) const;
    PortDto add(const PortDto &port);
    int addMany(const QList<PortDto> &ports);
    void remove(const PortDto &port); // as returned by get
    int removeMany(const QList<Key> &keys);
    int removeIds(const QList<qint64> &ids);
    PortDto random(const QString &protocol) const;
    PortDto setInUse(const PortDto &port, bool inUse);

    // For containers: checks every binding is in the pool and free (or already held by owner), then
    // marks them all for owner in one transaction. Throws 400 port_not_in_pool / 409 port_in_use.
    void claim(const QList<PortBindingDto> &bindings, const QString &owner);
    void check(const QList<PortBindingDto> &bindings, const QString &owner) const;
    void releaseAll(const QString &owner);

    // The canonical form of an address (IPv4 dotted quads only), empty when it is none.
    static QString normalisedIp(const QString &ip);

  Q_SIGNALS:
    void changed();

  private:
    void markChanged();
    storage::PortRepository m_repo;
    storage::Database &m_db;
    Firewall &m_firewall;
    static Key keyOf(const PortDto &p) { return {p.ip, p.port, p.protocol}; }
    QMap<Key, PortDto> m_ports;
    QByteArray m_listJson;
};
} // namespace lightd::network
