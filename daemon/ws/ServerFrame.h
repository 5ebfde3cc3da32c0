#pragma once
#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace lightd::ws {
// Server-to-client WebSocket frames (RFC 6455 section 5.2). A server never masks, so one encoding of
// a message is valid for every viewer: frames are built once and the same bytes go to each socket.
enum class Opcode : quint8 { Text = 0x1, Binary = 0x2, Close = 0x8, Ping = 0x9, Pong = 0xA };
void appendFrame(QByteArray &out, QByteArrayView payload, Opcode opcode = Opcode::Text);
QByteArray frame(QByteArrayView payload, Opcode opcode = Opcode::Text);
// A close frame: the code, then the reason cut to fit a control frame's 125 bytes. Code 1005 ("no
// status") is never sent: it gives an empty close frame.
QByteArray closeFrame(int code, const QString &reason);
} // namespace lightd::ws
