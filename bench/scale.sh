#!/usr/bin/env bash
# Scale benchmark (issue 17): for each N, the same burst done on the same engine, raw and through
# lightd, ROUNDS times each on the same containers (killed between rounds); the median is reported.
# One burst varies by +-15% here, so a single pair cannot show a 15% target.
#
#   raw:    N concurrent POST /containers/create on the engine's socket (curl --unix-socket), then
#           N concurrent POST /containers/:id/start; time from the start burst to all N running, and
#           how many raw calls took longer than docker.timeout_s (they would have timed out in lightd
#           without its admission queue). Done twice:
#             same:  containers made exactly as lightd makes them (the Config and HostConfig of one it
#                    created, read back with docker inspect, without its labels: tini as PID 1, open
#                    stdin, the local log driver, the volume's bind mount, the hardening). The ratio
#                    against this one is lightd's own cost: the same containers, the same burst.
#             plain: `sleep` with only the memory and CPU limits (what the engine alone costs for the
#                    least it can start; the difference to `same` is what the container spec costs
#                    the engine, not lightd).
#   lightd: N concurrent POST /containers, wait until all are `ready`, then N concurrent
#           POST /containers/:id/start; time from the start burst to GET /containers saying all
#           `running`. lightd's CPU over the burst.
# Then, with the N lightd containers running:
#   - wrong states: lightd's GET /containers against docker inspect (State.Running), after the burst
#     and again after the idle window (must be 0);
#   - idle: dockerd + containerd CPU (utime+stime from /proc/<pid>/stat) over IDLE_S s with no
#     viewer, lightd's CPU and RSS over the same window; the same engine figure with lightd stopped;
#   - GET /containers p50/p99 (REQS sequential requests, curl's time_total);
#   - restart: time from launching the daemon to listening and to every container's state known
#     (GET /containers shows all N `running`).
# Every container it made (lightd's "lightd-<prefix>-*" and the raw "<prefix>-raw-*") is removed.
#
# Usage: bench/scale.sh   (env: NS="50 100 200"; CONCURRENCY = docker.max_concurrent_calls, default 0
#                          = automatic; TIMEOUT_S = docker.timeout_s, default 30; IDLE_S, default 20;
#                          REQS, default 200; ROUNDS, default 3; LIGHTD_BINARY, default build/daemon/lightd;
#                          IMAGE)
set -euo pipefail
export LC_ALL=C # sort and join agree

