#!/usr/bin/env bash
# WebSocket fan-out benchmark: one container prints timestamped, numbered lines ("t:<us> <seq>") at
# RATE lines/s; V viewers (10, 100, 500) follow it on lightd and, in the same run and on the same
# container, on the gin-peer (gin + gorilla/websocket, one Docker log stream). A raw epoll load
# client (bench/fanout/loadclient.cpp) opens the V viewers (open_ms), then takes the lines printed
# in the next SECONDS: lines delivered per viewer (of `produced`), lines lost (never delivered, all
# viewers) and p50/p99 latency from print time to receipt. For each server: CPU seconds used during
# the run (/proc/<pid>/stat utime+stime) and per delivered line (the peer delivers fewer when it
# falls behind), peak RSS (VmHWM, since the server started) and the Docker streams it holds (lightd:
# GET /system/metrics; the peer holds one log stream by construction). Also the load client's own CPU (near
# one core it, not the server, limits what is seen) and the 1-minute load average: the machine may
# be shared, so compare rows of one run and run it more than once.
# Usage: bench/fanout.sh [build-dir]   (env: RATE=2000 SECONDS_PER_RUN=5 VIEWERS="10 100 500")
#   The build dir is this benchmark's own (default build-fanout, Release); lightd is rebuilt in it.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-$ROOT/build-fanout}
RATE=${RATE:-2000}
SECS=${SECONDS_PER_RUN:-5}
VIEWERS=${VIEWERS:-10 100 500}
BIN=$BUILD/daemon/lightd
PEER_SRC=${PEER_SRC:-/work/shared/bench/gin-peer}

[[ -f $BUILD/CMakeCache.txt ]] || cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DLIGHTD_BUILD_GUI=OFF >/dev/null
cmake --build "$BUILD" -j2 --target lightd >/dev/null # never measure a stale binary

WORK=$(mktemp -d)
PID= PEER_PID= NAME=
cleanup() {
    set +e # a killed server makes wait return non-zero: keep cleaning
    [[ -n $PEER_PID ]] && kill "$PEER_PID" 2>/dev/null && wait "$PEER_PID" 2>/dev/null
    [[ -n $NAME ]] && curl -s "${AUTH[@]}" -X DELETE "$BASE/containers/$NAME" >/dev/null 2>&1
    [[ -n $PID ]] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null
    [[ -n $NAME ]] && docker rm -f "lightd-$NAME" >/dev/null 2>&1
    rm -rf "$WORK"
}
trap cleanup EXIT

g++ -O2 -std=c++17 -o "$WORK/loadclient" "$ROOT/bench/fanout/loadclient.cpp"
mkdir -p "$WORK/peer" && cp "$PEER_SRC/main.go" "$WORK/peer/"
(cd "$WORK/peer" && GO111MODULE=off GOPATH=/usr/share/gocode go build -o gin-peer .)
bash "$ROOT/tests/support/make-test-image.sh"

TOKEN="lightd_bench_$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
freeport() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PORT=$(freeport)
PEER_PORT=$(freeport)
cat >"$WORK/config.json" <<JSON
{"server":{"host":"127.0.0.1","port":$PORT,"access_log":false,"max_connections_per_ip":2000},
 "authorization":{"token":"$TOKEN"},
 "network":{"manage_firewall":false},
 "websocket":{"max_viewers_per_container":1000},
 "sftp":{"enabled":false,"port":2022},
 "storage":{"base_path":"$WORK/data"}}
JSON
"$BIN" --config "$WORK/config.json" >"$WORK/daemon.log" 2>&1 &
PID=$!
BASE=http://127.0.0.1:$PORT
AUTH=(-H "Authorization: Bearer $TOKEN" -H "Accept: Application/vnd.pkglatv1+json")
for _ in $(seq 100); do curl -sf "$BASE/health" >/dev/null && break; sleep 0.1; done
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

# the producer: RATE/100 lines every 10 ms, each with its print time (bash $EPOCHREALTIME, no fork)
read -r -d '' PRODUCER <<SH || true
mkfifo /tmp/.t 2>/dev/null; exec 9<>/tmp/.t
echo "Server ready"
i=0; batch=$((RATE / 100)); next=\${EPOCHREALTIME/./}
while :; do
  for ((k = 0; k < batch; k++)); do i=\$((i + 1)); echo "t:\${EPOCHREALTIME/./} \$i"; done
  next=\$((next + 10000)); d=\$((next - \${EPOCHREALTIME/./}))
  if ((d > 0)); then printf -v s '0.%06d' "\$d"; read -t "\$s" -u 9 _; fi
