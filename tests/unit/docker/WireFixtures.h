#pragma once
// Byte streams as the Docker engine (20.10, API 1.41) sends them over its unix socket. The logs and
// error responses were recorded from the engine; the pull stream is built from recorded progress
// lines with the chunk framing the engine's Go HTTP server uses.
#include <QByteArray>
#include <QList>

namespace fixtures {

inline QByteArray bytes(const char *data, qsizetype size)
{
    return QByteArray(data, size);
}
#define LIGHTD_FIXTURE(literal) fixtures::bytes(literal, sizeof(literal) - 1)

// GET /containers/{id}/logs?follow=1&stdout=1&stderr=1 of a container (Tty=false) that printed
// "hello", "partial", "done" to stdout and "oops" to stderr, then exited.
inline QByteArray logsResponse()
{
    return LIGHTD_FIXTURE(
        "HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nDocker-Experimental: false\r\nOstype: linux\r\n"
        "Server: Docker/20.10.24+dfsg1 (linux)\r\nDate: Mon, 23 Nov 2026 09:23:23 GMT\r\n"
        "Connection: close\r\nTransfer-Encoding: chunked\r\n\r\n"
        "e\r\n\x01\x00\x00\x00\x00\x00\x00\x06hello\n\r\n"
        "10\r\n\x01\x00\x00\x00\x00\x00\x00\x08partial\n\r\n"
        "d\r\n\x01\x00\x00\x00\x00\x00\x00\x05"
        "done\n\r\n"
        "d\r\n\x02\x00\x00\x00\x00\x00\x00\x05oops\n\r\n"
        "0\r\n\r\n");
}

// GET /containers/nope/json
inline QByteArray notFoundResponse()
{
    return LIGHTD_FIXTURE(
        "HTTP/1.1 404 Not Found\r\nApi-Version: 1.41\r\nContent-Type: application/json\r\n"
        "Docker-Experimental: false\r\nOstype: linux\r\nServer: Docker/20.10.24+dfsg1 (linux)\r\n"
        "Date: Mon, 23 Nov 2026 09:23:23 GMT\r\nContent-Length: 38\r\nConnection: close\r\n\r\n"
        "{\"message\":\"No such container: nope\"}\n");
}

// GET /version (Content-Length framed JSON).
inline QByteArray versionResponse()
{
    const QByteArray body =
        "{\"Platform\":{\"Name\":\"\"},\"Version\":\"20.10.24+dfsg1\",\"ApiVersion\":\"1.41\","
        "\"MinAPIVersion\":\"1.12\",\"GitCommit\":\"5d6db84\",\"GoVersion\":\"go1.19.8\",\"Os\":\"linux\","
        "\"Arch\":\"amd64\",\"KernelVersion\":\"6.1.0-18-amd64\",\"BuildTime\":\"2026-05-07T21:09:36."
        "000000000+00:00\"}\n";
    return "HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Type: application/json\r\n"
           "Server: Docker/20.10.24+dfsg1 (linux)\r\nDate: Mon, 23 Nov 2026 09:23:23 GMT\r\n"
           "Content-Length: " +
           QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

inline QByteArray chunk(const QByteArray &payload)
{
    return QByteArray::number(payload.size(), 16) + "\r\n" + payload + "\r\n";
}

inline QList<QByteArray> pullLines()
{
    return {
        "{\"status\":\"Pulling from library/alpine\",\"id\":\"3.19\"}\r\n",
        "{\"status\":\"Pulling fs layer\",\"progressDetail\":{},\"id\":\"4abcf2066143\"}\r\n",
        "{\"status\":\"Downloading\",\"progressDetail\":{\"current\":34281,\"total\":3408729},"
        "\"progress\":\"[\\u003e      ]  34.28kB/3.409MB\",\"id\":\"4abcf2066143\"}\r\n",
        "{\"status\":\"Download complete\",\"progressDetail\":{},\"id\":\"4abcf2066143\"}\r\n",
        "{\"status\":\"Pull complete\",\"progressDetail\":{},\"id\":\"4abcf2066143\"}\r\n",
        "{\"status\":\"Digest: "
        "sha256:c5b1261d6d3e43071626931fc004f70149baeba2c8ec672bd4f27761f8e1ad6b\"}\r\n",
        "{\"status\":\"Status: Downloaded newer image for alpine:3.19\"}\r\n",
    };
}

// POST /images/create?fromImage=alpine:3.19: one chunk per progress line, a chunk extension and
// a trailer thrown in because the decoder must accept both.
inline QByteArray pullResponse()
{
    QByteArray out =
        "HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Type: application/json\r\n"
        "Docker-Experimental: false\r\nOstype: linux\r\nServer: Docker/20.10.24+dfsg1 (linux)\r\n"
        "Date: Mon, 23 Nov 2026 09:23:23 GMT\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n";
    const QList<QByteArray> lines = pullLines();
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i == 2) // extension on one chunk
            out += QByteArray::number(lines[i].size(), 16) + ";name=value\r\n" + lines[i] + "\r\n";
        else
            out += chunk(lines[i]);
    }
    out += "0\r\nX-Trailer: yes\r\n\r\n";
    return out;
}

// A pull that fails after it started: the error comes in-band.
inline QByteArray pullErrorResponse()
{
    return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" +
           chunk("{\"status\":\"Pulling from library/nosuch\",\"id\":\"latest\"}\r\n") +
           chunk("{\"errorDetail\":{\"message\":\"manifest for nosuch:latest not found: manifest unknown\"},"
                 "\"error\":\"manifest for nosuch:latest not found: manifest unknown\"}\r\n") +
           "0\r\n\r\n";
}

// POST /containers/{id}/attach with Upgrade: tcp. Multiplexed frames follow the head at once,
// here in the same packets as the head.
inline QByteArray attachUpgradeResponse()
{
    return LIGHTD_FIXTURE("HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.raw-stream\r\n"
                          "Connection: Upgrade\r\nUpgrade: tcp\r\n\r\n"
                          "\x01\x00\x00\x00\x00\x00\x00\x06hello\n"
                          "\x01\x00\x00\x00\x00\x00\x00\x08got:abc\n"
                          "\x02\x00\x00\x00\x00\x00\x00\x0fwarning: slow!\n"
                          "\x01\x00\x00\x00\x00\x00\x00\x00"
                          "\x01\x00\x00\x00\x00\x00\x01\x04") +
           QByteArray(260, 'x');
}

} // namespace fixtures
