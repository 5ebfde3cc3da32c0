#pragma once
#include <QString>
#include <optional>

namespace lightd::sftp {
// One authorized_keys line ("ssh-ed25519 AAAA... comment"), checked: ssh-ed25519, ecdsa-sha2-nistp*,
// ssh-rsa of at least 2048 bits; nothing else (no DSA, no certificates, no options).
struct PublicKey
{
    QString type;
    QString blob; // base64, exactly as the client will present it
    QString comment;
    QString fingerprint; // "SHA256:<base64 without padding>", as ssh-keygen -l prints it

    // The reason it is refused, for a 400 naming public_key.
    static std::optional<PublicKey> parse(const QString &line, QString &why);
    static QString fingerprintOf(const QByteArray &blob);
};
} // namespace lightd::sftp
