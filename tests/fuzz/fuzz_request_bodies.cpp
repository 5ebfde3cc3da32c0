// The request bodies panels send (API.md sections 3 and 4): container create (with its ports, limits,
// mounts, env and start pattern) and port entries, through the same parsers the controllers call.
// Whatever the bytes, a parser either answers a value that keeps the contract's ranges or refuses
// with a DomainError naming the problem: no other exception, no crash, no value out of range.
#include "FuzzInput.h"
#include "api/ContainerSpecParser.h"
#include "api/PortParser.h"
#include "lightd/DomainError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace lightd;

namespace {
template <typename Parse> void refusedOnlyByDomainError(Parse parse)
{
    try {
        parse();
    } catch (const DomainError &e) {
        FUZZ_CHECK(!e.code().isEmpty() && !e.message().isEmpty());
    } catch (...) {
        std::abort(); // anything else would be a 500 for a client's typo
    }
}

void checkPorts(const QList<PortBindingDto> &ports)
{
    for (const PortBindingDto &p : ports) {
        FUZZ_CHECK(p.hostPort >= 1 && p.hostPort <= 65535);
        FUZZ_CHECK(p.containerPort >= 1 && p.containerPort <= 65535);
        FUZZ_CHECK(p.protocol == QLatin1String("tcp") || p.protocol == QLatin1String("udp"));
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (!doc.isObject())
        return 0;
    const QJsonObject body = doc.object();
    refusedOnlyByDomainError([&] {
        const containers::ContainerRecord rec = api::spec::parseCreate(body);
        FUZZ_CHECK(!rec.dto.internalId.isEmpty());
        FUZZ_CHECK(rec.dto.limits.memory >= 0 && rec.dto.limits.cpu >= 0);
        checkPorts(rec.dto.ports);
    });
    refusedOnlyByDomainError(
        [&] { checkPorts(api::spec::parsePorts(body.value(QStringLiteral("ports")).toArray())); });
    refusedOnlyByDomainError([&] {
        const LimitsDto l = api::spec::parseLimits(body.value(QStringLiteral("limits")).toObject());
        FUZZ_CHECK(l.memory >= 0 && l.cpu >= 0);
    });
    refusedOnlyByDomainError([&] {
        api::spec::parseMounts(body.value(QStringLiteral("mount")).toObject(), QLatin1StringView("mount"));
    });
    refusedOnlyByDomainError([&] { api::spec::parseEnv(body.value(QStringLiteral("env")).toObject()); });
    refusedOnlyByDomainError(
        [&] { api::spec::parseStartPattern(body.value(QStringLiteral("start_pattern"))); });
    for (const bool requireProtocol : {false, true})
        refusedOnlyByDomainError([&] {
            const PortDto p = api::parsePort(body, requireProtocol);
            FUZZ_CHECK(p.port >= 1 && p.port <= 65535);
            FUZZ_CHECK(p.protocol == QLatin1String("tcp") || p.protocol == QLatin1String("udp"));
        });
    return 0;
}
