#pragma once
#include <QString>
#include <exception>

namespace lightd::docker {
struct DockerError;
}

namespace lightd::http {
struct HttpResponse;

// A failure the client is told about: HTTP status, the contract's stable code, a human message.
// Controllers throw it (or hand it to a Responder); errorResponse() is the one place that turns it
// into `{"error","code"}`.
class ApiError final : public std::exception
{
  public:
    ApiError(int status, QLatin1StringView code, QString message)
        : m_status(status), m_code(code), m_message(std::move(message))
    {}

    int status() const { return m_status; }
    QString code() const { return m_code; }
    const QString &message() const { return m_message; }
    // Seconds before the client may try again; a 429 always carries it as Retry-After (at least 1).
    int retryAfterS() const { return m_retryAfterS; }
    const char *what() const noexcept override { return "lightd::http::ApiError"; }

    static ApiError badRequest(QLatin1StringView code, QString message)
    {
        return {400, code, std::move(message)};
    }
    static ApiError notFound(QLatin1StringView code, QString message)
    {
        return {404, code, std::move(message)};
    }
    static ApiError conflict(QLatin1StringView code, QString message)
    {
        return {409, code, std::move(message)};
    }
    static ApiError internal();
    static ApiError tooManyRequests(QLatin1StringView code, QString message, int retryAfterS)
    {
        ApiError e(429, code, std::move(message));
        e.m_retryAfterS = retryAfterS;
        return e;
    }

  private:
    int m_status;
    QString m_code;
    QString m_message;
    int m_retryAfterS = 0;
};

// The one error mapper: {"error","code"} with the status, plus Retry-After on a 429.
HttpResponse errorResponse(const ApiError &error);
// The one mapping of a failed Docker Engine call to what the client is told: engine down or silent
// -> 503 docker_unavailable, 404 -> container_not_found, anything else -> 500 docker_error.
ApiError dockerError(const docker::DockerError &error);
} // namespace lightd::http
