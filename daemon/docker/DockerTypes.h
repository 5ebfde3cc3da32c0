#pragma once
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <functional>

namespace lightd {
class DomainError;
}

namespace lightd::docker {

// Why an engine call failed. The REST layer maps Unavailable to 503 docker_unavailable.
struct DockerError
{
    enum class Kind {
        None,        // success
        Unavailable, // socket missing/refused, or the engine dropped the connection
        Timeout,     // connect, header or whole-call deadline passed
        Http,        // the engine answered >= 400 (httpStatus, message = engine's "message")
        Protocol,    // the engine's bytes did not make sense
        Cancelled,   // the caller closed the stream
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    QString message;

    bool ok() const { return kind == Kind::None; }
    bool isNotFound() const { return kind == Kind::Http && httpStatus == 404; }
    bool isConflict() const { return kind == Kind::Http && httpStatus == 409; }
    QString toString() const;

    static DockerError unavailable(const QString &message) { return {Kind::Unavailable, 0, message}; }
    static DockerError timeout(const QString &message) { return {Kind::Timeout, 0, message}; }
    static DockerError http(int status, const QString &message) { return {Kind::Http, status, message}; }
    static DockerError protocol(const QString &message) { return {Kind::Protocol, 0, message}; }
    static DockerError cancelled() { return {Kind::Cancelled, 0, QStringLiteral("cancelled")}; }
};

// The one mapping of a failed engine call to what callers are told: engine down or silent ->
// docker_unavailable, 404 -> container_not_found, anything else -> docker_error.
DomainError domainError(const DockerError &error);

QString kindName(DockerError::Kind kind);
// An Http error from an engine error response: its JSON "message", else the body text.
DockerError httpErrorFromBody(int status, const QByteArray &body);

// A value or an error; value is meaningful only when ok().
template <typename T> struct DockerResult
{
    T value{};
    DockerError error;
    bool ok() const { return error.ok(); }
};

template <> struct DockerResult<void>
{
    DockerError error;
    bool ok() const { return error.ok(); }
};

template <typename T> using DockerCallback = std::function<void(const DockerResult<T> &)>;

// Stream numbers of the 8-byte multiplex header. Raw (TTY) output is delivered as Stdout.
enum class StreamType : int { Stdin = 0, Stdout = 1, Stderr = 2, SystemError = 3 };

enum class WaitCondition { NotRunning, NextExit, Removed };

struct CreatedContainer
{
    QString id;
    QStringList warnings;
};

struct WaitResult
{
    qint64 statusCode = -1;
    QString errorMessage; // the engine's Error.Message, if the wait itself reported one
};

struct LogsOptions
{
    bool follow = true;
    bool stdoutStream = true;
    bool stderrStream = true;
    bool timestamps = false;
    bool tty = false; // the container has Tty=true: output is raw, not multiplexed
    qint64 since = 0; // unix seconds; 0 = from the start
    int tail = -1;    // last N lines; -1 = all
};

struct AttachOptions
{
    bool tty = false; // the container has Tty=true: output is raw, not multiplexed
    bool stdinStream = true;
    bool stdoutStream = true;
    bool stderrStream = true;
    bool logs = false; // replay earlier output before live output
};

struct EventsOptions
{
    QJsonObject filters; // e.g. {"container": ["id"], "event": ["die"]}
    QString since;       // unix time or Go duration, as the engine accepts
    QString until;
};

} // namespace lightd::docker

Q_DECLARE_METATYPE(lightd::docker::DockerError)
