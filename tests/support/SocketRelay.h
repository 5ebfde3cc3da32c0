#pragma once
#include <QList>
#include <QLocalServer>
#include <QObject>
#include <QPointer>

class QLocalSocket;

namespace lightd::test {
// A unix-socket relay to a real server (the Docker engine's socket): every connection made to
// path() is forwarded byte for byte to the target. Taking it down (stop) closes the listening
// socket and cuts every relayed connection, as an engine that went away would; start() brings it
// back. It runs on the test's event loop, which the test helpers keep turning while they wait.
class SocketRelay final : public QObject
{
    Q_OBJECT
  public:
    SocketRelay(QString path, QString target, QObject *parent = nullptr);
    ~SocketRelay() override;

    bool start();
    void stop();
    QString path() const { return m_path; }
    int connectionCount() const { return int(m_pairs.size()); }

  private:
    struct Pair
    {
        QPointer<QLocalSocket> client;
        QPointer<QLocalSocket> upstream;
        QByteArray pending; // client bytes that came before the upstream connection was up
    };
    void onNewConnection();
    void drop(Pair *pair, bool graceful);

    QString m_path;
    QString m_target;
    QLocalServer m_server;
    QList<Pair *> m_pairs;
};
} // namespace lightd::test
