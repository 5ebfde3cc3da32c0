#pragma once
#include "lightd/PortDto.h"

#include <QList>
#include <QObject>
#include <QThread>

namespace lightd::network {
// Keeps one iptables chain (network.chain, default LIGHTD-INPUT, jumped to from INPUT) holding an
// ACCEPT rule per pool port. iptables runs on a worker thread, in order, so the event loop never
// waits for the xtables lock. Without iptables or root it logs a warning once and does nothing.
class Firewall final : public QObject
{
    Q_OBJECT
  public:
    Firewall(const QString &chain, bool enabled, QObject *parent = nullptr);
    ~Firewall() override;

    bool enabled() const { return m_enabled; }
    // Flushes the chain and writes a rule for every port: the restore at start.
    void restore(const QList<PortDto> &ports);
    void open(const QList<PortDto> &ports);
    void close(const QList<PortDto> &ports);

    // For tests and diagnostics: the chain's rules as `iptables -S` prints them (blocking).
    static QStringList listRules(const QString &chain);

  private:
    bool m_enabled;
    QString m_chain;
    QThread m_thread;
    QObject *m_worker = nullptr;
};
} // namespace lightd::network
