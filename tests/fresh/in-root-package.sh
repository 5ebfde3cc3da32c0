#!/usr/bin/env bash
# Inside the package root: starts the daemon as the unit's ExecStart says, in its WorkingDirectory,
# waits for GET /health (10 s deadline), checks the packaged master token is the one it accepts and
# that `lightd --token what` prints it, then stops it with SIGTERM. No curl here: bash's /dev/tcp.
set -euo pipefail
workdir=$1 exec_start=$2 printed=$3
# get PATH [TOKEN]: prints the status line and body of a GET to the daemon.
get() {
    local auth=""
    [ -z "${2:-}" ] || auth="Authorization: Bearer $2"$'\r\n'
    exec 3<>/dev/tcp/127.0.0.1/8070
    printf 'GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAccept: Application/vnd.pkglatv1+json\r\n%s\r\n' \
        "$1" "$auth" >&3
    timeout 5 cat <&3
    exec 3<&-
}
cd "$workdir"
# shellcheck disable=SC2086 # ExecStart is a command line
$exec_start >/tmp/lightd.log 2>&1 &
pid=$!
deadline=$((SECONDS + 10))
until reply=$(get /health 2>/dev/null) && [[ "$reply" == "HTTP/1.1 200 "* ]]; do
    kill -0 $pid 2>/dev/null || { echo "lightd exited:"; cat /tmp/lightd.log; exit 1; } >&2
    [ $SECONDS -lt $deadline ] || { echo "no /health within 10 s:"; cat /tmp/lightd.log; kill $pid; exit 1; } >&2
    sleep 0.2
done
echo "GET /health -> $(printf '%s' "$reply" | tail -n 1)"
token=$(lightd --config /etc/lightd/config.json --token what)
[ "$token" = "$printed" ] || { echo "lightd --token what printed ${#token} bytes, not the token postinst printed (${#printed} bytes): $(printf %s "$token" | od -c | head -n 3)" >&2; exit 1; }
echo "lightd --token what -> the token postinst printed"
status=$(get /auth/tokens "$token" | head -n 1)
[[ "$status" == *" 200 "* ]] || { echo "GET /auth/tokens with the packaged token: $status" >&2; exit 1; }
status=$(get /auth/tokens lightd_00000000000000000000000000000000 | head -n 1)
[[ "$status" == *" 401 "* ]] || { echo "GET /auth/tokens with a wrong token: $status" >&2; exit 1; }
echo "GET /auth/tokens: 200 with the packaged token, 401 with another"
stat -c '%a %n' /var/lib/lightd /etc/lightd/config.json
[ "$(stat -c %a /var/lib/lightd)" = 700 ] && [ "$(stat -c %a /etc/lightd/config.json)" = 600 ] ||
    { echo "wrong modes" >&2; exit 1; }
kill -TERM $pid
rc=0
wait $pid || rc=$?
echo "lightd exited with $rc after SIGTERM"
[ $rc -eq 0 ]
