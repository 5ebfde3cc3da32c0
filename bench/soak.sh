#!/usr/bin/env bash
# Soak (issue 20): the daemon under mixed load for SOAK_MINUTES (default 30) — consoles (viewers that
# stay, viewers that come and go, console commands), REST (reads, token create/revoke), file transfers
# (1 MiB up and down, checksummed) and power actions (one container restarted in a loop) — while its
# RSS, fds, threads and open Docker streams (GET /system/metrics) are sampled every SOAK_SAMPLE_S
# (default 60). Passes when every load loop saw only the answers it expected and, after the warm-up
# (the first SOAK_WARMUP_SAMPLES samples, default 1), each figure stays within SOAK_TOLERANCE percent
# (default 10) of its first post-warm-up value, plus a small absolute slack for the small counts
# (fds +4: a request in flight; threads +2; streams +2: the restarting container's attach and stats).
# The metering's counter files (a running container's cgroup files and /proc/<pid>/net/dev, held
# open while it runs, so they come and go with the restarts) are counted apart: at most 4 per
# container, never growing beyond that.
# Prints a table and the machine's load.
#
# Usage: bench/soak.sh                      long form (30 minutes)
#        SOAK_MINUTES=2 SOAK_SAMPLE_S=15 bench/soak.sh    short form (CTest: tst_soak_short)
# env: LIGHTD_BINARY (else the RelWithDebInfo build in BUILD_DIR, default build), IMAGE
#      (default lightd-test:busybox), SOAK_CONTAINERS (default 3).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
MINUTES=${SOAK_MINUTES:-30}
SAMPLE_S=${SOAK_SAMPLE_S:-60}
WARMUP=${SOAK_WARMUP_SAMPLES:-1}
TOL=${SOAK_TOLERANCE:-10}
NCONT=${SOAK_CONTAINERS:-3}
IMAGE=${IMAGE:-lightd-test:busybox}

BIN=${LIGHTD_BINARY:-}
if [ -z "$BIN" ]; then
    BUILD=${BUILD_DIR:-$ROOT/build}
    cmake --build "$BUILD" --target lightd >/dev/null
    BIN=$BUILD/daemon/lightd
fi
[ -x "$BIN" ] || { echo "lightd binary not found (set LIGHTD_BINARY)" >&2; exit 1; }
for tool in jq curl node docker sha256sum; do
    command -v "$tool" >/dev/null || { echo "$tool is required" >&2; exit 1; }
done
bash "$ROOT/tests/support/make-test-image.sh" >/dev/null

WORK=$(mktemp -d /tmp/lightd-soak.XXXXXX)
TOKEN="lightd_soak_$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
PREFIX="soak$$"
DAEMON_PID=""
LOADERS=()

