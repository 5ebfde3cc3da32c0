#!/usr/bin/env bash
# Runs one integration test executable against another engine than the local dockerd socket:
#   run-with-engine.sh tls    <test> [args]  dockerd behind a TLS endpoint on 127.0.0.1 (socat,
#                                            certificates made here: CA, server, client), lightd
#                                            configured with docker.host = tcp://... + docker.tls_*
#   run-with-engine.sh podman <test> [args]  a rootful `podman system service` on a socket of its
#                                            own, lightd configured with docker.host = unix://...
# The test's daemons get the engine through LIGHTD_TEST_ENGINE_CONFIG (tests/support/DaemonProcess),
# the test's own docker CLI calls through DOCKER_HOST (and the TLS variables).
set -euo pipefail
mode=$1; shift
work=$(mktemp -d /tmp/lightd-engine-XXXXXX)
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

# Polls a command until it succeeds, at most $1 seconds.
await() {
    local deadline=$((SECONDS + $1)); shift
    until "$@" >/dev/null 2>&1; do
        if ((SECONDS > deadline)); then echo "run-with-engine: timed out waiting for: $*" >&2; return 1; fi
        sleep 0.1
    done
}

case "$mode" in
tls)
    command -v socat >/dev/null || { echo "run-with-engine: socat missing (scripts/install-deps.sh)" >&2; exit 1; }
    cd "$work"
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=lightd test CA" \
        -keyout ca-key.pem -out ca.pem 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout server-key.pem -out server.csr 2>/dev/null
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n' >server.ext
    openssl x509 -req -in server.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 2 \
        -extfile server.ext -out server.pem 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj "/CN=lightd" -keyout key.pem -out client.csr 2>/dev/null
    printf 'extendedKeyUsage=clientAuth\n' >client.ext
    openssl x509 -req -in client.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 2 \
        -extfile client.ext -out cert.pem 2>/dev/null
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    # verify=1: a client without a certificate of this CA is refused (as dockerd --tlsverify does)
    socat "OPENSSL-LISTEN:$port,bind=127.0.0.1,reuseaddr,fork,cert=server.pem,key=server-key.pem,cafile=ca.pem,verify=1" \
        UNIX-CONNECT:/var/run/docker.sock &
    pids+=($!)
    await 20 curl -sf --cacert ca.pem --cert cert.pem --key key.pem "https://127.0.0.1:$port/_ping"
    # without a client certificate the endpoint must refuse (the test is about client certs)
    if curl -sf --cacert ca.pem "https://127.0.0.1:$port/_ping" >/dev/null 2>&1; then
        echo "run-with-engine: the TLS endpoint accepts clients without a certificate" >&2; exit 1
    fi
    export LIGHTD_TEST_ENGINE_CONFIG="{\"host\":\"tcp://127.0.0.1:$port\",\"tls_ca\":\"$work/ca.pem\",\"tls_cert\":\"$work/cert.pem\",\"tls_key\":\"$work/key.pem\"}"
    cd - >/dev/null
    ;;
podman)
    command -v podman >/dev/null || { echo "run-with-engine: podman missing (scripts/install-deps.sh)" >&2; exit 1; }
    sock=$work/podman.sock
    # Podman raises each container's nofile and nproc limits to its own defaults (1048576, 4194304),
    # which runc may not set where the service's hard limits are lower (sandboxes, CI): give
    # containers the hard limits we have. nproc is also capped at kernel.pid_max: above it runc's
    # setrlimit fails here too (measured: 32768 starts, 32769 does not, with a hard limit of 96367).
    files=$(ulimit -Hn) procs=$(ulimit -Hu) pidmax=$(cat /proc/sys/kernel/pid_max)
    [ "$procs" = unlimited ] || [ "$procs" -gt "$pidmax" ] && procs=$pidmax
    [ "$files" = unlimited ] && files=1048576
    printf '[containers]\ndefault_ulimits = ["nofile=%s:%s", "nproc=%s:%s"]\n' "$files" "$files" "$procs" "$procs" \
        >"$work/containers.conf"
    export CONTAINERS_CONF=$work/containers.conf
    podman system service --time=0 "unix://$sock" &
    pids+=($!)
    await 30 curl -sf --unix-socket "$sock" http://d/_ping
    if ! podman image exists lightd-test:busybox; then
        docker save lightd-test:busybox | podman load >/dev/null
    fi
    export LIGHTD_TEST_ENGINE_CONFIG="{\"host\":\"unix://$sock\"}"
    export DOCKER_HOST="unix://$sock"
    ;;
*)
    echo "usage: run-with-engine.sh tls|podman <test executable> [args]" >&2; exit 2 ;;
esac

set +e
"$@"
rc=$?
exit $rc
