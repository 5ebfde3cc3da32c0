#include "docker/EngineStream.h"

#include "docker/DockerConnection.h"
#include "docker/DockerLog.h"

#include <QJsonDocument>
#include <QPointer>

namespace lightd::docker {
namespace {
constexpr qsizetype kMaxErrorBody = 64 * 1024;
}

EngineStream::EngineStream(DockerConnection *connection, Framing framing, QObject *parent)
    : DockerStream(parent), m_connection(connection), m_framing(framing)
{
    m_connection->setParent(this);
    connect(m_connection, &DockerConnection::headReceived, this, &EngineStream::onHead);
    connect(m_connection, &DockerConnection::bodyData, this, &EngineStream::onBody);
    connect(m_connection, &DockerConnection::finished, this, &EngineStream::onFinished);
    m_connection->start();
}

EngineStream::~EngineStream()
{
    m_connection->abort();
}

bool EngineStream::write(const QByteArray &bytes)
{
    if (isFinished())
        return false;
    return m_connection->write(bytes);
}

void EngineStream::close()
{
    m_connection->abort();
    finish(DockerError::cancelled());
}

void EngineStream::fail(const DockerError &error)
{
    m_connection->abort();
    finish(error);
}

void EngineStream::onHead(const HttpResponseHead &head)
{
    if (head.status >= 400) {
        m_errorStatus = head.status;
        return; // the body carries the engine's message; report it at the end
    }
    if (head.status == 101 && !m_connection->request().upgrade) {
        fail(DockerError::protocol(QStringLiteral("unexpected protocol switch")));
        return;
    }
    // API >= 1.42 says which framing it used; 1.41 always says raw-stream, so the caller's
    // knowledge of the container's TTY decides there.
    if (head.header("Content-Type") == "application/vnd.docker.multiplexed-stream" &&
        m_framing == Framing::Raw)
        m_framing = Framing::Multiplexed;
    markStarted();
}

void EngineStream::onBody(const QByteArray &bytes)
{
    if (isFinished())
        return;
    if (m_errorStatus) {
        if (m_errorBody.size() < kMaxErrorBody)
            m_errorBody += bytes.left(kMaxErrorBody - m_errorBody.size());
        return;
    }
    QPointer<EngineStream> self(this);
    switch (m_framing) {
    case Framing::Raw:
        Q_EMIT data(int(StreamType::Stdout), bytes);
        return;
    case Framing::Multiplexed: {
        QList<MultiplexDemuxer::Frame> frames;
        const bool ok = m_demuxer.feed(bytes, frames);
        for (const auto &frame : frames) {
            if (!self || isFinished())
                return;
            if (frame.stream == int(StreamType::SystemError)) {
                fail(DockerError::http(500, QString::fromUtf8(frame.data).trimmed()));
                return;
            }
            Q_EMIT data(frame.stream, frame.data);
        }
        if (self && !ok)
            fail(DockerError::protocol(
                QStringLiteral("bad multiplex frame header (is the container a TTY?)")));
        return;
    }
    case Framing::JsonLines: {
        QList<QByteArray> lines;
        const bool ok = m_lines.feed(bytes, lines);
        emitLines(lines);
        if (self && !ok)
            fail(DockerError::protocol(QStringLiteral("JSON line too long")));
        return;
    }
    }
}

void EngineStream::emitLines(QList<QByteArray> &lines)
{
    QPointer<EngineStream> self(this);
    for (const QByteArray &line : lines) {
        if (!self || isFinished())
            return;
        QJsonParseError err;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &err);
        if (!doc.isObject()) {
            fail(DockerError::protocol(
                QStringLiteral("stream line is not a JSON object: %1").arg(err.errorString())));
            return;
        }
        Q_EMIT jsonObject(doc.object());
    }
}

void EngineStream::onFinished(const DockerError &error)
{
    if (isFinished())
        return;
    if (!error.ok()) {
        finish(error);
        return;
    }
    if (m_errorStatus) {
        finish(httpErrorFromBody(m_errorStatus, m_errorBody));
        return;
    }
    if (m_framing == Framing::JsonLines) {
        QList<QByteArray> lines;
        m_lines.finish(lines);
        QPointer<EngineStream> self(this);
        emitLines(lines);
        if (!self || isFinished())
            return;
    }
    if (m_framing == Framing::Multiplexed && !m_demuxer.atFrameBoundary()) {
        finish(DockerError::protocol(QStringLiteral("stream ended inside a multiplex frame")));
        return;
    }
    qCDebug(lcDocker) << "stream ended:" << m_connection->request().describe();
    finish({});
}

} // namespace lightd::docker
