#pragma once
#include "config/Config.h"
#include "storage/UsageSampleTable.h"

#include <QByteArray>
#include <QString>

namespace lightd::sync {
// The bodies POSTed to {remote.url}/update (API.md section 8). Each carries a fresh uuid as "id" so
// a panel can drop a repeat of an event delivered twice (delivery is at least once).
QByteArray stateEvent(const QString &node, const QString &server, const QString &state, const QString &error,
                      qint64 atS);
QByteArray billingEvent(const QString &node, const storage::UsageSampleRow &sample,
                        const Config::Billing &rates);
// base + "/" + path without a doubled or missing slash.
QString joinUrl(const QString &base, const QString &path);
} // namespace lightd::sync
