#include "docker/MultiplexDemuxer.h"

#include <algorithm>
#include <utility>

namespace lightd::docker {

bool MultiplexDemuxer::feed(QByteArrayView data, QList<Frame> &out)
{
    if (m_failed)
        return false;
    qsizetype pos = 0;
    const qsizetype n = data.size();
    while (pos < n) {
        if (m_remaining == 0) {
            const qsizetype take = std::min<qsizetype>(8 - m_header.size(), n - pos);
            m_header.append(data.sliced(pos, take));
            pos += take;
            if (m_header.size() < 8)
                return true;
            const auto *h = reinterpret_cast<const uchar *>(m_header.constData());
            if (h[0] > 3 || h[1] != 0 || h[2] != 0 || h[3] != 0) {
                m_failed = true;
                return false;
            }
            m_stream = h[0];
            m_remaining =
                (quint32(h[4]) << 24) | (quint32(h[5]) << 16) | (quint32(h[6]) << 8) | quint32(h[7]);
            m_header.clear();
            m_large = m_remaining > kMaxBufferedFrame;
            continue; // an empty frame carries nothing and is dropped
        }
        const qsizetype take = qsizetype(std::min<qint64>(m_remaining, n - pos));
        if (m_large) {
            out.append({m_stream, data.sliced(pos, take).toByteArray()});
        } else {
            m_payload.append(data.sliced(pos, take));
        }
        pos += take;
        m_remaining -= quint32(take);
        if (m_remaining == 0 && !m_large) {
            out.append({m_stream, std::exchange(m_payload, {})});
        }
    }
    return true;
}

} // namespace lightd::docker
