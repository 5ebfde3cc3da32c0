#pragma once
#include "docker/DockerTypes.h"

#include <QByteArray>
#include <QJsonObject>
#include <QObject>

namespace lightd::docker {

// Handle on one long-lived engine stream (logs, attach, stats, events). The handle owns its
// connection: close() or deleting the handle closes it. finished() comes exactly once (unless the
// handle is deleted first); after it nothing else is emitted. Fakes subclass this and emit the
// signals themselves.
class DockerStream : public QObject
{
    Q_OBJECT
  public:
    explicit DockerStream(QObject *parent = nullptr) : QObject(parent) {}

    // Sends bytes to the container's stdin (attach streams only); false if it cannot.
    virtual bool write(const QByteArray &bytes);
    // Ends the stream now; finished() follows with kind Cancelled.
    virtual void close();

    bool isStarted() const { return m_started; }
    bool isFinished() const { return m_finished; }
    const DockerError &error() const { return m_error; }

    // For implementations: mark the stream live / ended, emitting started() / finished() once.
    void markStarted();
    void finish(const lightd::docker::DockerError &error);

  Q_SIGNALS:
    // The engine accepted the request (head received, or the connection was upgraded).
    void started();
    // Demuxed output: streamType is a StreamType value (raw TTY output comes as Stdout).
    void data(int streamType, const QByteArray &bytes);
    // One object of a line-delimited JSON stream (stats, events).
    void jsonObject(const QJsonObject &object);
    void finished(const lightd::docker::DockerError &error);

  private:
    DockerError m_error;
    bool m_started = false;
    bool m_finished = false;
};

} // namespace lightd::docker