cleanup() {
    set +e
    for p in "${LOADERS[@]}"; do kill "$p" 2>/dev/null; done
    for p in "${LOADERS[@]}"; do wait "$p" 2>/dev/null; done
    [ -n "$DAEMON_PID" ] && kill "$DAEMON_PID" 2>/dev/null && wait "$DAEMON_PID" 2>/dev/null
    ids=$(docker ps -aq --filter "name=lightd-${PREFIX}-")
    [ -n "$ids" ] && docker rm -f $ids >/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT
# The daemon's log outlives a failed run (the state changes show what a power loop waited for).
keep_log() { cp "$WORK/daemon.log" "${TMPDIR:-/tmp}/lightd-soak-$PREFIX.log" 2>/dev/null &&
    echo "daemon log kept: ${TMPDIR:-/tmp}/lightd-soak-$PREFIX.log" >&2; }

cat >"$WORK/config.json" <<JSON
{"server": {"host": "127.0.0.1", "port": 0},
 "authorization": {"token": "$TOKEN"},
 "network": {"manage_firewall": false},
 "sftp": {"enabled": false, "port": 2022},
 "containers": {"stop_timeout_s": 2}}
JSON
(cd "$WORK" && exec "$BIN" --config "$WORK/config.json") >"$WORK/daemon.log" 2>&1 &
DAEMON_PID=$!
PORT=""
for _ in $(seq 1 400); do
    PORT=$(grep -oE 'listening on [^ ]+:[0-9]+' "$WORK/daemon.log" | head -1 | grep -oE '[0-9]+$' || true)
    [ -n "$PORT" ] && break
    sleep 0.05
done
[ -n "$PORT" ] || { cat "$WORK/daemon.log" >&2; exit 1; }
BASE="http://127.0.0.1:$PORT"
H=(-H "Authorization: Bearer $TOKEN" -H "Accept: Application/vnd.pkglatv1+json")
api() { # method path [json] -> body; fails on a non-2xx answer
    if [ $# -ge 3 ]; then
        curl -sf -X "$1" "$BASE$2" "${H[@]}" -H "Content-Type: application/json" -d "$3"
    else
        curl -sf -X "$1" "$BASE$2" "${H[@]}"
    fi
}
state() { api GET "/containers/$1" | jq -r .install_state; }
wait_state() { # id state timeout_s
    local end=$((SECONDS + $3))
    until [ "$(state "$1" 2>/dev/null)" = "$2" ]; do
        ((SECONDS < end)) || { echo "$1 not $2 after $3 s (still $(state "$1" 2>/dev/null))" >&2; return 1; }
        sleep 0.1
    done
}

VOLUME=$(api POST /volumes | jq -r .volume_id)
CMD='bash -c '"'"'echo Server ready; (while :; do echo tick $RANDOM; sleep 0.2; done) & while read l; do echo got: $l; done'"'"
IDS=()
for i in $(seq 1 "$NCONT"); do
    id="$PREFIX-c$i"
    IDS+=("$id")
    api POST /containers "$(jq -nc --arg id "$id" --arg img "$IMAGE" --arg vol "$VOLUME" --arg cmd "$CMD" \
        '{internal_id:$id, image:$img, volume_id:$vol, startup_command:$cmd, start_pattern:"Server ready",
          limits:{memory:134217728, cpu:0.5}}')" >/dev/null
done
for id in "${IDS[@]}"; do
    wait_state "$id" ready 120
    api POST "/containers/$id/start" >/dev/null
    wait_state "$id" running 60
done
echo "daemon pid $DAEMON_PID port $PORT; $NCONT containers running; load for $MINUTES min, sample every $SAMPLE_S s" >&2

# Each loader counts its rounds and failures in $WORK/<name>.{ok,fail} (one line per event).
count() { echo >>"$WORK/$1.$2"; }
WS="$ROOT/tests/integration/ws/wsclient.mjs"
url() { echo "ws://127.0.0.1:$PORT/ws/$1?token=$TOKEN"; }

load_rest() {
    while :; do
        if api GET /containers >/dev/null && api GET "/containers/${IDS[0]}" >/dev/null &&
            api GET /system/metrics >/dev/null && api GET "/volumes/$VOLUME" >/dev/null &&
            tid=$(api POST /auth/tokens '{"ttl":"5m","scopes":["ws:'"${IDS[0]}"'"]}' | jq -r .id) &&
            api DELETE "/auth/tokens/$tid" >/dev/null; then count rest ok; else count rest fail; fi
        sleep 0.05
    done
}
load_commands() {
    while :; do
        for id in "${IDS[@]:1}"; do
            if api POST "/containers/$id/command" '{"command":"soak '"$RANDOM"'"}' >/dev/null; then
                count commands ok; else count commands fail; fi
        done
        sleep 0.1
    done
}
load_files() {
    head -c 1048576 /dev/urandom >"$WORK/up.bin"
    local want
    want=$(sha256sum <"$WORK/up.bin" | cut -d' ' -f1)
    while :; do
        if curl -sf -X PUT "${H[@]}" --data-binary @"$WORK/up.bin" "$BASE/volumes/$VOLUME/files/content?path=soak.bin" >/dev/null &&
            [ "$(curl -sf "${H[@]}" "$BASE/volumes/$VOLUME/files/content?path=soak.bin" | sha256sum | cut -d' ' -f1)" = "$want" ]; then
            count files ok; else count files fail; fi
        sleep 0.2
    done
}
load_power() { # the first container: restart, wait running, again
    local id=${IDS[0]}
    while :; do
        if api POST "/containers/$id/restart" >/dev/null && wait_state "$id" running 60; then
            count power ok; else count power fail; fi
        sleep 1
    done
}
load_viewers_churn() { # consoles opened and closed one after the other
    while :; do
        for id in "${IDS[@]}"; do
            if node --no-warnings --experimental-websocket "$WS" cycles "$(url "$id")" 20 >/dev/null 2>&1; then
                count churn ok; else count churn fail; fi
        done
    done
}
load_viewers_stay() { # one viewer per container for the whole run (restarted only if it ends)
    while :; do
        node --no-warnings --experimental-websocket "$WS" probe "$(url "$1")" </dev/null >/dev/null 2>&1 || true
        count "stay" ok
        sleep 0.5
    done
}

load_rest & LOADERS+=($!)
load_commands & LOADERS+=($!)
load_files & LOADERS+=($!)
load_power & LOADERS+=($!)
load_viewers_churn & LOADERS+=($!)
for id in "${IDS[@]:1}"; do load_viewers_stay "$id" & LOADERS+=($!); done

sample() {
    local rss fds=0 counters=0 thr streams target
    rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$DAEMON_PID/status")
    thr=$(awk '/^Threads:/ {print $2}' "/proc/$DAEMON_PID/status")
    for f in "/proc/$DAEMON_PID/fd/"*; do
        target=$(readlink "$f" 2>/dev/null) || continue
        case "$target" in
        /sys/fs/cgroup/* | /proc/*/net/dev) counters=$((counters + 1)) ;;
        *) fds=$((fds + 1)) ;;
        esac
    done
    streams=$(api GET /system/metrics | jq '[.docker_streams[]?] | add // 0')
    echo "$rss $fds $thr $streams $counters"
}
lines() { [ -f "$WORK/$1" ] && wc -l <"$WORK/$1" || echo 0; }

