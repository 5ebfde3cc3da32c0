#pragma once
#include <QByteArray>
#include <QByteArrayView>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

// Helpers shared by the fuzz targets. A finding must stop the run, even in a release build.
#define FUZZ_CHECK(cond)                                                                                     \
    do {                                                                                                     \
        if (!(cond))                                                                                         \
            std::abort();                                                                                    \
    } while (0)

namespace lightd::fuzz {
// Splits the input into pieces whose sizes come from the input itself (first byte: the seed), so
// the fuzzer explores where a stream is cut as well as what it says.
template <typename Feed> void feedInPieces(const uint8_t *data, size_t size, Feed feed)
{
    if (size == 0)
        return;
    unsigned seed = data[0];
    const char *p = reinterpret_cast<const char *>(data + 1);
    size_t left = size - 1;
    while (left > 0) {
        seed = seed * 1103515245u + 12345u;
        size_t n = 1 + (seed >> 16) % 64;
        if (n > left)
            n = left;
        feed(QByteArrayView(p, qsizetype(n)));
        p += n;
        left -= n;
    }
}
} // namespace lightd::fuzz
