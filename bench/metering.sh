#!/usr/bin/env bash
# Metering benchmark (issue 16). N running busybox containers managed by lightd, metered every
# monitoring.interval_ms=1000 through cgroup files, against the same containers metered the way the
# upstream daemon and Wings do it (one Docker stats stream per container, bench/metering/stats_streams.py).
# CPU is read from /proc/<pid>/stat (utime+stime) of lightd, dockerd, containerd and every
# containerd-shim, over the same window for each phase:
#   A  lightd, monitoring off            (baseline: lightd's own console attach + stats per container)
#   B  lightd, monitoring on, 1000 ms    (A + metering)
#   C  monitoring off + one stats stream per container from the script (A + the stats-stream way)
# Metering cost = B - A; stats-stream cost = C - A (the script's own CPU included).
# lightd's RSS is read at the end of each phase. Also: SQLite bytes per container-day (usage_samples
# pages / rows), and the outbox (tests/support/panel.py as the remote):
#   D  monitoring on + remote sync to the panel: every tick's billing events go out live; delay
#      from the event's row (created_ms, copied by a bench-only trigger) to the panel's receipt
#   E  10,000 events queued while the daemon is down, drained at start: events/s and delays
#
# Usage: bench/metering.sh [N] [SECONDS]   (env: LIGHTD_BINARY, default build/daemon/lightd;
#        SETTLE_S, the wait after the N starts before phase A, default 30)
# N=100, SECONDS=45 take about 6 minutes.
set -euo pipefail

N=${1:-100}
T=${2:-45}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${LIGHTD_BINARY:-$ROOT/build/daemon/lightd}
IMAGE=${IMAGE:-lightd-test:busybox}
SOCK=${DOCKER_SOCK:-/var/run/docker.sock}
[ -x "$BIN" ] || { echo "lightd binary not found (set LIGHTD_BINARY)" >&2; exit 1; }
for c in jq curl sqlite3 python3; do command -v $c >/dev/null || { echo "$c is required" >&2; exit 1; }; done
bash "$ROOT/tests/support/make-test-image.sh" >/dev/null

WORK=$(mktemp -d /tmp/lightd-meterbench.XXXXXX)
TOKEN="lightd_bench_$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
PREFIX="mbench$$"
DAEMON_PID="" STATS_PID="" PANEL_PID=""
HZ=$(getconf CLK_TCK)

