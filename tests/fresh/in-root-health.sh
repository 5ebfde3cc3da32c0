#!/usr/bin/env bash
# Inside the fresh root: the README's first command, scripts/run-daemon.sh, run until GET /health
# answers 200 (deadline 10 min: it may still build), then stopped with SIGTERM like a user's Ctrl-C.
set -euo pipefail
cd /src/lightd
bash scripts/run-daemon.sh >/tmp/run-daemon.log 2>&1 &
pid=$!
deadline=$((SECONDS + 600))
until body=$(curl -fsS --max-time 5 http://127.0.0.1:8070/health 2>/dev/null); do
    if ! kill -0 "$pid" 2>/dev/null; then
        echo "run-daemon.sh exited before /health answered:" >&2
        cat /tmp/run-daemon.log >&2
        exit 1
    fi
    if [ $SECONDS -ge $deadline ]; then
        echo "no answer on /health within 600 s:" >&2
        cat /tmp/run-daemon.log >&2
        kill "$pid"
        exit 1
    fi
    sleep 0.5
done
echo "GET /health -> $body"
grep 'master token' /tmp/run-daemon.log | sed 's/lightd_[0-9a-f]*/lightd_…/'
kill -TERM "$pid"
wait "$pid" || rc=$?
echo "lightd exited with ${rc:-0} after SIGTERM"
[ "${rc:-0}" -eq 0 ]
