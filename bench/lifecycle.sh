#!/usr/bin/env bash
# Lifecycle benchmark: N containers started through lightd versus the same containers made with
# `docker create` and started with the engine's own start call (same image, same limits, same volume mount).
#
#   lightd: POST /containers (install not timed) ... then, per container, the time from
#           POST /containers/:id/start to GET /containers/:id saying "running" (start_pattern matched).
#   docker: `docker create` (not timed) ... then, per container, the time from POST /containers/:id/start on
#           the engine's socket to the engine saying Running and the container's log holding the ready line.
# Both sides are timed by the same small poller (bench/lifecycle/poller.cpp): one keep-alive connection,
# a poll every 10 ms, no process started per poll. (A shell loop forking curl and jq every 10 ms took
# CPU from dockerd and runc while lightd's asynchronous start was in flight and made the engine's start
# a third slower on 2 cores; the raw side's start call blocks, so it did not pay that.)
# Prints the median of each and the ratio (target <= 1.15).
#
# Usage: bench/lifecycle.sh [N]   (env: BUILD_DIR, default build-bench; LIGHTD_BINARY to use another binary;
#                                   IMAGE, default lightd-test:busybox)
set -euo pipefail

N=${1:-20}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
IMAGE=${IMAGE:-lightd-test:busybox}
SOCK=${DOCKER_SOCK:-/var/run/docker.sock}
MEM=$((128 * 1024 * 1024))
CPU=0.5
READY="Server ready"
CMD="echo booting; echo $READY; exec sleep 3600"

# The daemon is the Release build in BUILD_DIR (default build-bench, shared with bench/rest.sh),
# rebuilt first so a stale binary is never measured; LIGHTD_BINARY overrides it.
BIN=${LIGHTD_BINARY:-}
if [ -z "$BIN" ]; then
    BUILD=${BUILD_DIR:-$ROOT/build-bench}
    [ -f "$BUILD/CMakeCache.txt" ] ||
        cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DLIGHTD_BUILD_GUI=OFF >/dev/null
    cmake --build "$BUILD" --target lightd >/dev/null
    BIN=$BUILD/daemon/lightd
fi
[ -x "$BIN" ] || { echo "lightd binary not found (set LIGHTD_BINARY)" >&2; exit 1; }
command -v jq >/dev/null || { echo "jq is required" >&2; exit 1; }
bash "$ROOT/tests/support/make-test-image.sh"

WORK=$(mktemp -d /tmp/lightd-bench.XXXXXX)
TOKEN="lightd_bench_$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
PREFIX="bench$$"
DAEMON_PID=""

cleanup() {
    set +e
    ids=$(docker ps -aq --filter "name=${PREFIX}-")
    [ -n "$ids" ] && docker rm -f $ids >/dev/null
    [ -n "$DAEMON_PID" ] && kill "$DAEMON_PID" 2>/dev/null && wait "$DAEMON_PID" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT
g++ -O2 -std=c++17 -o "$WORK/poller" "$ROOT/bench/lifecycle/poller.cpp"

cat >"$WORK/config.json" <<JSON
{"server": {"host": "127.0.0.1", "port": 0},
 "authorization": {"token": "$TOKEN"},
 "network": {"manage_firewall": false},
 "sftp": {"enabled": false, "port": 2022},
 "containers": {"stop_timeout_s": 5}}
JSON
(cd "$WORK" && exec "$BIN" --config "$WORK/config.json") >"$WORK/daemon.log" 2>&1 &
DAEMON_PID=$!
PORT=""
for _ in $(seq 1 200); do
    PORT=$(grep -oE 'listening on [^ ]+:[0-9]+' "$WORK/daemon.log" | head -1 | grep -oE '[0-9]+$' || true)
    [ -n "$PORT" ] && break
    sleep 0.05
done
[ -n "$PORT" ] || { cat "$WORK/daemon.log" >&2; exit 1; }
BASE="http://127.0.0.1:$PORT"
api() { # method path [json]
    if [ $# -ge 3 ]; then
        curl -s -X "$1" "$BASE$2" -H "Authorization: Bearer $TOKEN" -H "Accept: Application/vnd.pkglatv1+json" \
             -H "Content-Type: application/json" -d "$3"
    else
        curl -s -X "$1" "$BASE$2" -H "Authorization: Bearer $TOKEN" -H "Accept: Application/vnd.pkglatv1+json"
    fi
}
median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

VOLUME_JSON=$(api POST /volumes)
VOLUME=$(jq -r .volume_id <<<"$VOLUME_JSON")
VOLUME_PATH=$(jq -r .path <<<"$VOLUME_JSON")

echo "creating $N containers through lightd ..." >&2
for i in $(seq 1 "$N"); do
    body=$(jq -nc --arg id "$PREFIX-l$i" --arg img "$IMAGE" --arg vol "$VOLUME" --arg cmd "$CMD" --arg pat "$READY" \
                  --argjson mem "$MEM" --argjson cpu "$CPU" \
        '{internal_id:$id, image:$img, volume_id:$vol, startup_command:$cmd, start_pattern:$pat, limits:{memory:$mem, cpu:$cpu}}')
    api POST /containers "$body" >/dev/null
done
for i in $(seq 1 "$N"); do
    until [ "$(api GET "/containers/$PREFIX-l$i" | jq -r .install_state)" = ready ]; do sleep 0.05; done
done

echo "creating $N containers with docker create ..." >&2
for i in $(seq 1 "$N"); do
    docker create --name "$PREFIX-d$i" --memory "$MEM" --memory-swap "$MEM" --cpus "$CPU" --init \
        -v "$VOLUME_PATH:/home/container" -w /home/container -i "$IMAGE" /bin/sh -c "$CMD" >/dev/null
done

LIGHTD_TIMES=()
DOCKER_TIMES=()
start_lightd() { LIGHTD_TIMES+=("$("$WORK/poller" lightd "$PORT" "$TOKEN" "$PREFIX-l$1")"); }
start_docker() { DOCKER_TIMES+=("$("$WORK/poller" docker "$SOCK" "$PREFIX-d$1" "$READY")"); }
# Interleaved, so that both sides see the same machine load, and in alternating order, so that
# neither side always starts with one container fewer running.
for i in $(seq 1 "$N"); do
    if ((i % 2)); then start_lightd "$i"; start_docker "$i"; else start_docker "$i"; start_lightd "$i"; fi
done

ML=$(printf '%s\n' "${LIGHTD_TIMES[@]}" | median)
MD=$(printf '%s\n' "${DOCKER_TIMES[@]}" | median)
RATIO=$(echo "$ML / $MD" | bc -l)
printf 'containers: %d  image: %s  limits: memory=%d cpu=%s\n' "$N" "$IMAGE" "$MEM" "$CPU"
printf 'lightd  median request->running: %.3f s  (min %.3f, max %.3f)\n' "$ML" \
    "$(printf '%s\n' "${LIGHTD_TIMES[@]}" | sort -g | head -1)" "$(printf '%s\n' "${LIGHTD_TIMES[@]}" | sort -g | tail -1)"
printf 'docker  median start->running+ready: %.3f s  (min %.3f, max %.3f)\n' "$MD" \
    "$(printf '%s\n' "${DOCKER_TIMES[@]}" | sort -g | head -1)" "$(printf '%s\n' "${DOCKER_TIMES[@]}" | sort -g | tail -1)"
printf 'ratio lightd/docker: %.3fx (target <= 1.15x)\n' "$RATIO"
