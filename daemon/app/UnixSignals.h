#pragma once
#include <QObject>

class QSocketNotifier;

namespace lightd {
// Turns SIGTERM/SIGINT/SIGHUP into Qt signals on the event loop (self-pipe), so handlers can do
// real work instead of being limited to async-signal-safe calls.
class UnixSignals final : public QObject
{
    Q_OBJECT
  public:
    explicit UnixSignals(QObject *parent = nullptr);
    ~UnixSignals() override;

  Q_SIGNALS:
    void terminate();
    void reload();

  private:
    QSocketNotifier *m_notifier = nullptr;
};
} // namespace lightd