NS=${NS:-50 100 200}
CONCURRENCY=${CONCURRENCY:-0}
TIMEOUT_S=${TIMEOUT_S:-30}
IDLE_S=${IDLE_S:-20}
REQS=${REQS:-200}
ROUNDS=${ROUNDS:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${LIGHTD_BINARY:-$ROOT/build/daemon/lightd}
IMAGE=${IMAGE:-lightd-test:busybox}
SOCK=${DOCKER_SOCK:-/var/run/docker.sock}
MEM=$((32 * 1024 * 1024))
[ -x "$BIN" ] || { echo "lightd binary not found (set LIGHTD_BINARY)" >&2; exit 1; }
for c in jq curl docker awk; do command -v $c >/dev/null || { echo "$c is required" >&2; exit 1; }; done
bash "$ROOT/tests/support/make-test-image.sh" >/dev/null

WORK=$(mktemp -d /tmp/lightd-scalebench.XXXXXX)
TOKEN="lightd_bench_$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
PREFIX="sbench$$"
DAEMON_PID=""
HZ=$(getconf CLK_TCK)
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

remove_all() { # removes this run's containers, lightd's and raw ones, 20 at a time
    docker ps -aq --filter "name=lightd-${PREFIX}-" --filter "name=${PREFIX}-raw-" |
        xargs -r -n 20 docker rm -f >/dev/null 2>&1 || true
}
cleanup() {
    set +e
    [ -n "$DAEMON_PID" ] && kill "$DAEMON_PID" 2>/dev/null && wait "$DAEMON_PID" 2>/dev/null
    remove_all
    rm -rf "$WORK"
}
trap cleanup EXIT

cat >"$WORK/config.json" <<JSON
{"server": {"host": "127.0.0.1", "port": 0, "access_log": false},
 "authorization": {"token": "$TOKEN"},
 "network": {"manage_firewall": false},
 "sftp": {"enabled": false},
 "monitoring": {"enabled": false},
 "docker": {"timeout_s": $TIMEOUT_S, "max_concurrent_calls": $CONCURRENCY},
 "remote": {"enabled": false}}
JSON

start_daemon() { # sets DAEMON_PID, PORT, B and LISTEN_S (seconds until listening)
    local t0; t0=$(now)
    PORT=""
    (cd "$WORK" && exec "$BIN" --config "$WORK/config.json" >>"$WORK/daemon.log" 2>&1) &
    DAEMON_PID=$!
    for _ in $(seq 1 2000); do
        PORT=$(grep -oE 'listening on [^ ]+:[0-9]+' "$WORK/daemon.log" 2>/dev/null | tail -1 | grep -oE '[0-9]+$' || true)
        [ -n "${PORT:-}" ] && break
        sleep 0.01
    done
    [ -n "${PORT:-}" ] || { cat "$WORK/daemon.log"; exit 1; }
    B="http://127.0.0.1:$PORT"
    LISTEN_S=$(since "$t0")
}
stop_daemon() { kill "$DAEMON_PID"; wait "$DAEMON_PID" 2>/dev/null || true; DAEMON_PID=""; : >"$WORK/daemon.log"; }
api() { curl -s -X "$1" -H "Authorization: Bearer $TOKEN" -H "Accept: Application/vnd.pkglatv1+json" "$B$2" "${@:3}"; }
engine() { curl -s --unix-socket "$SOCK" -X "$1" "http://localhost/v1.41$2" "${@:3}"; }
count_state() { api GET /containers | jq --arg p "$PREFIX-" --arg s "$1" \
    '[.containers[] | select((.internal_id | startswith($p)) and .install_state == $s)] | length'; }
wait_count() { # state n timeout_s -> 0 when n containers are in state before the deadline
    local end=$(($(date +%s) + $3))
    until [ "$(count_state "$1")" -eq "$2" ]; do
        [ "$(date +%s)" -lt "$end" ] || return 1
        sleep 0.2
    done
}
ticks() { # total utime+stime of the given pids, in clock ticks
    local t=0
    for p in "$@"; do [ -r /proc/$p/stat ] && t=$((t + $(awk '{print $14 + $15}' /proc/$p/stat))); done
    echo $t
}
pct() { awk -v t="$1" -v s="$2" -v hz="$HZ" 'BEGIN { printf "%.2f", 100 * t / hz / s }'; }
rss_mb() { awk '/^VmRSS/ { printf "%.1f", $2 / 1024 }' /proc/$1/status; }
engine_pids() { pgrep -x dockerd; pgrep -x containerd; }
wrong_states() { # lightd's state vs docker inspect: running in one and not the other, or unknown
    api GET /containers | jq -r --arg p "$PREFIX-" \
        '.containers[] | select(.internal_id | startswith($p)) | "lightd-\(.internal_id) \(.install_state)"' \
        | sort >"$WORK/lightd.txt"
    docker ps -aq --filter "name=lightd-${PREFIX}-" | xargs -r docker inspect --format '{{.Name}} {{.State.Running}}' \
        | sed 's#^/##' | sort >"$WORK/engine.txt"
    join -a1 -a2 -e missing -o 0,1.2,2.2 "$WORK/lightd.txt" "$WORK/engine.txt" |
        awk '!(($2 == "running" && $3 == "true") || ($2 != "running" && $2 != "starting" && $3 == "false"))' |
        tee "$WORK/wrong.txt" | wc -l
}

echo "machine: $(nproc) cores, $(free -m | awk '/^Mem:/ { print $7 " MB available" }'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "config: docker.max_concurrent_calls=$CONCURRENCY docker.timeout_s=$TIMEOUT_S, image $IMAGE, ${MEM} B / 0.1 CPU each"
printf '%-5s %-8s %-8s %-6s %-8s %-6s %-7s %-6s %-9s %-9s %-9s %-8s %-9s %-9s %-9s %-9s %-8s %-8s\n' \
    N raw_s lightd_s ratio raw_pl_s ratio_p raw_gt_to wrong lightd_cpu lightd_rss engine_idle eng_idle0 lightd_idl list_p50 list_p99 listen_s known_s load1
for N in $NS; do
    # --- the containers lightd makes, read back so the raw side can make the same ---
    start_daemon
    VOL=$(api POST /volumes | jq -r .volume_id)
    api POST /containers -d "{\"internal_id\":\"$PREFIX-probe\",\"image\":\"$IMAGE\",\"volume_id\":\"$VOL\",\
\"startup_command\":\"sleep 86400\",\"limits\":{\"memory\":$MEM,\"cpu\":0.1}}" >/dev/null
    wait_count ready 1 120 || { echo "N=$N: the probe container is not ready" >&2; exit 1; }
    docker inspect "lightd-$PREFIX-probe" | jq -c '.[0] | {Image: .Config.Image, Entrypoint: .Config.Entrypoint,
        Cmd: .Config.Cmd, WorkingDir: .Config.WorkingDir, Env: .Config.Env, Tty: .Config.Tty,
        OpenStdin: .Config.OpenStdin, StdinOnce: .Config.StdinOnce, AttachStdin: .Config.AttachStdin,
        AttachStdout: .Config.AttachStdout, AttachStderr: .Config.AttachStderr, HostConfig: .HostConfig}' \
        >"$WORK/same.json"
    stop_daemon # the probe stays until the raw bursts are done: they run its entrypoint script
    echo "{\"Image\":\"$IMAGE\",\"Cmd\":[\"sleep\",\"86400\"],\"HostConfig\":{\"Memory\":$MEM,\"NanoCpus\":100000000}}" \
        >"$WORK/plain.json"

    # --- raw Docker: the same burst on the socket, with the same containers and with plain ones ---
    raw_running() { docker ps -q --filter "name=${PREFIX}-raw-" --filter status=running | wc -l; }
    for kind in same plain; do
        seq 1 "$N" | xargs -P "$N" -I{} curl -s -o /dev/null --unix-socket "$SOCK" -X POST \
            -H 'Content-Type: application/json' "http://localhost/v1.41/containers/create?name=$PREFIX-raw-{}" \
            -d "@$WORK/$kind.json"
        rounds=$ROUNDS times=()
        [ $kind = plain ] && rounds=1
        : >"$WORK/raw-times.txt"
        for r in $(seq 1 "$rounds"); do
            if [ "$r" -gt 1 ]; then # the same containers again, killed (as lightd's are between rounds)
                seq 1 "$N" | xargs -P "$N" -I{} curl -s -o /dev/null --unix-socket "$SOCK" -X POST \
                    "http://localhost/v1.41/containers/$PREFIX-raw-{}/kill"
                end=$(($(date +%s) + 120))
                until [ "$(raw_running)" -eq 0 ] || [ "$(date +%s)" -ge "$end" ]; do sleep 0.2; done
            fi
            t0=$(now)
            seq 1 "$N" | xargs -P "$N" -I{} curl -s -o /dev/null -w '%{time_total}\n' --unix-socket "$SOCK" -X POST \
                "http://localhost/v1.41/containers/$PREFIX-raw-{}/start" >>"$WORK/raw-times.txt"
            end=$(($(date +%s) + 600))
            until [ "$(raw_running)" -eq "$N" ]; do
                [ "$(date +%s)" -lt "$end" ] || { echo "N=$N: raw $kind containers not all running after 600 s" >&2; break; }
                sleep 0.2
            done
            times+=("$(since "$t0")")
        done
        if [ $kind = same ]; then
            RAW=$(median "${times[@]}") RAW_ALL=${times[*]}
            RAW_SLOW=$(awk -v t="$TIMEOUT_S" '$1 > t' "$WORK/raw-times.txt" | wc -l)
        else
            RAW_PLAIN=${times[0]}
        fi
        remove_all
    done
    rm -rf "$WORK/data"

    # --- lightd: the same burst through the REST API ---
    start_daemon
    VOL=$(api POST /volumes | jq -r .volume_id)
    seq -w 1 "$N" | xargs -P "$N" -I{} curl -s -o /dev/null -X POST -H "Authorization: Bearer $TOKEN" \
        -H "Accept: Application/vnd.pkglatv1+json" "$B/containers" -d "{\"internal_id\":\"$PREFIX-{}\",\
\"image\":\"$IMAGE\",\"volume_id\":\"$VOL\",\"startup_command\":\"sleep 86400\",\"limits\":{\"memory\":$MEM,\"cpu\":0.1}}"
    wait_count ready "$N" 600 || { echo "N=$N: not all ready" >&2; exit 1; }
    power() { # action: the burst of N power calls
        seq -w 1 "$N" | xargs -P "$N" -I{} curl -s -o /dev/null -X POST -H "Authorization: Bearer $TOKEN" \
            -H "Accept: Application/vnd.pkglatv1+json" "$B/containers/$PREFIX-{}/$1"
    }
    times=() cpus=()
    for r in $(seq 1 "$ROUNDS"); do
        if [ "$r" -gt 1 ]; then
            power kill
            wait_count ready "$N" 120 || { echo "N=$N: not all ready after the kill" >&2; exit 1; }
        fi
        l0=$(ticks "$DAEMON_PID")
        t0=$(now)
        power start
        wait_count running "$N" 600 || echo "N=$N: not all running after 600 s: $(count_state running)" >&2
        times+=("$(since "$t0")")
        cpus+=("$(pct $(($(ticks "$DAEMON_PID") - l0)) "${times[-1]}")")
    done
    LIGHTD=$(median "${times[@]}") LIGHTD_ALL=${times[*]}
    LCPU=$(median "${cpus[@]}")
    WRONG=$(wrong_states)

    # --- idle, no viewer ---
    sleep 2
    ep=$(engine_pids | tr '\n' ' ')
    e0=$(ticks $ep) l0=$(ticks "$DAEMON_PID")
    sleep "$IDLE_S"
    EIDLE=$(pct $(($(ticks $ep) - e0)) "$IDLE_S")
    LIDLE=$(pct $(($(ticks "$DAEMON_PID") - l0)) "$IDLE_S")
    RSS=$(rss_mb "$DAEMON_PID")
    WRONG=$((WRONG + $(wrong_states)))

    # --- GET /containers latency ---
    for _ in $(seq 1 "$REQS"); do
        curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" \
            -H "Accept: Application/vnd.pkglatv1+json" "$B/containers"
    done | sort -n >"$WORK/list.txt"
    P50=$(awk -v n="$REQS" 'NR == int(n * 0.50 + 0.5) { printf "%.2f", $1 * 1000 }' "$WORK/list.txt")
    P99=$(awk -v n="$REQS" 'NR == int(n * 0.99 + 0.5) { printf "%.2f", $1 * 1000 }' "$WORK/list.txt")

    # --- the engine with lightd stopped, then restart -> every state known ---
    stop_daemon
    e0=$(ticks $ep)
    sleep "$IDLE_S"
    EIDLE0=$(pct $(($(ticks $ep) - e0)) "$IDLE_S")
    t0=$(now)
    start_daemon
    LISTEN=$LISTEN_S
    wait_count running "$N" 120 || echo "N=$N: after restart $(count_state running) running" >&2
    KNOWN=$(since "$t0")
    WRONG=$((WRONG + $(wrong_states)))

    RATIO=$(awk -v a="$LIGHTD" -v b="$RAW" 'BEGIN { printf "%.2f", a / b }')
    RATIO_PLAIN=$(awk -v a="$LIGHTD" -v b="$RAW_PLAIN" 'BEGIN { printf "%.2f", a / b }')
    printf '%-5s %-8s %-8s %-6s %-8s %-6s %-7s %-6s %-9s %-9s %-9s %-8s %-9s %-9s %-9s %-9s %-8s %-8s\n' \
        "$N" "$RAW" "$LIGHTD" "$RATIO" "$RAW_PLAIN" "$RATIO_PLAIN" "$RAW_SLOW" "$WRONG" "$LCPU%" "${RSS}MB" "$EIDLE%" "$EIDLE0%" "$LIDLE%" \
        "${P50}ms" "${P99}ms" "$LISTEN" "$KNOWN" "$(cut -d' ' -f1 /proc/loadavg)"
    echo "  N=$N bursts (s): raw same ${RAW_ALL}; lightd ${LIGHTD_ALL}"
    [ -s "$WORK/wrong.txt" ] && sed 's/^/  wrong: /' "$WORK/wrong.txt" >&2
    stop_daemon
    remove_all
    rm -rf "$WORK/data"
done
cat <<'EOF'
raw_s / lightd_s: burst of N start calls to all N running, raw with the same containers lightd makes,
the median of ROUNDS bursts each (the same containers, killed between rounds);
ratio lightd / raw (target <= 1.15). raw_pl_s / ratio_p: the raw burst with plain `sleep` containers
(the engine's cost of lightd's container spec shows as ratio_p - ratio). raw_gt_to: raw start calls that took longer than docker.timeout_s. wrong: states differing from the
engine after the burst, after idle and after restart (target 0). lightd_cpu: lightd over the burst.
engine_idle: dockerd+containerd over IDLE_S s with N running, no viewer (target < 2% at 200);
eng_idle0: the same with lightd stopped. lightd_idl / lightd_rss: lightd idle CPU, RSS (< 40 MB at 200).
list_p50/p99: GET /containers (target p99 < 5 ms at 200). listen_s / known_s: restart to listening /
to every state known.
EOF
