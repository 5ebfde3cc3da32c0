#pragma once
#include <QObject>
#include <QTimer>

namespace lightd::app {
// Gives freed heap back to the system a moment after connections end. glibc keeps what thousands of
// short-lived connections freed (an attack, a burst of consoles) in its arenas: without this the
// daemon's RSS stayed ~35 MB above its baseline after 5,000 connections had closed (issue 20's abuse
// suite), indistinguishable from a leak. Coalesced: at most one trim per delay while connections churn.
class MemoryTrim final : public QObject
{
    Q_OBJECT
  public:
    explicit MemoryTrim(int delayMs = 2000, QObject *parent = nullptr);
    void schedule();

  private:
    QTimer m_timer;
};
} // namespace lightd::app
