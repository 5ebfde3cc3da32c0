#include "metrics/Registry.h"

namespace lightd::metrics {
QByteArray Registry::render() const
{
    TextWriter w;
    for (const auto &c : m_collectors)
        c(w);
    return w.text();
}
} // namespace lightd::metrics
