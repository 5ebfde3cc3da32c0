// Node-level calls of ApiClient, kept apart so ApiClient.cpp does not grow past its size.
#include "lightd/ApiClient.h"

namespace lightd {
void ApiClient::nodeSummary(Callback<NodeSummaryDto> done)
{
    request("GET", QStringLiteral("/system/containers"), [done](const ApiResult<QJsonObject> &r) {
        ApiResult<NodeSummaryDto> out;
        out.error = r.error;
        if (r.ok())
            out.value = NodeSummaryDto::fromJson(*r);
        done(out);
    });
}
} // namespace lightd
