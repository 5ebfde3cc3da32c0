#pragma once

namespace lightd::api {
// The documentation of one route of Routes.cpp for /openapi.json. Every route needs exactly one
// entry (same method, same pattern); tests/unit/api/tst_openapi fails, naming the line to add, when a
// route and this table disagree.
struct OperationDoc
{
    const char *method;
    const char *pattern; // as in Routes.cpp: /containers/:id
    const char *tag;
    const char *summary;
    const char *request;  // component schema of the JSON body, "" = none, "@raw" = raw bytes
    const char *response; // component schema of the success body, "@text" = Prometheus text, "@raw" = bytes
    int status;           // success status
    // Route-specific errors, "status:code,code status:code" (401/403/429/500 of the access rule are
    // added by the generator).
    const char *errors;
    bool engine = false; // needs the container engine: 503 docker_unavailable, 500 docker_error
};

// All entries, in Routes.cpp order.
const OperationDoc *operationDocs(int &count);
} // namespace lightd::api
