#pragma once
#include <QByteArray>
#include <QByteArrayView>

namespace lightd::ws {
// Server-to-client WebSocket frames (RFC 6455 section 5.2). A server never masks, so one encoding of
// a message is valid for every viewer: frames are built once and the same bytes go to each socket.
enum class Opcode : quint8 { Text = 0x1, Binary = 0x2 };
void appendFrame(QByteArray &out, QByteArrayView payload, Opcode opcode = Opcode::Text);
QByteArray frame(QByteArrayView payload, Opcode opcode = Opcode::Text);
} // namespace lightd::ws
