#!/usr/bin/env bash
# REST benchmark: lightd's `GET /network/ports` (pool of 50 ports) against the gin peer's
# `GET /containers` (50 records), both authenticated (Bearer + vendor Accept header), on loopback,
# driven in turn by `wrk -t2 -c64 -d10s`. Prints req/s and latency percentiles side by side, the
# ratio lightd/peer, and each server's idle RSS (VmRSS) after start.
#
# Usage: bench/rest.sh
# Env:   THREADS=2 CONNECTIONS=64 DURATION=10s WARMUP=2s ROUNDS=3 POOL_SIZE=50 BUILD_DIR=<repo>/build-bench
#        PROFILE=callgrind|perf  (optional: also profile lightd under the same load; see the end)
set -euo pipefail

ROOT=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
SHARED=$ROOT/../shared
BUILD=${BUILD_DIR:-$ROOT/build-bench}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-64}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-2s}
POOL_SIZE=${POOL_SIZE:-50}
PROFILE=${PROFILE:-}
LUA=$ROOT/bench/lib/rest-auth.lua

need() { command -v "$1" >/dev/null || { echo "rest.sh: $1 is not installed" >&2; exit 1; }; }
need wrk; need curl; need go; need cmake; need python3

WORK=$(mktemp -d /tmp/lightd-rest-bench.XXXXXX)
LIGHTD_PID=
PEER_PID=
cleanup() {
    for p in $LIGHTD_PID $PEER_PID; do
        kill "$p" 2>/dev/null && wait "$p" 2>/dev/null || true
    done
    rm -rf "$WORK"
}
trap cleanup EXIT

log() { printf '%s\n' "$*" >&2; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }
hwm_kb() { awk '/^VmHWM:/ {print $2}' "/proc/$1/status"; }
wait_http() { # url, extra curl args...
    local url=$1; shift
    for _ in $(seq 200); do
        curl -sf -o /dev/null "$@" "$url" && return 0
        sleep 0.05
    done
    log "rest.sh: $url did not come up"; return 1
}

# --- build -------------------------------------------------------------------------------------
log "building lightd (Release) in $BUILD"
if [[ ! -f $BUILD/CMakeCache.txt ]]; then
    cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DLIGHTD_BUILD_GUI=OFF >/dev/null
fi
cmake --build "$BUILD" --target lightd >/dev/null
LIGHTD=$BUILD/daemon/lightd

log "building gin-peer"
mkdir -p "$WORK/gin-peer"
cp "$SHARED/bench/gin-peer/main.go" "$WORK/gin-peer/"
(cd "$WORK/gin-peer" && GO111MODULE=off GOPATH=/usr/share/gocode GOCACHE=${GOCACHE:-$HOME/.cache/go-build} \
    go build -o "$BUILD/gin-peer" .)
PEER=$BUILD/gin-peer

# --- start both --------------------------------------------------------------------------------
TOKEN="lightd_bench_$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
LPORT=$(free_port)
PPORT=$(free_port)
cat >"$WORK/config.json" <<JSON
{"server": {"host": "127.0.0.1", "port": $LPORT, "access_log": false},
 "authorization": {"token": "$TOKEN", "max_failures": 100000},
 "network": {"manage_firewall": false},
 "sftp": {"enabled": false, "port": 2022},
 "storage": {"base_path": "$WORK/data"}}
JSON
"$LIGHTD" --config "$WORK/config.json" >"$WORK/lightd.log" 2>&1 &
LIGHTD_PID=$!
# the peer's synthetic console ticker is irrelevant to REST: slow it down so it costs nothing
PEER_ADDR=127.0.0.1:$PPORT PEER_TOKEN=$TOKEN PEER_LIST_SIZE=$POOL_SIZE PEER_LINE_INTERVAL=1h \
    "$PEER" >"$WORK/peer.log" 2>&1 &
PEER_PID=$!

