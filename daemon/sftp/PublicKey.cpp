#include "sftp/PublicKey.h"

#include <QCryptographicHash>
#include <QStringList>

#define WITH_SERVER
#include <libssh/libssh.h>

namespace lightd::sftp {
namespace {
constexpr int kMinRsaBits = 2048;

// SSH wire strings: uint32 length + bytes. Returns false when the blob is cut short.
bool readString(const QByteArray &blob, qsizetype &pos, QByteArray &out)
{
    if (pos + 4 > blob.size())
        return false;
    const auto *p = reinterpret_cast<const uchar *>(blob.constData() + pos);
    const quint32 len = (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | p[3];
    pos += 4;
    if (len > quint32(blob.size() - pos))
        return false;
    out = blob.mid(pos, len);
    pos += len;
    return true;
}

// Bits of the modulus of an ssh-rsa blob (string type, mpint e, mpint n); 0 when malformed.
int rsaBits(const QByteArray &blob)
{
    qsizetype pos = 0;
    QByteArray type, e, n;
    if (!readString(blob, pos, type) || !readString(blob, pos, e) || !readString(blob, pos, n))
        return 0;
    qsizetype i = 0;
    while (i < n.size() && n.at(i) == 0)
        ++i;
    if (i == n.size())
        return 0;
    int bits = int(n.size() - i - 1) * 8;
    for (uchar top = uchar(n.at(i)); top; top >>= 1)
        ++bits;
    return bits;
}
} // namespace

QString PublicKey::fingerprintOf(const QByteArray &blob)
{
    QByteArray b64 = QCryptographicHash::hash(blob, QCryptographicHash::Sha256).toBase64();
    while (b64.endsWith('='))
        b64.chop(1);
    return QStringLiteral("SHA256:") + QString::fromLatin1(b64);
}

std::optional<PublicKey> PublicKey::parse(const QString &line, QString &why)
{
    const QStringList parts = line.trimmed().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (parts.size() < 2) {
        why = QStringLiteral("expected \"<type> <base64> [comment]\"");
        return std::nullopt;
    }
    PublicKey k;
    k.type = parts.at(0);
    k.blob = parts.at(1);
    k.comment = parts.mid(2).join(QLatin1Char(' ')).left(256);
    const bool ecdsa = k.type.startsWith(QLatin1String("ecdsa-sha2-nistp"));
    if (k.type != QLatin1String("ssh-ed25519") && k.type != QLatin1String("ssh-rsa") && !ecdsa) {
        why = QStringLiteral("key type %1 is not accepted (ssh-ed25519, ecdsa-sha2-*, ssh-rsa)").arg(k.type);
        return std::nullopt;
    }
    const QByteArray blob = QByteArray::fromBase64(
        k.blob.toLatin1(), QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
    qsizetype pos = 0;
    QByteArray inner;
    if (blob.isEmpty() || !readString(blob, pos, inner) || QString::fromLatin1(inner) != k.type) {
        why = QStringLiteral("the key data is not a %1 key").arg(k.type);
        return std::nullopt;
    }
    ssh_key key = nullptr;
    const QByteArray b64 = k.blob.toLatin1();
    if (ssh_pki_import_pubkey_base64(b64.constData(), ssh_key_type_from_name(k.type.toLatin1().constData()),
                                     &key) != SSH_OK) {
        why = QStringLiteral("the key data is not a valid %1 key").arg(k.type);
        return std::nullopt;
    }
    ssh_key_free(key);
    if (k.type == QLatin1String("ssh-rsa") && rsaBits(blob) < kMinRsaBits) {
        why = QStringLiteral("RSA keys need at least %1 bits").arg(kMinRsaBits);
        return std::nullopt;
    }
    k.fingerprint = fingerprintOf(blob);
    return k;
}
} // namespace lightd::sftp