cleanup() {
    set +e
    [ -n "$STATS_PID" ] && kill "$STATS_PID" 2>/dev/null
    [ -n "$PANEL_PID" ] && kill "$PANEL_PID" 2>/dev/null
    [ -n "$DAEMON_PID" ] && kill "$DAEMON_PID" 2>/dev/null && wait "$DAEMON_PID" 2>/dev/null
    ids=$(docker ps -aq --filter "name=lightd-${PREFIX}-")
    [ -n "$ids" ] && docker rm -f $ids >/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

config() { # monitoring_enabled remote_json
    cat >"$WORK/config.json" <<JSON
{"server": {"host": "127.0.0.1", "port": 0, "access_log": false},
 "authorization": {"token": "$TOKEN"},
 "network": {"manage_firewall": false},
 "sftp": {"enabled": false},
 "monitoring": {"enabled": $1, "interval_ms": 1000},
 "remote": $2}
JSON
}

start_daemon() {
    PORT=""
    (cd "$WORK" && exec "$BIN" --config "$WORK/config.json" >"$WORK/daemon.log" 2>&1) &
    DAEMON_PID=$!
    for _ in $(seq 1 200); do
        PORT=$(grep -oE 'listening on [^ ]+:[0-9]+' "$WORK/daemon.log" 2>/dev/null | head -1 | grep -oE '[0-9]+$' || true)
        [ -n "${PORT:-}" ] && break
        sleep 0.1
    done
    [ -n "${PORT:-}" ] || { cat "$WORK/daemon.log"; exit 1; }
    B="http://127.0.0.1:$PORT"
    for _ in $(seq 1 200); do
        [ "$(api GET /system/metrics | jq -r '.docker_available // false' 2>/dev/null)" = true ] && break
        sleep 0.1
    done
}
stop_daemon() { kill "$DAEMON_PID"; wait "$DAEMON_PID" 2>/dev/null || true; DAEMON_PID=""; }
api() { curl -s -X "$1" -H "Authorization: Bearer $TOKEN" -H "Accept: Application/vnd.pkglatv1+json" "$B$2" "${@:3}"; }

ticks() { # total utime+stime of the given pids, in clock ticks
    local t=0
    for p in "$@"; do
        [ -r /proc/$p/stat ] && t=$((t + $(awk '{print $14 + $15}' /proc/$p/stat)))
    done
    echo $t
}
engine_pids() { pgrep -x dockerd; pgrep -x containerd; pgrep -f containerd-shim || true; }

rss_kb() { awk '/^VmRSS/ { print $2 }' /proc/$1/status; }
measure() { # label extra_pids... -> prints "label lightd_pct engine_pct extra_pct lightd_rss_kb"
    local label=$1; shift
    local e0 l0 x0 e1 l1 x1
    local engine; engine=$(engine_pids | tr '\n' ' ')
    e0=$(ticks $engine); l0=$(ticks "$DAEMON_PID"); x0=$(ticks "$@")
    sleep "$T"
    e1=$(ticks $engine); l1=$(ticks "$DAEMON_PID"); x1=$(ticks "$@")
    awk -v l=$((l1 - l0)) -v e=$((e1 - e0)) -v x=$((x1 - x0)) -v hz="$HZ" -v t="$T" -v n="$label" \
        -v rss="$(rss_kb "$DAEMON_PID")" 'BEGIN { printf "%s %.3f %.3f %.3f %d\n", n, 100*l/hz/t, 100*e/hz/t, 100*x/hz/t, rss }'
}

# --- N running containers managed by lightd ---
config false '{"enabled": false}'
start_daemon
VOL=$(api POST /volumes | jq -r .volume_id)
echo "creating $N containers..." >&2
for i in $(seq 1 "$N"); do
    api POST /containers -d "{\"internal_id\":\"$PREFIX-$i\",\"image\":\"$IMAGE\",\"volume_id\":\"$VOL\",\"startup_command\":\"sleep 86400\"}" >/dev/null
done
for i in $(seq 1 "$N"); do
    until [ "$(api GET /containers/$PREFIX-$i | jq -r .install_state)" = ready ]; do sleep 0.2; done
    api POST /containers/$PREFIX-$i/start >/dev/null
done
for i in $(seq 1 "$N"); do
    until [ "$(api GET /containers/$PREFIX-$i | jq -r .install_state)" = running ]; do sleep 0.2; done
done
echo "$N containers running" >&2
# The engine is still busy for a while after N starts (measured: 9% of a core in the first minute
# against 3-4% later): phase A, the baseline, waits until that has passed.
sleep "${SETTLE_S:-30}"
echo "phase A (monitoring off), ${T}s..." >&2
A=$(measure A)

stop_daemon
config true '{"enabled": false}'
start_daemon
sleep 5
echo "phase B (monitoring on, 1000 ms), ${T}s..." >&2
ROWS0=$(sqlite3 "$WORK/data/lightd.db" "SELECT COUNT(*) FROM usage_samples")
B_=$(measure B)
ROWS1=$(sqlite3 "$WORK/data/lightd.db" "SELECT COUNT(*) FROM usage_samples")

stop_daemon
config false '{"enabled": false}'
start_daemon
sleep 5
IDS=$(docker ps -q --filter "name=lightd-${PREFIX}-" | tr '\n' ' ')
python3 "$ROOT/bench/metering/stats_streams.py" "$SOCK" $IDS &
STATS_PID=$!
sleep 5
echo "phase C (one stats stream per container), ${T}s..." >&2
C=$(measure C "$STATS_PID")
kill "$STATS_PID"; STATS_PID=""

read -r _ la ea _ ra <<<"$A"
read -r _ lb eb _ rb <<<"$B_"
read -r _ lc ec xc rc <<<"$C"
SAMPLE_BYTES=$(sqlite3 "$WORK/data/lightd.db" "SELECT SUM(pgsize) FROM dbstat WHERE name='usage_samples'")
ROWS=$(sqlite3 "$WORK/data/lightd.db" "SELECT COUNT(*) FROM usage_samples")
stop_daemon

# --- outbox ---
python3 "$ROOT/tests/support/panel.py" >"$WORK/panel.out" &
PANEL_PID=$!
until [ -s "$WORK/panel.out" ]; do sleep 0.1; done
PPORT=$(head -1 "$WORK/panel.out")
REMOTE="{\"enabled\": true, \"url\": \"http://127.0.0.1:$PPORT\", \"token\": \"lightd_remote_bench_000000\"}"
# Bench only: a trigger copies each event's id and created_ms, so the delay to the panel can be measured.
sqlite3 "$WORK/data/lightd.db" "CREATE TABLE bench_created (id TEXT PRIMARY KEY, created_ms INTEGER);
  CREATE TRIGGER bench_created_t AFTER INSERT ON outbox BEGIN
    INSERT OR REPLACE INTO bench_created VALUES (json_extract(CAST(NEW.body AS TEXT), '\$.id'), NEW.created_ms);
  END;"
delays() { # server-filter ('' = all but the backlog) -> "count events/s p50_ms p99_ms max_ms"
    curl -s "http://127.0.0.1:$PPORT/_events" >"$WORK/events.json"
    sqlite3 -json "$WORK/data/lightd.db" "SELECT id, created_ms FROM bench_created" >"$WORK/created.json"
    python3 - "$WORK/events.json" "$WORK/created.json" "$1" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
raw = open(sys.argv[2]).read().strip()
created = {r["id"]: r["created_ms"] for r in json.loads(raw)} if raw else {}
want = sys.argv[3]
pairs = [(x, e) for e, x in zip(d["events"], d["times"])
         if (e.get("server") == want if want else e.get("server") != "bench")]
t = [x for x, _ in pairs]
lat = sorted(x * 1000 - created[e["id"]] for x, e in pairs if e.get("id") in created)
p = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))] if lat else float("nan")
rate = (len(t) - 1) / (t[-1] - t[0]) if len(t) > 1 and t[-1] > t[0] else float("nan")
print("%d %.0f %.1f %.1f %.1f" % (len(t), rate, p(0.5), p(0.99), lat[-1] if lat else float("nan")))
PY
}

