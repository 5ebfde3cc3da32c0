#!/usr/bin/env bash
# Screenshots of every lightd-gui page against a real daemon with some ports, volumes and files.
# usage: tests/gui/screenshots.sh OUT_DIR [BUILD_DIR]   (needs xvfb-run and curl)
set -euo pipefail
out=$(realpath -m "${1:?usage: $0 OUT_DIR [BUILD_DIR]}")
build=$(realpath "${2:-$(dirname "$0")/../../build-gui}")
lightd="$build/daemon/lightd"
gui="$build/gui/lightd-gui"
[[ -x $lightd && -x $gui ]] || { echo "build lightd and lightd-gui in $build first" >&2; exit 1; }

work=$(mktemp -d)
daemon_pid=
cleanup() { [[ -n $daemon_pid ]] && kill "$daemon_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
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

mkdir -p "$out"
export XDG_CONFIG_HOME="$work/xdg" LIGHTD_GUI_NO_KEYCHAIN=1
xvfb-run -a -s "-screen 0 1440x900x24" "$gui" --connect "$base" --token "$token" --node-name "Frankfurt 1" \
    --screenshot-dir "$out" ${LIGHTD_GUI_LANG:+--lang "$LIGHTD_GUI_LANG"}
ls "$out"/*.png
