#include "config/Config.h"
#include "config/JsonPath.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

// config.json on disk: created with defaults when missing, given a master token when it has none,
// and changed one key at a time (`lightd config set`), always written atomically and owner-only.
namespace lightd::config {
using jsonpath::assign;
using jsonpath::lookup;

namespace {
QString writeJson(const QString &path, const QJsonObject &json)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return f.errorString();
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner); // holds the master token
    f.write(QJsonDocument(json).toJson(QJsonDocument::Indented));
    return f.commit() ? QString() : f.errorString();
}

std::optional<QJsonObject> readJson(const QString &path, QString &error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        error = QStringLiteral("cannot read %1: %2").arg(path, f.errorString());
        return std::nullopt;
    }
    QJsonParseError perr{};
    const auto doc = QJsonDocument::fromJson(f.readAll(), &perr);
    if (perr.error != QJsonParseError::NoError || !doc.isObject()) {
        error = QStringLiteral("%1 is not a JSON object: %2 at offset %3")
                    .arg(path, perr.errorString())
                    .arg(perr.offset);
        return std::nullopt;
    }
    return doc.object();
}
} // namespace

ConfigResult load(const QString &path, bool createIfMissing)
{
    if (!QFileInfo::exists(path)) {
        ConfigResult r;
        if (!createIfMissing) {
            r.error = QStringLiteral("%1 does not exist").arg(path);
            return r;
        }
        const QString err = writeJson(path, defaults(QFileInfo(path).absolutePath()));
        if (!err.isEmpty()) {
            r.error = QStringLiteral("cannot create %1: %2").arg(path, err);
            return r;
        }
    }
    QString error;
    auto json = readJson(path, error);
    if (!json) {
        ConfigResult r;
        r.error = error;
        return r;
    }
    // A config without a master token (e.g. the packaged one) gets one now, written back, so the
    // token stays the same across restarts.
    if (lookup(*json, QStringLiteral("authorization.token")).isUndefined()) {
        json = assign(*json, {QStringLiteral("authorization"), QStringLiteral("token")}, generateToken());
        const QString err = writeJson(path, *json);
        if (!err.isEmpty()) {
            ConfigResult r;
            r.error = QStringLiteral("authorization.token: missing, and cannot write a new one to %1: %2")
                          .arg(path, err);
            return r;
        }
    }
    return fromJson(*json, path);
}

QString setValue(const QString &path, const QString &dottedKey, const QJsonValue &value)
{
    QString error;
    const auto json = readJson(path, error);
    if (!json)
        return error;
    const QJsonObject updated = assign(*json, dottedKey.split(QLatin1Char('.')), value);
    const auto check = fromJson(updated, path);
    if (!check.config)
        return check.error;
    return writeJson(path, updated);
}
} // namespace lightd::config
