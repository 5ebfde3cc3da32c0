#include "containers/LineAssembler.h"

namespace lightd::containers {
namespace {
// Length of the longest prefix of bytes that does not end inside a UTF-8 sequence (a sequence that
// is incomplete at the end is left for the next line; invalid bytes count as complete).
qsizetype completeUtf8Prefix(const QByteArray &bytes)
{
    const qsizetype n = bytes.size();
    for (qsizetype back = 1; back <= 3 && back <= n; ++back) {
        const auto c = uchar(bytes[n - back]);
        if ((c & 0xC0) == 0x80)
            continue; // continuation byte: look further back for the lead byte
        const qsizetype need = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
        return need > back ? n - back : n;
    }
    return n;
}
} // namespace

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
        if (m_justCut) {
            // A line of exactly the limit followed by its end: the cut already emitted it.
            m_justCut = false;
            if (c == '\n')
                continue;
            if (c == '\r') {
                m_pendingCr = true;
                continue;
            }
        }
        if (c == '\n') {
            emitLine(out);
        } else if (c == '\r') {
            emitLine(out);
            m_pendingCr = true;
        } else {
            m_partial.append(c);
            if (m_partial.size() >= m_max) {
                // Cut at a character boundary; the bytes of a split character start the next line.
                const qsizetype keep = completeUtf8Prefix(m_partial);
                const QByteArray rest = keep > 0 ? m_partial.mid(keep) : QByteArray();
                if (keep > 0)
                    m_partial.truncate(keep);
                emitLine(out);
                m_partial = rest;
                m_justCut = rest.isEmpty();
            }
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
    m_justCut = false;
    return out;
}
} // namespace lightd::containers
