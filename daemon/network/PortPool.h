#pragma once
#include "lightd/ContainerDto.h"
#include "lightd/PortDto.h"
#include "network/Firewall.h"
#include "storage/Repositories.h"

#include <QMap>
#include <QObject>

namespace lightd::network {
// The pool of host ports containers may bind (API.md section 5). Held in memory, written through to
// SQLite, mirrored into the firewall. Every method validates everything before changing anything
// and throws http::ApiError with the contract's code.
class PortPool final : public QObject
{
    Q_OBJECT
  public:
    using Key = QPair<QString, int>; // ip, port

    PortPool(storage::Database &db, Firewall &firewall, QObject *parent = nullptr);

    QList<PortDto> list() const { return m_ports.values(); }
    // The list route's body, kept serialised between changes: the hottest read of the pool.
    const QByteArray &listJson();
    PortDto get(const QString &ip, int port) const;
    PortDto add(const PortDto &port);
    int addMany(const QList<PortDto> &ports);
    void remove(const QString &ip, int port);
    int removeMany(const QList<Key> &keys);
    PortDto random(const QString &protocol) const;
    PortDto setInUse(const QString &ip, int port, bool inUse);

    // For containers: checks every binding is in the pool and free (or already held by owner), then
    // marks them all for owner in one transaction. Throws 400 port_not_in_pool / 409 port_in_use.
    void claim(const QList<PortBindingDto> &bindings, const QString &owner);
    void check(const QList<PortBindingDto> &bindings, const QString &owner) const;
    void releaseAll(const QString &owner);

    // Validation shared with container requests.
    static PortDto validated(const QJsonObject &o, bool requireProtocol);

  Q_SIGNALS:
    void changed();

  private:
    void markChanged();
    storage::PortRepository m_repo;
    storage::Database &m_db;
    Firewall &m_firewall;
    QMap<Key, PortDto> m_ports;
    QByteArray m_listJson;
};
} // namespace lightd::network