SAMPLES=()
printf '%-6s %10s %6s %8s %8s %8s %8s  %s\n' min rss_kb fds threads streams counters requests load >&2
END=$((SECONDS + MINUTES * 60))
n=0
while :; do
    sleep "$SAMPLE_S" # the sampling period of the soak, not a synchronisation
    kill -0 "$DAEMON_PID" 2>/dev/null || { echo "daemon died" >&2; tail -50 "$WORK/daemon.log" >&2; keep_log; exit 1; }
    n=$((n + 1))
    s=$(sample)
    SAMPLES+=("$s")
    reqs=$(( $(lines rest.ok) * 6 + $(lines commands.ok) + $(lines files.ok) * 2 + $(lines power.ok) ))
    printf '%-6s %10s %6s %8s %8s %8s %8s  %s\n' "$(awk "BEGIN {printf \"%.1f\", $n * $SAMPLE_S / 60}")" $s "$reqs" \
        "$(cut -d' ' -f1-3 /proc/loadavg)" >&2
    ((SECONDS < END)) || break
done

for p in "${LOADERS[@]}"; do kill "$p" 2>/dev/null || true; done
echo "load: rest $(lines rest.ok) rounds (fail $(lines rest.fail)), commands $(lines commands.ok) (fail $(lines commands.fail))," \
     "files $(lines files.ok) (fail $(lines files.fail)), power $(lines power.ok) restarts (fail $(lines power.fail))," \
     "console churn $(( $(lines churn.ok) * 20 )) sessions (fail $(lines churn.fail)), steady viewers ended $(lines stay.ok) times" >&2
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2

status=0
for f in rest commands files power churn; do
    if [ "$(lines $f.fail)" != 0 ]; then echo "FAIL: $f had $(lines $f.fail) failures" >&2; status=1; fi
    if [ "$f" != churn ] && [ "$(lines $f.ok)" = 0 ]; then echo "FAIL: $f made no progress" >&2; status=1; fi
done
if ((${#SAMPLES[@]} <= WARMUP)); then
    echo "FAIL: $((${#SAMPLES[@]})) samples, none after the warm-up of $WARMUP" >&2
    exit 1
fi
names=(rss_kb fds threads streams)
slack=(0 4 2 2)
for k in 0 1 2 3; do
    first=$(echo "${SAMPLES[$WARMUP]}" | cut -d' ' -f$((k + 1)))
    max=$first
    for s in "${SAMPLES[@]:$WARMUP}"; do
        v=$(echo "$s" | cut -d' ' -f$((k + 1)))
        ((v > max)) && max=$v
    done
    limit=$(( first + first * TOL / 100 + ${slack[$k]} ))
    if ((max > limit)); then
        echo "FAIL: ${names[$k]} rose from $first to $max after the warm-up (limit $limit)" >&2
        status=1
    else
        echo "ok: ${names[$k]} after the warm-up: first $first, max $max (limit $limit)" >&2
    fi
done
maxc=0
for s in "${SAMPLES[@]}"; do
    v=$(echo "$s" | cut -d' ' -f5)
    ((v > maxc)) && maxc=$v
done
if ((maxc > 4 * ${#IDS[@]})); then
    echo "FAIL: $maxc counter files held for ${#IDS[@]} containers (at most 4 each)" >&2
    status=1
else
    echo "ok: counter files at most $maxc for ${#IDS[@]} containers (at most 4 each)" >&2
fi
if ((status == 0)); then echo "soak passed ($MINUTES min)" >&2; else keep_log; fi
exit $status
