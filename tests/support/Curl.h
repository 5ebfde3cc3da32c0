#pragma once
#include <QByteArray>
#include <QJsonObject>
#include <QStringList>

namespace lightd::test {
struct CurlResult
{
    int status = 0;
    QByteArray body;
    QByteArray headers;
    QJsonObject json() const;
    QByteArray header(const QByteArray &name) const;
};

// Runs the real curl binary: args are passed as they are, -s and status capture are added.
CurlResult curl(const QStringList &args, const QByteArray &stdinData = {});
} // namespace lightd::test
