#pragma once
#include <QByteArray>
#include <QString>
#include <cstdint>
#include <exception>
#include <optional>

#include "volumes/PathRules.h"

namespace lightd {
class DomainError;
}

namespace lightd::sftp {
// An SFTP v3 status reply an operation ends with instead of its normal answer.
class SftpFailure final : public std::exception
{
  public:
    SftpFailure(uint32_t code, QByteArray message) : m_code(code), m_message(std::move(message)) {}
    uint32_t code() const { return m_code; }
    const QByteArray &message() const { return m_message; }
    const char *what() const noexcept override { return m_message.constData(); }

    // The volume layer's refusals, in SFTP terms (same decisions as REST, other words).
    static SftpFailure from(const DomainError &error);
    static SftpFailure fromErrno(int err);

  private:
    uint32_t m_code;
    QByteArray m_message;
};

namespace paths {
// An SFTP path (absolute or relative: both start at the volume root) as components below the root.
// `..` is applied lexically; one that climbs above the root is refused, or with clamp (realpath)
// stays at the root. Over-long names or paths are refused.
volumes::PathParts parse(const QByteArray &path, bool clamp = false);
QByteArray show(const volumes::PathParts &parts); // "/a/b"
} // namespace paths
} // namespace lightd::sftp
