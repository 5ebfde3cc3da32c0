// What a console viewer sends (ws/ClientFrameReader): the same events whole or cut anywhere, text
// messages always valid UTF-8 and within the limit, nothing buffered past one frame's worth.
#include "FuzzInput.h"
#include "ws/ClientFrameReader.h"

using namespace lightd::ws;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const ClientFrameReader::Limits limits{4096, 8};
    ClientFrameReader whole(limits), cut(limits);
    const auto a = whole.feed(QByteArrayView(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1)));
    QList<ClientFrameReader::Event> b;
    lightd::fuzz::feedInPieces(data, size, [&](QByteArrayView piece) {
        b += cut.feed(piece);
        FUZZ_CHECK(cut.buffered() <= limits.maxMessageBytes + 14);
    });
    FUZZ_CHECK(a.size() == b.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
        FUZZ_CHECK(a[i].kind == b[i].kind && a[i].payload == b[i].payload &&
                   a[i].closeCode == b[i].closeCode);
        if (a[i].kind == ClientFrameReader::Kind::Text) {
            FUZZ_CHECK(isValidUtf8(a[i].payload));
            FUZZ_CHECK(a[i].payload.size() <= limits.maxMessageBytes);
        }
        if (a[i].kind == ClientFrameReader::Kind::Error || a[i].kind == ClientFrameReader::Kind::Close)
            FUZZ_CHECK(i == a.size() - 1); // nothing after the end
    }
    return 0;
}
