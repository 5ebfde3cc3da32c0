#include "docker/JsonLineSplitter.h"

#include <utility>

namespace lightd::docker {

bool JsonLineSplitter::feed(QByteArrayView data, QList<QByteArray> &lines)
{
    if (m_failed)
        return false;
    qsizetype pos = 0;
    while (pos < data.size()) {
        const qsizetype nl = data.indexOf('\n', pos);
        if (nl < 0) {
            m_partial.append(data.sliced(pos));
            break;
        }
        m_partial.append(data.sliced(pos, nl - pos));
        pos = nl + 1;
        if (m_partial.size() > m_maxLine) // whole or not, a line past the limit is refused alike
            break;
        const QByteArray line = std::exchange(m_partial, {}).trimmed();
        if (!line.isEmpty())
            lines.append(line);
    }
    if (m_partial.size() > m_maxLine) {
        m_failed = true;
        m_partial.clear();
        return false;
    }
    return true;
}

void JsonLineSplitter::finish(QList<QByteArray> &lines)
{
    const QByteArray line = std::exchange(m_partial, {}).trimmed();
    if (!m_failed && !line.isEmpty())
        lines.append(line);
}

} // namespace lightd::docker
