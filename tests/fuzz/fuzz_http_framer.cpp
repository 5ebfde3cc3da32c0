// The one HTTP/1.1 request parser every REST client's bytes go through (http/HttpFramer): whole
// input and the same input cut into pieces must frame the same requests, and the body handed out
// never exceeds the limit the head was given.
#include "FuzzInput.h"
#include "http/HttpFramer.h"

using namespace lightd;

namespace {
struct Run
{
    QList<QByteArray> heads;
    qint64 body = 0;
    int messages = 0;
    http::HttpFramer::Error error = http::HttpFramer::Error::None;
};

Run frame(const uint8_t *data, size_t size, bool pieces)
{
    Run run;
    http::HttpFramer framer(4096);
    framer.onHead = [&](const http::RequestHead &head) -> qint64 {
        run.heads.append(head.method + ' ' + head.target);
        return 1 << 20;
    };
    framer.onBody = [&](const char *, qsizetype n) {
        FUZZ_CHECK(n >= 0);
        run.body += n;
    };
    framer.onMessageEnd = [&] { ++run.messages; };
    auto feed = [&](QByteArrayView piece) {
        if (run.error == http::HttpFramer::Error::None)
            run.error = framer.feed(piece.data(), piece.size());
    };
    if (size == 0)
        return run;
    if (pieces)
        fuzz::feedInPieces(data, size, feed);
    else
        feed(QByteArrayView(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1)));
    return run;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const Run whole = frame(data, size, false);
    const Run cut = frame(data, size, true);
    FUZZ_CHECK(whole.error == cut.error);
    if (whole.error == http::HttpFramer::Error::None) {
        FUZZ_CHECK(whole.heads == cut.heads);
        FUZZ_CHECK(whole.body == cut.body);
        FUZZ_CHECK(whole.messages == cut.messages);
    }
    FUZZ_CHECK(whole.body <= qint64(whole.heads.size()) * (1 << 20));
    http::RequestHead head;
    http::HttpFramer::parseHead(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)), head);
    return 0;
}
