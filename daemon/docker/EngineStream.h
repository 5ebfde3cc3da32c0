#pragma once
#include "docker/DockerStream.h"
#include "docker/JsonLineSplitter.h"
#include "docker/MultiplexDemuxer.h"

namespace lightd::docker {

class DockerConnection;
struct HttpResponseHead;

// A DockerStream backed by a real engine connection: decodes the body as raw bytes, multiplexed
// frames or JSON lines, and turns an error status into finished(Http) with the engine's message.
class EngineStream final : public DockerStream
{
    Q_OBJECT
  public:
    enum class Framing { Raw, Multiplexed, JsonLines };

    // Takes ownership of connection (not yet started) and starts it.
    EngineStream(DockerConnection *connection, Framing framing, QObject *parent = nullptr);
    ~EngineStream() override;

    bool write(const QByteArray &bytes) override;
    void close() override;

  private:
    void onHead(const HttpResponseHead &head);
    void onBody(const QByteArray &bytes);
    void onFinished(const DockerError &error);
    void emitLines(QList<QByteArray> &lines);
    void fail(const DockerError &error);

    DockerConnection *m_connection;
    Framing m_framing;
    MultiplexDemuxer m_demuxer;
    JsonLineSplitter m_lines;
    int m_errorStatus = 0;
    QByteArray m_errorBody;
};

} // namespace lightd::docker