done
SH
VOL=$(curl -sf "${AUTH[@]}" -X POST "$BASE/volumes" | json 'd["volume_id"]')
python3 -c 'import json,sys; print(json.dumps({"path":"producer.sh","content":sys.stdin.read()}))' <<<"$PRODUCER" \
    | curl -sf "${AUTH[@]}" -H 'Content-Type: application/json' -X POST "$BASE/volumes/$VOL/files" -d @- >/dev/null
NAME=fanout-bench-$$
curl -sf "${AUTH[@]}" -H 'Content-Type: application/json' -X POST "$BASE/containers" -d @- >/dev/null <<JSON
{"internal_id":"$NAME","image":"lightd-test:busybox","volume_id":"$VOL",
 "startup_command":"bash /home/container/producer.sh","start_pattern":"Server ready"}
JSON
state() { curl -sf "${AUTH[@]}" "$BASE/containers/$NAME" | json 'd["install_state"]'; }
for _ in $(seq 300); do [[ $(state) == ready ]] && break; sleep 0.2; done
curl -sf "${AUTH[@]}" -X POST "$BASE/containers/$NAME/start" >/dev/null
for _ in $(seq 300); do [[ $(state) == running ]] && break; sleep 0.2; done

PEER_ADDR=127.0.0.1:$PEER_PORT
PEER_ADDR=$PEER_ADDR PEER_TOKEN=$TOKEN PEER_CONTAINER=lightd-$NAME "$WORK/peer/gin-peer" >"$WORK/peer.log" 2>&1 &
PEER_PID=$!
for _ in $(seq 100); do curl -s -o /dev/null "http://$PEER_ADDR/containers" && break; sleep 0.1; done
sleep 1 # both servers following the stream

TICK=$(getconf CLK_TCK)
cpu() { awk -v t="$TICK" '{ printf "%.2f", ($14 + $15) / t }' "/proc/$1/stat"; }
hwm() { awk '/VmHWM/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }
streams_lightd() { curl -sf "${AUTH[@]}" "$BASE/system/metrics" | json 'str(d["docker_streams"]["attach"]) + "+" + str(d["docker_streams"]["stats"])'; }

load1() { cut -d' ' -f1 /proc/loadavg; }

printf '%s lines/s, lines printed in %ss per run; lines/vw = of those, received per viewer; lost = never received (all viewers)\n' "$RATE" "$SECS"
printf 'us/line = server CPU per line delivered; client = load client CPU s; load = 1-min load average at the end of the row\n'
row='%-9s %5s %7s %9s %9s %8s %6s %8s %8s %7s %7s %7s %-9s %6s %5s\n'
printf "$row" server V open_ms produced lines/vw minlines lost p50_ms p99_ms cpu_s us/line rss_mb streams client load
for V in $VIEWERS; do
    for server in lightd gin-peer; do
        if [[ $server == lightd ]]; then
            pid=$PID host=127.0.0.1 port=$PORT path="/ws/$NAME?token=$TOKEN"
        else
            pid=$PEER_PID host=127.0.0.1 port=$PEER_PORT path="/ws/$NAME?token=$TOKEN"
        fi
        c0=$(cpu "$pid")
        TIMEFORMAT='%U %S'
        { time "$WORK/loadclient" "$host" "$port" "$path" "$V" "$SECS" >"$WORK/lc.out"; } 2>"$WORK/lc.time"
        out=$(cat "$WORK/lc.out")
        c1=$(cpu "$pid")
        if [[ $server == lightd ]]; then st=$(streams_lightd); else st="1(logs)"; fi
        eval "$(tr ' ' '\n' <<<"$out" | sed 's/^/r_/')"
        used=$(awk -v a="$c0" -v b="$c1" 'BEGIN { printf "%.2f", b - a }')
        perline=$(awk -v c="$used" -v l="$r_lines_avg" -v v="$V" 'BEGIN { printf "%.1f", (l > 0 ? c * 1e6 / (l * v) : 0) }')
        client=$(awk '{ printf "%.2f", $1 + $2 }' "$WORK/lc.time")
        printf "$row" "$server" "$V" "$r_open_ms" "$r_produced" "$r_lines_avg" "$r_lines_min" "$r_gaps" "$r_p50_ms" "$r_p99_ms" \
            "$used" "$perline" "$(hwm "$pid")" "$st" "$client" "$(load1)"
        sleep 1 # the viewers of the last run are gone
    done
done
