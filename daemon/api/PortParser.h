#pragma once
#include "lightd/PortDto.h"

#include <QJsonObject>

namespace lightd::api {
// A port entry of a request body ({"ip","port","protocol"}) read into a PortDto: the ip in its
// canonical form, protocol tcp unless given (or required). Throws 400 naming the field. Shared by
// the pool's routes and container requests; other keys are the caller's to check.
PortDto parsePort(const QJsonObject &o, bool requireProtocol);
} // namespace lightd::api
