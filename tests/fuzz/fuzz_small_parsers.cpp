// Small parsers of client input: SFTP public keys (a customer pastes them), file modes (chmod),
// token lifetimes, and the config file (operator input, but a typo must be an error, not a crash).
#include "FuzzInput.h"
#include "auth/TokenService.h"
#include "config/Config.h"
#include "sftp/PublicKey.h"
#include "volumes/FileManager.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace lightd;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString text = QString::fromUtf8(bytes);
    QString why;
    if (const auto key = sftp::PublicKey::parse(text, why)) {
        FUZZ_CHECK(key->fingerprint.startsWith(QStringLiteral("SHA256:")));
        FUZZ_CHECK(!key->blob.isEmpty());
    } else {
        FUZZ_CHECK(!why.isEmpty());
    }
    try {
        const mode_t mode = volumes::FileManager::parseMode(text);
        FUZZ_CHECK(mode <= 07777);
    } catch (...) {
    }
    const QJsonDocument doc = QJsonDocument::fromJson(bytes);
    if (doc.isObject()) {
        try {
            config::fromJson(doc.object(), QStringLiteral("fuzz.json"));
        } catch (...) {
        }
        try {
            auth::TokenService::parseTtl(doc.object().value(QStringLiteral("ttl")));
        } catch (...) {
        }
    }
    return 0;
}
