#!/usr/bin/env bash
# The package test, on the .debs in $1 (from tests/fresh/run.sh --packages), in a second clean
# Debian 12 root: apt-get install ./lightd_*.deb (dependencies from the mirror), the daemon started
# exactly as the unit's ExecStart says (no systemd in a chroot), GET /health, the packaged token
# accepted, an upgrade that keeps the config, remove that keeps config and data, purge that leaves no
# file behind (dpkg -L before, a walk of the root after); lightd-gui installs and --version runs.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
debs=${1:?usage: packages.sh DIR-WITH-DEBS}
root=$(mktemp -d /var/tmp/lightd-pkg-root.XXXXXX)
# LIGHTD_FRESH_KEEP=1 keeps the root for a look after a failure.
trap '[ "${LIGHTD_FRESH_KEEP:-0}" = 1 ] && echo "kept $root" >&2 || fresh_destroy "$root"' EXIT
fail() { echo "packages: FAIL: $*" >&2; exit 1; }
in_root() { fresh_chroot "$root" bash -c "$1"; }

fresh_unpack "$root"
fresh_mount "$root"
mkdir -p "$root/tmp/pkgs"
cp "$debs"/lightd_*_amd64.deb "$debs"/lightd-gui_*_amd64.deb "$root/tmp/pkgs/"
install -m 0755 "$here/in-root-package.sh" "$root/usr/local/bin/lightd-package-check"

in_root "apt-get update -qq"
echo "== apt-get install ./lightd_*.deb"
# dpkg ends the maintainer scripts' lines with \r\n here; the token must not carry the \r.
out=$(in_root "cd /tmp/pkgs && DEBIAN_FRONTEND=noninteractive apt-get install -y -q ./lightd_*_amd64.deb 2>&1" | tr -d '\r') ||
    { echo "$out"; fail "apt-get install of lightd"; }
echo "$out" | grep '^lightd:' | sed 's/lightd_[0-9a-f]\{32\}/lightd_…/'
printed=$(echo "$out" | sed -n 's/^lightd: master token: //p')
[ -n "$printed" ] || fail "postinst printed no master token"

# The unit's ExecStart and WorkingDirectory, run as they are written, in a network namespace of its own.
unit=$(in_root "dpkg -L lightd" | grep '/systemd/system/lightd.service$') || fail "no lightd.service in the package"
exec_start=$(sed -n 's/^ExecStart=//p' "$root$unit")
workdir=$(sed -n 's/^WorkingDirectory=//p' "$root$unit")
echo "== ExecStart=$exec_start (WorkingDirectory=$workdir)"
unshare --net -- bash -c "ip link set lo up && exec chroot '$root' /usr/bin/env -i LANG=C.UTF-8 \
    PATH=/usr/sbin:/usr/bin:/sbin:/bin /usr/local/bin/lightd-package-check '$workdir' '$exec_start' '$printed'"

echo "== systemd-analyze verify and security (systemd, procps for /bin/kill and man-db added to this root)"
in_root "DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends systemd procps man-db" >/dev/null
verify=$(in_root "systemd-analyze verify $unit 2>&1") || fail "systemd-analyze verify: $verify"
[ -z "$verify" ] || fail "systemd-analyze verify: $verify"
echo "systemd-analyze verify $unit: clean"
in_root "systemd-analyze security --offline=true $unit" | tail -n 1

echo "== upgrade (reinstall) keeps the config"
sum=$(in_root "sha256sum /etc/lightd/config.json")
in_root "cd /tmp/pkgs && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --reinstall ./lightd_*_amd64.deb" >/dev/null
[ "$(in_root "sha256sum /etc/lightd/config.json")" = "$sum" ] || fail "reinstall changed /etc/lightd/config.json"

echo "== lightd-gui"
in_root "cd /tmp/pkgs && DEBIAN_FRONTEND=noninteractive apt-get install -y -q ./lightd-gui_*_amd64.deb" >/dev/null ||
    fail "apt-get install of lightd-gui"
version=$(in_root "QT_QPA_PLATFORM=offscreen lightd-gui --version") || fail "lightd-gui --version"
echo "lightd-gui --version -> $version"
[[ "$version" == *0.* ]] || fail "lightd-gui --version printed no version"

echo "== remove keeps config and data, purge removes every file"
in_root "dpkg -L lightd lightd-gui" | sort -u >"$root/tmp/owned"
in_root "DEBIAN_FRONTEND=noninteractive apt-get remove -y -q lightd lightd-gui" >/dev/null
in_root "test -f /etc/lightd/config.json && test -f /var/lib/lightd/lightd.db" ||
    fail "remove deleted the config or the data"
# lightd-gui has no conffiles: remove already took it out completely, apt no longer knows it.
in_root "DEBIAN_FRONTEND=noninteractive apt-get purge -y -q lightd" >/dev/null
in_root "dpkg-query -W -f='\${db:Status-Abbrev}' lightd lightd-gui 2>/dev/null | grep -q ." &&
    fail "dpkg still lists lightd or lightd-gui after purge"
left=$(in_root 'while read -r f; do [ -e "$f" ] && [ ! -d "$f" ] && echo "$f"; done </tmp/owned; true')
[ -z "$left" ] || fail "files of the packages left after purge: $left"
# -xdev: /proc, /sys, /dev and apt's bound cache are not the root's own files.
walk=$(in_root "find / -xdev -iname '*lightd*' -not -path '/tmp/*' -not -path '/usr/local/*'")
[ -z "$walk" ] || fail "left after purge: $walk"
echo "packages: ok ($(wc -l <"$root/tmp/owned") paths owned, none left after purge)"
