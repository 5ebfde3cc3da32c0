#include "metrics/Counters.h"

namespace lightd::metrics {
Counters &counters()
{
    static Counters c;
    return c;
}
} // namespace lightd::metrics