AUTH=(-H "Authorization: Bearer $TOKEN" -H "Accept: Application/vnd.pkglatv1+json")
LURL=http://127.0.0.1:$LPORT/network/ports
PURL=http://127.0.0.1:$PPORT/containers
wait_http "http://127.0.0.1:$LPORT/health" || { cat "$WORK/lightd.log" >&2; exit 1; }
wait_http "$PURL" "${AUTH[@]}" || { cat "$WORK/peer.log" >&2; exit 1; }
sleep 1
LIGHTD_IDLE_RSS=$(rss_kb "$LIGHTD_PID")
PEER_IDLE_RSS=$(rss_kb "$PEER_PID")

# --- fill lightd's pool with POOL_SIZE ports ----------------------------------------------------
BULK=$(python3 -c "import json; print(json.dumps({'ports': [{'ip': '0.0.0.0', 'port': 25000 + i, 'protocol': 'tcp' if i % 4 else 'udp'} for i in range($POOL_SIZE)]}))")
ADDED=$(curl -sf "${AUTH[@]}" -H 'Content-Type: application/json' -X POST --data-binary "$BULK" \
    "http://127.0.0.1:$LPORT/network/ports/bulk" | python3 -c 'import json,sys; print(json.load(sys.stdin)["added_count"])')
[[ $ADDED == "$POOL_SIZE" ]] || { log "rest.sh: pool fill added $ADDED of $POOL_SIZE"; exit 1; }

count() { python3 -c "import json,sys; print(len(json.load(sys.stdin)['$1']))"; }
LCOUNT=$(curl -sf "${AUTH[@]}" "$LURL" | count ports)
PCOUNT=$(curl -sf "${AUTH[@]}" "$PURL" | count containers)
LBYTES=$(curl -sf -o /dev/null -w '%{size_download}' "${AUTH[@]}" "$LURL")
PBYTES=$(curl -sf -o /dev/null -w '%{size_download}' "${AUTH[@]}" "$PURL")
[[ $LCOUNT == "$POOL_SIZE" && $PCOUNT == "$POOL_SIZE" ]] || { log "rest.sh: lists hold $LCOUNT / $PCOUNT records"; exit 1; }

# --- drive each in turn ------------------------------------------------------------------------
# ROUNDS alternating runs (lightd, peer, lightd, peer, ...); the median of each is reported, so a
# burst of foreign load on a shared machine hits both sides alike and does not decide the result.
ROUNDS=${ROUNDS:-3}
drive() { # url -> RESULT line
    BENCH_TOKEN=$TOKEN wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$LUA" "$1" >/dev/null
    BENCH_TOKEN=$TOKEN wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$LUA" "$1" >"$WORK/wrk.out"
    grep '^RESULT ' "$WORK/wrk.out" | tail -1
}
: >"$WORK/lightd.results"
: >"$WORK/peer.results"
for round in $(seq "$ROUNDS"); do
    log "round $round/$ROUNDS: wrk -t$THREADS -c$CONNECTIONS -d$DURATION lightd GET /network/ports, then gin-peer GET /containers"
    drive "$LURL" >>"$WORK/lightd.results"
    drive "$PURL" >>"$WORK/peer.results"
