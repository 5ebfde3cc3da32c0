#!/usr/bin/env bash
# The fresh-machine check: a clean Debian 12 root (debootstrap --variant=minbase bookworm, cached as
# a tarball), the commit under test cloned into it with ../shared beside it, and inside it (chroot;
# /proc, /dev, /sys and the host's Docker socket bound in) only what the README says:
#   scripts/install-deps.sh, scripts/build.sh, the unit tests (ctest -L unit), then
#   scripts/run-daemon.sh until GET /health answers.
# With --packages it then builds the .deb/.rpm there and runs tests/fresh/packages.sh on them in a
# second clean root. Integration tests stay outside (the main CTest run covers them).
#
#   tests/fresh/run.sh [--commit REV] [--packages] [--keep]
# Needs root. Logs go to $LIGHTD_FRESH_LOGS (default /var/tmp/lightd-fresh-logs/<commit>); the last lines of
# a failing step are printed. Exit status 0 only if every step passed.
set -euo pipefail
# Everything is in main, read whole before it runs: editing this file mid-run cannot change a run.
main() {
here=$(cd "$(dirname "$0")" && pwd)
repo=$(git -C "$here" rev-parse --show-toplevel)
source "$here/lib.sh"

rev=HEAD packages=0 keep=0
while [ $# -gt 0 ]; do
    case "$1" in
    --commit) rev=$2; shift 2 ;;
    --packages) packages=1; shift ;;
    --keep) keep=1; shift ;;
    *) echo "usage: $0 [--commit REV] [--packages] [--keep]" >&2; exit 2 ;;
    esac
done
[ "$(id -u)" -eq 0 ] || { echo "fresh: needs root (debootstrap, chroot, mounts)" >&2; exit 2; }
commit=$(git -C "$repo" rev-parse --verify "$rev^{commit}")
shared=$(readlink -f "$repo/../shared")
logs=${LIGHTD_FRESH_LOGS:-/var/tmp/lightd-fresh-logs/${commit:0:12}}
root=$(mktemp -d /var/tmp/lightd-fresh-root.XXXXXX)
mkdir -p "$logs"
cleanup() {
    if [ "$keep" = 1 ]; then
        fresh_log "kept the root at $root (delete with: source tests/fresh/lib.sh; fresh_destroy $root)"
        return
    fi
    fresh_destroy "$root"
}
trap cleanup EXIT

start=$SECONDS
# step NAME COMMAND...: runs it with its output in $logs/NAME.log, reports the time it took.
step() {
    local name=$1 t0=$SECONDS rc=0
    shift
    fresh_log "$name ..."
    "$@" >"$logs/$name.log" 2>&1 || rc=$?
    if [ $rc -ne 0 ]; then
        fresh_log "$name FAILED (exit $rc, $((SECONDS - t0)) s); last lines of $logs/$name.log:"
        tail -n 40 "$logs/$name.log" >&2
        fresh_log "fresh-machine check FAILED on ${commit:0:12} after $((SECONDS - start)) s"
        exit 1
    fi
    fresh_log "$name ok ($((SECONDS - t0)) s)"
}
in_root() { fresh_chroot "$root" bash -c "cd /src/lightd && $1"; }

fresh_log "commit ${commit:0:12}; root $root; logs $logs"
step root fresh_ensure_tarball
step unpack fresh_unpack "$root"
# The root reaches the host's engine through its socket, so that engine must be up before the bind:
# CI starts on a machine where no dockerd runs, and a dead socket bound in cannot be replaced there.
step host-engine bash "$repo/tests/support/ensure-dockerd.sh"
fresh_mount "$root"
step clone bash -c "git clone -q --no-checkout '$repo' '$root/src/lightd' &&
    git -C '$root/src/lightd' checkout -q --detach '$commit' &&
    mkdir -p '$root/src/shared' && cp -a '$shared/.' '$root/src/shared/'"

# Compilations are cached across runs on this machine (ccache, if install-deps.sh installs it);
# that only saves time, every header and library still comes from the packages installed here.
# The check's own helper goes beside the clone, not into it: older commits under test lack it.
install -m 0755 "$here/in-root-health.sh" "$root/usr/local/bin/lightd-fresh-health"
mkdir -p "$FRESH_CACHE/ccache" "$root/root/.cache/ccache"
mount --bind "$FRESH_CACHE/ccache" "$root/root/.cache/ccache"

step install-deps in_root "bash scripts/install-deps.sh"
step build in_root "bash scripts/build.sh"
step unit-tests in_root "ctest --test-dir build -L unit --output-on-failure -j2 --timeout 300"
# The README's first command, in a network namespace of its own: port 8070 and the iptables chain
# stay private to this check; the engine is reached through the bound socket.
step run-daemon unshare --net -- bash -c "ip link set lo up &&
    exec chroot '$root' /usr/bin/env -i HOME=/root LANG=C.UTF-8 PATH=/usr/sbin:/usr/bin:/sbin:/bin \
        bash /usr/local/bin/lightd-fresh-health"

if [ "$packages" = 1 ]; then
    step cpack in_root "cd build && cpack -G 'DEB;RPM' && ls -l *.deb *.rpm"
    step lintian in_root "lintian --fail-on error build/lightd_*.deb build/lightd-gui_*.deb"
    # The Windows installer's script, generated for the Linux files and compiled by makensis.
    step nsis in_root "cmake -DLIGHTD_NSIS_CHECK=ON build >/dev/null && cd build && cpack -G NSIS &&
        rm -f lightd-*.exe && cmake -DLIGHTD_NSIS_CHECK=OFF . >/dev/null"
    step packages bash "$here/packages.sh" "$root/src/lightd/build"
fi
fresh_log "fresh-machine check passed on ${commit:0:12} in $((SECONDS - start)) s"
}
main "$@"
