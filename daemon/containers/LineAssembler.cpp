#include "containers/LineAssembler.h"

namespace lightd::containers {
void LineAssembler::emitLine(QStringList &out)
{
    out.append(QString::fromUtf8(m_partial));
    m_partial.clear();
}

QStringList LineAssembler::feed(const QByteArray &bytes)
{
    QStringList out;
    for (const char c : bytes) {
        if (m_pendingCr) {
            m_pendingCr = false;
            if (c == '\n')
                continue; // the \n of a \r\n: the line already ended at the \r
        }
        if (c == '\n') {
            emitLine(out);
        } else if (c == '\r') {
            emitLine(out);
            m_pendingCr = true;
        } else {
            m_partial.append(c);
            if (m_partial.size() >= m_max)
                emitLine(out);
        }
    }
    return out;
}

QStringList LineAssembler::flush()
{
    QStringList out;
    if (!m_partial.isEmpty())
        emitLine(out);
    m_pendingCr = false;
    return out;
}
} // namespace lightd::containers
