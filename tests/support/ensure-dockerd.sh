#!/usr/bin/env bash
# Makes sure a Docker engine answers on /var/run/docker.sock; starts dockerd in the background if not.
# Idempotent: does nothing when `docker info` already works. Needs root to start the engine.
set -euo pipefail

LOG=${LIGHTD_DOCKERD_LOG:-/var/log/lightd-dockerd.log}
DEADLINE=${LIGHTD_DOCKERD_DEADLINE:-60}

engine_up() { docker info >/dev/null 2>&1; }

if engine_up; then
    exit 0
fi

if ! command -v dockerd >/dev/null 2>&1; then
    echo "ensure-dockerd: dockerd is not installed (apt-get install docker.io)" >&2
    exit 1
fi

# Another caller may already be starting it; only start our own when no dockerd process exists.
if ! pgrep -x dockerd >/dev/null 2>&1; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "ensure-dockerd: engine is down and starting dockerd needs root" >&2
        exit 1
    fi
    # A stale pid file from a killed engine makes dockerd refuse to start.
    if [ -f /var/run/docker.pid ] && ! kill -0 "$(cat /var/run/docker.pid)" 2>/dev/null; then
        rm -f /var/run/docker.pid
    fi
    mkdir -p "$(dirname "$LOG")"
    echo "ensure-dockerd: starting dockerd (log: $LOG)" >&2
    # A session of its own: whoever ran this script (a test, a CI step, a shell job) may kill its
    # whole process group when it ends, and the engine must outlive it.
    setsid nohup dockerd >>"$LOG" 2>&1 </dev/null &
    disown || true
fi

for ((i = 0; i < DEADLINE * 2; i++)); do
    if engine_up; then
        exit 0
    fi
    if ! pgrep -x dockerd >/dev/null 2>&1; then
        echo "ensure-dockerd: dockerd exited; last lines of $LOG:" >&2
        tail -n 30 "$LOG" >&2 || true
        exit 1
    fi
    sleep 0.5
done

echo "ensure-dockerd: engine did not answer within ${DEADLINE}s; last lines of $LOG:" >&2
tail -n 30 "$LOG" >&2 || true
exit 1
