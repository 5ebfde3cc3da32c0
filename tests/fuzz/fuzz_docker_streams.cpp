// What the engine sends back (docker/): a response head and body (HttpResponseParser, with the
// chunked decoder under it), then the multiplexed console stream and JSON lines inside the body.
// The engine is trusted less than it seems: a container's output is inside these streams. Whole or
// cut anywhere, each parser must hand out the same bytes.
#include "FuzzInput.h"
#include "docker/ChunkedDecoder.h"
#include "docker/HttpResponseParser.h"
#include "docker/JsonLineSplitter.h"
#include "docker/MultiplexDemuxer.h"

using namespace lightd::docker;

namespace {
QByteArray bodyOf(const QList<HttpResponseParser::Event> &events)
{
    QByteArray body;
    for (const auto &e : events)
        if (e.type == HttpResponseParser::Event::Type::Body)
            body += e.data;
    return body;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArrayView input(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));

    HttpResponseParser whole(4096), cut(4096);
    QList<HttpResponseParser::Event> a, b;
    const bool okWhole = whole.feed(input, a);
    bool okCut = true;
    lightd::fuzz::feedInPieces(data, size, [&](QByteArrayView piece) {
        if (okCut)
            okCut = cut.feed(piece, b);
    });
    FUZZ_CHECK(okWhole == okCut);
    if (okWhole)
        FUZZ_CHECK(bodyOf(a) == bodyOf(b));
    QList<HttpResponseParser::Event> end;
    whole.finish(end);

    ChunkedDecoder c1, c2;
    QByteArray out1, out2;
    c1.feed(input, out1);
    lightd::fuzz::feedInPieces(data, size, [&](QByteArrayView piece) {
        if (c2.status() == ChunkedDecoder::Status::NeedMore)
            c2.feed(piece, out2);
    });
    FUZZ_CHECK(c1.status() == c2.status());
    if (c1.status() != ChunkedDecoder::Status::Error)
        FUZZ_CHECK(out1 == out2);

    MultiplexDemuxer d1, d2;
    QList<MultiplexDemuxer::Frame> f1, f2;
    const bool dOk = d1.feed(input, f1);
    lightd::fuzz::feedInPieces(data, size, [&](QByteArrayView piece) {
        if (!d2.failed())
            d2.feed(piece, f2);
    });
    FUZZ_CHECK(dOk == !d2.failed());
    if (dOk) {
        for (const auto &f : f1)
            FUZZ_CHECK(f.data.size() <= MultiplexDemuxer::kMaxBufferedFrame && f.stream >= 0 &&
                       f.stream <= 3);
        // Pieces may be handed out differently, the bytes per stream may not.
        QByteArray o1, o2;
        for (const auto &f : f1)
            o1 += f.data;
        for (const auto &f : f2)
            o2 += f.data;
        FUZZ_CHECK(o1 == o2);
    }

    JsonLineSplitter j1(1024), j2(1024);
    QList<QByteArray> l1, l2;
    const bool jOk = j1.feed(input, l1);
    lightd::fuzz::feedInPieces(data, size, [&](QByteArrayView piece) {
        if (!j2.failed())
            j2.feed(piece, l2);
    });
    FUZZ_CHECK(jOk == !j2.failed());
    if (jOk) {
        j1.finish(l1);
        j2.finish(l2);
        FUZZ_CHECK(l1 == l2);
        for (const auto &line : l1)
            FUZZ_CHECK(!line.isEmpty() && line.size() <= 1024 && !line.contains('\n'));
    }
    return 0;
}
