#!/usr/bin/env bash
# Screenshots of every lightd-gui page (the all-nodes page, the editor and the dialogs included), light,
# dark and German, at 1280x800 and 1024x700, against a real daemon with some ports, volumes, files,
# containers (real Docker, image lightd-test:busybox) and tokens.
# usage: tests/gui/screenshots.sh OUT_DIR [BUILD_DIR]   (needs xvfb-run, curl and a Docker engine)
set -euo pipefail
out=$(realpath -m "${1:?usage: $0 OUT_DIR [BUILD_DIR]}")
build=$(realpath "${2:-$(dirname "$0")/../../build-gui}")
lightd="$build/daemon/lightd"
gui="$build/gui/lightd-gui"
[[ -x $lightd && -x $gui ]] || { echo "build lightd and lightd-gui in $build first" >&2; exit 1; }

work=$(mktemp -d)
daemon_pid=
containers=(survival-1 creative-2 velocity-proxy)
cleanup() {
    if [[ -n $daemon_pid ]]; then
        for c in "${containers[@]}"; do api -X DELETE "$base/containers/$c" >/dev/null 2>&1 || true; done
        kill "$daemon_pid" 2>/dev/null
    fi
    wait 2>/dev/null
    for c in "${containers[@]}"; do docker rm -f "lightd-$c" >/dev/null 2>&1 || true; done
    rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
token="lightd_screens$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
cat > "$work/config.json" <<JSON
{"server": {"host": "127.0.0.1", "port": $port},
 "authorization": {"token": "$token"},
 "network": {"manage_firewall": false},
 "sftp": {"enabled": false}}
JSON
(cd "$work" && exec "$lightd" --config "$work/config.json" > "$work/daemon.log" 2>&1) &
daemon_pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 100); do curl -sf "$base/health" >/dev/null && break; sleep 0.1; done

api() { curl -sf -H "Authorization: Bearer $token" -H "Accept: Application/vnd.pkglatv1+json" \
             -H "Content-Type: application/json" "$@"; }
ports='['
for p in $(seq 25565 25580); do ports+="{\"ip\":\"0.0.0.0\",\"port\":$p,\"protocol\":\"tcp\"},"; done
ports+='{"ip":"0.0.0.0","port":19132,"protocol":"udp"},{"ip":"10.0.0.5","port":27015,"protocol":"udp"}]'
api -X POST "$base/network/ports/bulk" -d "{\"ports\":$ports}" >/dev/null
api -X PUT "$base/network/ports/0.0.0.0/25566/use" -d '{"in_use":true}' >/dev/null
api -X PUT "$base/network/ports/0.0.0.0/25570/use" -d '{"in_use":true}' >/dev/null
vol() { api -X POST "$base/volumes" ${1:+-d "{\"size_mb\":$1}"} | sed -n 's/.*"volume_id":"\([^"]*\)".*/\1/p'; }
v1=$(vol 64); vol 2048 >/dev/null; vol "" >/dev/null; vol 16 >/dev/null
# Files in the first volume (if the node serves the file routes).
api -X POST "$base/volumes/$v1/files" -d '{"path":"server.properties","content":"motd=A lightd server\nmax-players=20\nonline-mode=true\n"}' >/dev/null || true
api -X POST "$base/volumes/$v1/folders" -d '{"path":"plugins"}' >/dev/null || true
api -X POST "$base/volumes/$v1/folders" -d '{"path":"world"}' >/dev/null || true
api -X POST "$base/volumes/$v1/files" -d '{"path":"plugins/essentials.yml","content":"enabled: true\n"}' >/dev/null || true
head -c 3000000 /dev/urandom > "$work/server.jar"
curl -sf -X PUT -H "Authorization: Bearer $token" -H "Accept: Application/vnd.pkglatv1+json" \
     --data-binary @"$work/server.jar" "$base/volumes/$v1/files/content?path=server.jar" >/dev/null || true
api -X POST "$base/volumes/$v1/files" -d '{"path":"eula.txt","content":"eula=true\n"}' >/dev/null || true

# Containers: one running with a chatty console, one installed and stopped, one small running proxy.
bash "$(dirname "$0")/../support/make-test-image.sh"
for _ in $(seq 100); do
    api "$base/system/metrics" | grep -q '"docker_available":true' && break; sleep 0.2
done

