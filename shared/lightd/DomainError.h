#pragma once
#include <QLatin1StringView>
#include <QString>
#include <exception>

namespace lightd {
// A refusal or failure the caller is told about: the contract's stable code (lightd/ErrorCodes.h)
// and a human message. It carries no HTTP status: the web layer maps the code to one through the
// single table in lightd/ErrorStatus.h, so services, storage and the engine client never know HTTP.
class DomainError final : public std::exception
{
  public:
    DomainError(QLatin1StringView code, QString message) : m_code(code), m_message(std::move(message)) {}

    QString code() const { return m_code; }
    const QString &message() const { return m_message; }
    // Seconds before the caller may try again (rate limiting); 0 when it does not apply.
    int retryAfterS() const { return m_retryAfterS; }
    const char *what() const noexcept override { return "lightd::DomainError"; }

    // The one generic failure: never leaks a path or a stack.
    static DomainError internal();
    // 400 invalid_field naming the field: "Field '<key>' <why>".
    static DomainError invalidField(QLatin1StringView key, const QString &why);
    static DomainError retryLater(QLatin1StringView code, QString message, int retryAfterS)
    {
        DomainError e(code, std::move(message));
        e.m_retryAfterS = retryAfterS;
        return e;
    }

  private:
    QString m_code;
    QString m_message;
    int m_retryAfterS = 0;
};
} // namespace lightd
