#pragma once
#include "lightd/ContainerStats.h"

#include <QObject>
#include <QStringList>
#include <QUrl>
#include <QWebSocket>

namespace lightd {
// Typed client of one container console (API.md section 6): frames become signals, commands and
// power actions become calls. Used by the GUI, the tests and the benchmarks; JSON stays in here.
class ConsoleSocket final : public QObject
{
    Q_OBJECT
  public:
    explicit ConsoleSocket(QObject *parent = nullptr);

    // baseUrl is the daemon's http(s) URL; the ws(s) URL is derived from it.
    void open(const QUrl &baseUrl, const QString &internalId, const QString &token,
              const QByteArray &origin = {});
    void close();
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    QWebSocket &socket() { return m_socket; }
    // The HTTP status that refused the last upgrade (401, 404, ...); 0 while none did (network
    // errors, a close after connecting). Qt 6.4 only tells it in the error text.
    int refusedStatus() const { return m_refusedStatus; }

    void sendCommand(const QString &command);
    void power(const QString &action); // start, stop, restart, kill, suspend, resume
    void requestLogs(int lines);
    void requestStats();
    void sendRaw(const QString &text);

    static QUrl consoleUrl(const QUrl &baseUrl, const QString &internalId, const QString &token);

  Q_SIGNALS:
    void connected();
    void disconnected(int closeCode, const QString &reason);
    void stateChanged(const QString &state);
    // seq: the line's console sequence number (-1 when the daemon sends none).
    void consoleLine(const QString &line, qint64 seq);
    void installLine(const QString &line);
    // firstSeq: the sequence number of lines[0]; the others follow by one (-1 when unknown).
    void logs(const QStringList &lines, qint64 firstSeq);
    void stats(const lightd::ContainerStats &stats);
    void daemonMessage(const QString &message);
    void errorFrame(const QString &code, const QString &message);
    // Anything the socket itself reports (handshake refused, network error).
    void socketError(const QString &message);

  private:
    void onText(const QString &text);
    void sendEvent(const QJsonObject &object);
    QWebSocket m_socket;
    int m_refusedStatus = 0;
};
} // namespace lightd
