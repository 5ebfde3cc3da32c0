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
    // Requests whose request line contains fragment (e.g. "/start?" or "/start ") still reach the
    // engine, which does what they ask, but their answers are thrown away: the caller's call times
    // out though the engine did it. Empty: every answer relayed again.
    void swallowReplies(const QByteArray &fragment) { m_swallow = fragment; }
    int connectionCount() const { return int(m_pairs.size()); }

  private:
    struct Pair
    {
        QPointer<QLocalSocket> client;
        QPointer<QLocalSocket> upstream;
        QByteArray pending;   // client bytes that came before the upstream connection was up
        bool judged = false;  // the request line was looked at
        bool swallow = false; // ...and its answer is thrown away
    };
    void judge(Pair *pair, const QByteArray &firstBytes) const;
    void onNewConnection();
    void drop(Pair *pair, bool graceful);

    QString m_path;
    QString m_target;
    QByteArray m_swallow;
    QLocalServer m_server;
    QList<Pair *> m_pairs;
};
} // namespace lightd::test