mkdir -p "$out"
export XDG_CONFIG_HOME="$work/xdg" LIGHTD_GUI_NO_KEYCHAIN=1
shots() {
    xvfb-run -a -s "-screen 0 1440x900x24" "$gui" --connect "$base" --token "$token" --node-name "Frankfurt 1" \
        --screenshot-dir "$out" ${LIGHTD_GUI_LANG:+--lang "$LIGHTD_GUI_LANG"} "$@"
}
# The containers page of a node before its first container (ports and volumes are there already).
shots --screenshot-set empty
cat > "$work/server.sh" <<'SH'
e=$(printf '\033')
say() { echo "$e[90m[$(date +%H:%M:%S)]$e[0m $*"; }
say "$e[36mINFO$e[0m Starting minecraft server version 1.20.4"
say "$e[36mINFO$e[0m Loading properties"
say "$e[36mINFO$e[0m Default game type: SURVIVAL"
say "$e[36mINFO$e[0m Starting Minecraft server on *:25565"
say "$e[36mINFO$e[0m Preparing level \"world\""
say "$e[33mWARN$e[0m Can't keep up! Is the server overloaded? Running 2046ms or 40 ticks behind"
say "$e[36mINFO$e[0m Preparing spawn area: 84%"
say "$e[32mINFO Done (3.512s)! For help, type \"help\"$e[0m"
( n=0; while :; do sleep 1; n=$((n + 1)); case $((n % 4)) in
    0) say "$e[36mINFO$e[0m Saving chunks for level 'ServerLevel[world]'" ;;
    1) say "$e[36mINFO$e[0m Steve joined the game" ;;
    2) say "$e[36mINFO$e[0m <Steve> hello from lightd" ;;
    3) say "$e[36mINFO$e[0m Alex has made the advancement $e[32m[Stone Age]$e[0m" ;;
  esac; done ) &
while read -r line; do say "$e[36mINFO$e[0m Unknown command: $line"; done
SH
v2=$(vol 512)
# JSON bodies by json.dumps: the script, commands and patterns carry quotes and backslashes.
python3 -c 'import json, sys; print(json.dumps({"path": "server.sh", "content": open(sys.argv[1]).read()}))' \
    "$work/server.sh" > "$work/body.json"
api -X POST "$base/volumes/$v1/files" -d @"$work/body.json" >/dev/null
python3 - "$v1" "$v2" "$work" <<'PY'
import json, sys
v1, v2, work = sys.argv[1:4]
bodies = [
    {"internal_id": "survival-1", "image": "lightd-test:busybox", "volume_id": v1,
     "startup_command": "bash /home/container/server.sh", "start_pattern": r"Done \(",
     "ports": [{"ip": "0.0.0.0", "port": 25565, "protocol": "tcp"}],
     "limits": {"memory": 536870912, "cpu": 1.5}, "install_script": "#!/bin/bash\necho eula=true > eula.txt\n"},
    {"internal_id": "creative-2", "image": "lightd-test:busybox", "volume_id": v1,
     "startup_command": "bash /home/container/server.sh",
     "ports": [{"ip": "0.0.0.0", "port": 25567, "protocol": "tcp"}], "limits": {"memory": 1073741824, "cpu": 2}},
    {"internal_id": "velocity-proxy", "image": "lightd-test:busybox", "volume_id": v2,
     "startup_command": "sh -c 'echo Listening on 0.0.0.0:25577; sleep 3600'",
     "ports": [{"ip": "0.0.0.0", "port": 25577, "protocol": "tcp"}], "limits": {"memory": 134217728, "cpu": 0.5}},
]
for b in bodies:
    with open(f"{work}/{b['internal_id']}.json", "w") as f:
        json.dump(b, f)
PY
for c in "${containers[@]}"; do api -X POST "$base/containers" -d @"$work/$c.json" >/dev/null; done
state() { api "$base/containers/$1" | sed -n 's/.*"install_state":"\([^"]*\)".*/\1/p'; }
for c in "${containers[@]}"; do
    for _ in $(seq 300); do [[ $(state "$c") == ready ]] && break; sleep 0.2; done
done
api -X POST "$base/containers/survival-1/start" >/dev/null
api -X POST "$base/containers/velocity-proxy/start" >/dev/null
for c in survival-1 velocity-proxy; do
    for _ in $(seq 150); do [[ $(state "$c") == running ]] && break; sleep 0.2; done
done
api -X POST "$base/auth/tokens" -d '{"ttl":"7d","scopes":["api"]}' >/dev/null
api -X POST "$base/auth/tokens" -d '{"ttl":"15m","remove_on_use":true,"scopes":["ws:survival-1"]}' >/dev/null
api -X POST "$base/auth/tokens" -d '{"ttl":"24h","scopes":["ws:*"]}' >/dev/null

# Every page at two sizes (1280x800 and a small laptop's 1024x700), light, dark and German.
for size in 1280x800 1024x700; do
    for set in light dark de; do
        dir="$out/$size-$set"
        mkdir -p "$dir"
        args=(--window-size "$size")
        [[ $set == dark ]] && args+=(--theme dark) || args+=(--theme light)
        [[ $set == de ]] && args+=(--lang de)
        xvfb-run -a -s "-screen 0 1440x900x24" "$gui" --connect "$base" --token "$token" \
            --node-name "Frankfurt 1" --screenshot-dir "$dir" "${args[@]}"
    done
done
shots
ls "$out"/*.png "$out"/*/*.png
# Nothing cut off in any picture: the runner lists what a shot would show clipped (a label or button
# narrower than its text, a table that scrolls sideways, a widget outside its parent).
if compgen -G "$out/*clipped.txt" >/dev/null || compgen -G "$out/*/clipped.txt" >/dev/null; then
    echo "clipped widgets:" >&2
    for f in "$out"/clipped.txt "$out"/*/clipped.txt; do [[ -f $f ]] && sed "s|^|$f: |" "$f" >&2; done
    exit 1
fi
echo "no clipped widgets"
