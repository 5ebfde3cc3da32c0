#!/usr/bin/env bash
# File-manager benchmark: 256 MB upload and download through the REST API (MB/s, daemon peak RSS),
# listing a 10,000-entry directory, and the background quota walk of a 100,000-file volume (seconds,
# with GET /health latency sampled meanwhile). Builds the daemon if needed; prints a small table.
# Usage: bench/files.sh [build-dir]   (env: SIZE_MB=256 LIST_N=10000 WALK_N=100000)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-$ROOT/build-bench}
SIZE_MB=${SIZE_MB:-256}
LIST_N=${LIST_N:-10000}
WALK_N=${WALK_N:-100000}
BIN=$BUILD/daemon/lightd

if [[ ! -x $BIN ]]; then
    cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DLIGHTD_BUILD_GUI=OFF >/dev/null
    cmake --build "$BUILD" --target lightd >/dev/null
fi

WORK=$(mktemp -d)
PID=
cleanup() { [[ -n $PID ]] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

TOKEN="lightd_bench_$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat >"$WORK/config.json" <<JSON
{"server":{"host":"127.0.0.1","port":$PORT,"access_log":false},
 "authorization":{"token":"$TOKEN"},
 "network":{"manage_firewall":false},
 "sftp":{"enabled":false,"port":2022},
 "storage":{"base_path":"$WORK/data"},
 "files":{"upload_limit_mb":$((SIZE_MB * 2))},
 "volumes":{"quota_check_s":5}}
JSON
QT_LOGGING_RULES="lightd.volumes.debug=true" "$BIN" --config "$WORK/config.json" >"$WORK/daemon.log" 2>&1 &
PID=$!
BASE=http://127.0.0.1:$PORT
for _ in $(seq 100); do curl -sf "$BASE/health" >/dev/null && break; sleep 0.1; done
AUTH=(-H "Authorization: Bearer $TOKEN" -H "Accept: Application/vnd.pkglatv1+json")
new_volume() { curl -sf "${AUTH[@]}" -X POST "$BASE/volumes" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["volume_id"], d["path"])'; }
hwm() { awk '/VmHWM/ {print int($2/1024)}' "/proc/$PID/status"; }

read -r VOL VPATH < <(new_volume)
head -c $((SIZE_MB * 1024 * 1024)) /dev/urandom >"$WORK/big.bin"
RSS0=$(hwm)

UP=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "${AUTH[@]}" -X PUT \
    -H 'Content-Type: application/octet-stream' --data-binary @"$WORK/big.bin" \
    "$BASE/volumes/$VOL/files/content?path=big.bin")
[[ ${UP%% *} == 200 ]] || { echo "upload failed: $UP" >&2; exit 1; }
RSS_UP=$(hwm)
DOWN=$(curl -s -o "$WORK/back.bin" -w '%{http_code} %{time_total}' "${AUTH[@]}" \
    "$BASE/volumes/$VOL/files/content?path=big.bin")
[[ ${DOWN%% *} == 200 ]] || { echo "download failed: $DOWN" >&2; exit 1; }
RSS_DOWN=$(hwm)
cmp -s "$WORK/big.bin" "$WORK/back.bin" || { echo "download differs from upload" >&2; exit 1; }
rm -f "$WORK/big.bin" "$WORK/back.bin"
mbps() { python3 -c "print(f'{$SIZE_MB / $1:.0f}')"; }

# A 10,000-entry directory, made on disk (as a container would), listed through the API.
read -r LVOL LPATH < <(new_volume)
python3 - "$LPATH/many" "$LIST_N" <<'PY'
import os, sys
d, n = sys.argv[1], int(sys.argv[2]); os.makedirs(d)
for i in range(n):
    with open(os.path.join(d, f"file{i:05d}.txt" if i % 10 else f"img{i:05d}.png"), "w") as f: f.write("x")
PY
curl -s -o /dev/null "${AUTH[@]}" "$BASE/volumes/$LVOL/files?path=many" # warm-up
LIST_MS=$(for _ in 1 2 3; do curl -s -o /dev/null -w '%{time_total}\n' "${AUTH[@]}" "$BASE/volumes/$LVOL/files?path=many"; done |
    sort -n | head -1 | python3 -c 'import sys; print(f"{float(sys.stdin.read())*1000:.0f}")')
ENTRIES=$(curl -s "${AUTH[@]}" "$BASE/volumes/$LVOL/files?path=many" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["files"]))')

# A 100,000-file volume: the periodic walk (every 5 s here) must run off the event loop.
read -r WVOL WPATH < <(new_volume)
python3 - "$WPATH" "$WALK_N" <<'PY'
import os, sys
root, n = sys.argv[1], int(sys.argv[2])
for i in range(n):
    d = os.path.join(root, f"d{i // 1000:03d}")
    if i % 1000 == 0: os.makedirs(d)
    with open(os.path.join(d, f"f{i}"), "wb") as f: f.write(b"y" * 100)
PY
WALKS_BEFORE=$(grep -c 'quota walk of' "$WORK/daemon.log" || true)
# Sample /health until two more walks have finished (the first may have started mid-creation).
SAMPLES=0
: >"$WORK/health.txt"
while (( $(grep -c 'quota walk of' "$WORK/daemon.log" || true) < WALKS_BEFORE + 2 )); do
    curl -s -o /dev/null -w '%{time_total}\n' "$BASE/health" >>"$WORK/health.txt"
    SAMPLES=$((SAMPLES + 1))
    (( SAMPLES < 50000 )) || break
done
MAX_MS=$(sort -g "$WORK/health.txt" | tail -1 | awk '{printf "%.1f", $1 * 1000}')
WALK_MS=$(grep 'quota walk of' "$WORK/daemon.log" | tail -1 | sed -E 's/.*took ([0-9]+) ms.*/\1/')
USED=$(curl -s "${AUTH[@]}" "$BASE/volumes/$WVOL/quota" | python3 -c 'import json,sys; print(json.load(sys.stdin)["used_mb"])')

printf '\nlightd file manager (%s, %s cores)\n' "$(uname -r)" "$(nproc)"
printf '%-52s %s\n' "metric" "value"
printf '%-52s %s\n' "upload ${SIZE_MB} MB (PUT files/content)" "$(mbps "${UP#* }") MB/s"
printf '%-52s %s\n' "download ${SIZE_MB} MB (GET files/content)" "$(mbps "${DOWN#* }") MB/s"
printf '%-52s %s\n' "daemon peak RSS (VmHWM) before / after up / after down" "${RSS0} / ${RSS_UP} / ${RSS_DOWN} MB"
printf '%-52s %s\n' "list ${ENTRIES}-entry directory (best of 3)" "${LIST_MS} ms"
printf '%-52s %s\n' "quota walk, all volumes (~$((WALK_N + LIST_N)) files)" "$(python3 -c "print(f'{$WALK_MS/1000:.2f}')") s"
printf '%-52s %s\n' "walked usage of the ${WALK_N}-file volume" "${USED} MB"
printf '%-52s %s\n' "GET /health max latency during walks (${SAMPLES} samples)" "${MAX_MS} ms"