# D: live billing events, one per container per tick
config true "$REMOTE"
start_daemon
echo "phase D (monitoring on, remote sync live), ${T}s..." >&2
sleep "$T"
read -r LIVE_N LIVE_RATE LIVE_P50 LIVE_P99 LIVE_MAX <<<"$(delays '')"
stop_daemon
docker rm -f $(docker ps -aq --filter "name=lightd-${PREFIX}-") >/dev/null

# E: 10,000 events queued while the daemon was down, drained at start
curl -s -X POST "http://127.0.0.1:$PPORT/_reset" >/dev/null
python3 - "$WORK/data/lightd.db" <<'PY'
import json, sqlite3, sys, time, uuid
db = sqlite3.connect(sys.argv[1])
db.execute("DELETE FROM outbox")
now = int(time.time() * 1000)
db.executemany("INSERT INTO outbox (kind, body, created_ms) VALUES (0, ?, ?)",
               [(json.dumps({"id": str(uuid.uuid4()), "event": "update", "server": "bench", "status": "ready", "n": i}), now)
                for i in range(10000)])
db.commit()
PY
config false "$REMOTE"
QUEUED_AT=$(date +%s.%N)
start_daemon
until [ "$(api GET /remote/status | jq -r .pending_events)" = 0 ]; do sleep 0.2; done
read -r OUT_N OUT_RATE OUT_P50 OUT_P99 OUT_MAX <<<"$(delays bench)"
INORDER=$(curl -s "http://127.0.0.1:$PPORT/_events" | python3 -c '
import json, sys
n = [e["n"] for e in json.load(sys.stdin)["events"] if e.get("server") == "bench"]
print("in order, no repeats" if n == sorted(set(n)) and len(n) == 10000 else "NOT in order or incomplete (%d)" % len(n))')
stop_daemon

echo "load: $(uptime)"
awk -v n="$N" -v t="$T" -v la="$la" -v ea="$ea" -v lb="$lb" -v eb="$eb" -v lc="$lc" -v ec="$ec" -v xc="$xc" \
    -v ra="$ra" -v rb="$rb" -v rc="$rc" -v rows="$ROWS" -v bytes="$SAMPLE_BYTES" -v r0="$ROWS0" -v r1="$ROWS1" \
    -v ln="$LIVE_N" -v lrate="$LIVE_RATE" -v l50="$LIVE_P50" -v l99="$LIVE_P99" -v lmax="$LIVE_MAX" \
    -v on="$OUT_N" -v orate="$OUT_RATE" -v o50="$OUT_P50" -v o99="$OUT_P99" -v omax="$OUT_MAX" -v inorder="$INORDER" 'BEGIN {
    printf "containers %d, window %d s per phase; CPU in %% of one core\n", n, t
    printf "phase                          lightd   engine   script   lightd RSS\n"
    printf "A monitoring off               %6.2f   %6.2f            %6.1f MB\n", la, ea, ra / 1024
    printf "B monitoring on (1000 ms)      %6.2f   %6.2f            %6.1f MB\n", lb, eb, rb / 1024
    printf "C stats stream per container   %6.2f   %6.2f   %6.2f   %6.1f MB\n", lc, ec, xc, rc / 1024
    mb = (lb - la) + (eb - ea); sc = (lc - la) + (ec - ea) + xc
    printf "metering cost (B-A): lightd %+.2f%%, engine %+.2f%%  (lightd CPU per tick: %.2f ms)\n", lb - la, eb - ea, (lb - la) * 10
    printf "stats-stream cost (C-A): engine %+.2f%%, script %.2f%%, total %.2f%%\n", ec - ea, xc, sc
    if (mb > 0) printf "ratio stats-stream / metering: %.1fx\n", sc / mb; else printf "ratio: metering not measurable above noise\n"
    printf "samples: %d rows written in the %d s window (%.2f per container-second)\n", r1 - r0, t, (r1 - r0) / n / t
    bpr = bytes / rows
    printf "SQLite: %.1f bytes per sample; per container-day %.0f KB at 1000 ms, %.0f KB at the default 60000 ms\n", bpr, bpr * 86400 / 1024, bpr * 1440 / 1024
    printf "outbox live (D): %d billing events, %s events/s, delay row->panel p50 %s ms, p99 %s ms, max %s ms\n", ln, lrate, l50, l99, lmax
    printf "outbox backlog (E): %d events drained at %s events/s (%s); delay from queueing p50 %s ms, p99 %s ms\n", on, orate, inorder, o50, o99
}'