done
LIGHTD_LOAD_HWM=$(hwm_kb "$LIGHTD_PID")
PEER_LOAD_HWM=$(hwm_kb "$PEER_PID")
median() { # file -> median of each column (requests summed), as one RESULT line
    python3 - "$1" <<'PY'
import statistics, sys
rows = [l.split()[1:] for l in open(sys.argv[1]) if l.startswith("RESULT")]
cols = list(zip(*[[float(x) for x in r] for r in rows]))
med = [statistics.median(c) for c in cols[:4]]
tot = [int(sum(c)) for c in cols[4:]]
print("RESULT", *[f"{m:.3f}" for m in med], *tot)
print("ALL", " ".join(f"{float(r[0]):.0f}" for r in rows))
PY
}
read -r _ L_RPS L_P50 L_P99 L_AVG L_N L_NON2XX L_SOCKERR < <(median "$WORK/lightd.results" | grep '^RESULT')
read -r _ P_RPS P_P50 P_P99 P_AVG P_N P_NON2XX P_SOCKERR < <(median "$WORK/peer.results" | grep '^RESULT')
L_ALL=$(median "$WORK/lightd.results" | sed -n 's/^ALL //p')
P_ALL=$(median "$WORK/peer.results" | sed -n 's/^ALL //p')

ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }
printf '\n%-30s %16s %16s\n' "GET, ${POOL_SIZE} records, auth" "lightd" "gin-peer"
printf '%-30s %16s %16s\n' "route" "/network/ports" "/containers"
printf '%-30s %16s %16s\n' "response bytes" "$LBYTES" "$PBYTES"
printf '%-30s %16.0f %16.0f\n' "requests/s (median)" "$L_RPS" "$P_RPS"
printf '%-30s %16s %16s\n' "requests/s (each round)" "$L_ALL" "$P_ALL"
printf '%-30s %16.2f %16.2f\n' "latency p50 (ms, median)" "$L_P50" "$P_P50"
printf '%-30s %16.2f %16.2f\n' "latency p99 (ms, median)" "$L_P99" "$P_P99"
printf '%-30s %16.2f %16.2f\n' "latency avg (ms, median)" "$L_AVG" "$P_AVG"
printf '%-30s %16s %16s\n' "requests/non-2xx/sock err" "$L_N/$L_NON2XX/$L_SOCKERR" "$P_N/$P_NON2XX/$P_SOCKERR"
printf '%-30s %16s %16s\n' "idle RSS after start (kB)" "$LIGHTD_IDLE_RSS" "$PEER_IDLE_RSS"
printf '%-30s %16s %16s\n' "peak RSS after load (kB)" "$LIGHTD_LOAD_HWM" "$PEER_LOAD_HWM"
printf '\nratio lightd/peer: requests/s %s, p99 %s (lower p99 is better)\n' "$(ratio "$L_RPS" "$P_RPS")" "$(ratio "$L_P99" "$P_P99")"
printf 'machine: %s cores, load average %s\n' "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
if [[ $L_NON2XX != 0 || $P_NON2XX != 0 ]]; then
    log "rest.sh: non-2xx answers during the run (lightd $L_NON2XX, peer $P_NON2XX): the figures are not comparable"
    exit 1
fi

# --- optional profile of lightd under the same load ---------------------------------------------
case "$PROFILE" in
callgrind)
    need valgrind
    kill "$LIGHTD_PID"; wait "$LIGHTD_PID" 2>/dev/null || true
    valgrind --tool=callgrind --callgrind-out-file="$BUILD/callgrind.rest.out" \
        "$LIGHTD" --config "$WORK/config.json" >"$WORK/lightd-vg.log" 2>&1 &
    LIGHTD_PID=$!
    wait_http "http://127.0.0.1:$LPORT/health" || { cat "$WORK/lightd-vg.log" >&2; exit 1; }
    BENCH_TOKEN=$TOKEN wrk -t1 -c8 -d10s -s "$LUA" "$LURL" >/dev/null
    kill "$LIGHTD_PID"; wait "$LIGHTD_PID" 2>/dev/null || true; LIGHTD_PID=
    callgrind_annotate --inclusive=no "$BUILD/callgrind.rest.out" 2>/dev/null | head -40
    ;;
perf)
    need perf
    perf record -F 999 -g -o "$BUILD/perf.rest.data" -p "$LIGHTD_PID" -- sleep 8 >/dev/null 2>&1 &
    REC=$!
    BENCH_TOKEN=$TOKEN wrk -t"$THREADS" -c"$CONNECTIONS" -d8s -s "$LUA" "$LURL" >/dev/null
    wait "$REC" || true
    perf report -i "$BUILD/perf.rest.data" --no-children --percent-limit 1.5 --stdio 2>/dev/null | grep -v '^$' | head -60
    ;;
esac
