#include "ws/ServerFrame.h"

namespace lightd::ws {
void appendFrame(QByteArray &out, QByteArrayView payload, Opcode opcode)
{
    const quint64 n = quint64(payload.size());
    char head[10];
    int headLen = 2;
    head[0] = char(0x80 | quint8(opcode)); // FIN: a whole message per frame
    if (n < 126) {
        head[1] = char(n);
    } else if (n <= 0xffff) {
        head[1] = char(126);
        head[2] = char(n >> 8);
        head[3] = char(n);
        headLen = 4;
    } else {
        head[1] = char(127);
        for (int i = 0; i < 8; ++i)
            head[2 + i] = char(n >> (8 * (7 - i)));
        headLen = 10;
    }
    out.append(head, headLen);
    out.append(payload);
}

QByteArray frame(QByteArrayView payload, Opcode opcode)
{
    QByteArray out;
    appendFrame(out, payload, opcode);
    return out;
}

QByteArray closeFrame(int code, const QString &reason)
{
    if (code == 1005)
        return frame({}, Opcode::Close);
    QByteArray body;
    body.append(char(code >> 8));
    body.append(char(code));
    QString cut = reason;
    QByteArray text = cut.toUtf8();
    while (text.size() > 123) { // a control frame's 125 bytes, whole characters only
        cut.chop(1);
        if (!cut.isEmpty() && cut.back().isHighSurrogate())
            cut.chop(1);
        text = cut.toUtf8();
    }
    body.append(text);
    return frame(body, Opcode::Close);
}
} // namespace lightd::ws
