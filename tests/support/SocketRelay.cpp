#include "SocketRelay.h"

#include <QFile>
#include <QLocalSocket>

namespace lightd::test {
SocketRelay::SocketRelay(QString path, QString target, QObject *parent)
    : QObject(parent), m_path(std::move(path)), m_target(std::move(target))
{
    m_server.setMaxPendingConnections(256);
    connect(&m_server, &QLocalServer::newConnection, this, &SocketRelay::onNewConnection);
}

SocketRelay::~SocketRelay()
{
    stop();
}

bool SocketRelay::start()
{
    QFile::remove(m_path);
    return m_server.listen(m_path);
}

void SocketRelay::stop()
{
    m_server.close();
    QFile::remove(m_path);
    const auto pairs = m_pairs;
    for (auto *p : pairs)
        drop(p, false);
}

void SocketRelay::onNewConnection()
{
    while (QLocalSocket *client = m_server.nextPendingConnection()) {
        auto *pair = new Pair{client, new QLocalSocket(this), {}};
        m_pairs.append(pair);
        QLocalSocket *up = pair->upstream;
        connect(client, &QLocalSocket::readyRead, this, [this, pair] {
            const QByteArray bytes = pair->client->readAll();
            judge(pair, bytes);
            if (pair->upstream && pair->upstream->state() == QLocalSocket::ConnectedState)
                pair->upstream->write(bytes);
            else
                pair->pending += bytes;
        });
        connect(up, &QLocalSocket::connected, this, [pair] {
            pair->upstream->write(pair->pending);
            pair->pending.clear();
        });
        connect(up, &QLocalSocket::readyRead, this, [pair] {
            const QByteArray bytes = pair->upstream->readAll();
            if (pair->client && !pair->swallow)
                pair->client->write(bytes);
        });
        // One side hanging up: what it sent last still goes to the other, which is then closed
        // gracefully (its unsent bytes are written first). The engine closes after answering a
        // "Connection: close" request, so this is the common case.
        connect(client, &QLocalSocket::disconnected, this, [this, pair] { drop(pair, true); });
        connect(up, &QLocalSocket::disconnected, this, [this, pair] {
            if (!pair->swallow) // else the caller is left waiting until it gives up
                drop(pair, true);
        });
        connect(up, &QLocalSocket::errorOccurred, this, [this, pair](QLocalSocket::LocalSocketError e) {
            if (e != QLocalSocket::PeerClosedError)
                drop(pair, false);
        });
        if (client->bytesAvailable() > 0) {
            pair->pending += client->readAll();
            judge(pair, pair->pending);
        }
        up->connectToServer(m_target);
    }
}

void SocketRelay::judge(Pair *pair, const QByteArray &firstBytes) const
{
    if (pair->judged || firstBytes.isEmpty())
        return;
    pair->judged = true;
    const QByteArray line = firstBytes.left(firstBytes.indexOf('\n'));
    pair->swallow = !m_swallow.isEmpty() && line.contains(m_swallow);
}

void SocketRelay::drop(Pair *pair, bool graceful)
{
    if (!m_pairs.removeOne(pair))
        return;
    if (graceful && pair->client && pair->upstream) {
        if (pair->upstream->bytesAvailable() > 0)
            pair->client->write(pair->upstream->readAll());
        if (pair->client->bytesAvailable() > 0 && pair->upstream->state() == QLocalSocket::ConnectedState)
            pair->upstream->write(pair->client->readAll());
    }
    for (QLocalSocket *s : {pair->client.data(), pair->upstream.data()}) {
        if (!s)
            continue;
        s->disconnect(this);
        if (graceful && s->state() == QLocalSocket::ConnectedState) {
            connect(s, &QLocalSocket::disconnected, s, &QObject::deleteLater);
            s->disconnectFromServer(); // after its unsent bytes
        } else {
            s->abort();
            s->deleteLater();
        }
    }
    delete pair;
}
} // namespace lightd::test
