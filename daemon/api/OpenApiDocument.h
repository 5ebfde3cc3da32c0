#pragma once
#include "http/Router.h"

#include <QJsonObject>
#include <QStringList>

namespace lightd::api {
// /openapi.json (OpenAPI 3.1), generated from the live route table: paths and access rules come
// from the Router, summaries/schemas/error codes from api/OpenApiOperations.cpp.
QJsonObject buildOpenApi(const http::Router &router);
// Disagreements between the route table and the operations table, each saying what to add where.
QStringList openApiMismatches(const http::Router &router);
QJsonObject openApiSchemas();
} // namespace lightd::api
