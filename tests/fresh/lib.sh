# Shared by the fresh-machine checks: a clean Debian 12 root made with debootstrap (minbase), kept as
# a tarball so later runs only unpack it, and the chroot plumbing (/proc, /dev, /sys, the Docker
# socket). Sourced, not run. Needs root.

FRESH_CACHE=${LIGHTD_FRESH_CACHE:-/var/cache/lightd-fresh}
FRESH_TARBALL=$FRESH_CACHE/bookworm-minbase.tar.zst
FRESH_ARCHIVES=$FRESH_CACHE/archives # apt's downloaded .debs, shared by runs (downloads only)

fresh_log() { printf '[fresh %s] %s\n' "$(date +%T)" "$*" >&2; }

# The Debian mirror this machine's apt already uses (deb822 .sources or one-line .list), so the
# check talks to no host that apt is not configured for. LIGHTD_FRESH_MIRROR overrides it.
fresh_mirror() {
    if [ -n "${LIGHTD_FRESH_MIRROR:-}" ]; then
        echo "$LIGHTD_FRESH_MIRROR"
        return
    fi
    local f url
    for f in /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] || continue
        url=$(awk '/^URIs:/ { for (i = 2; i <= NF; i++) if ($i ~ /\/debian\/?$/) { print $i; exit } }' "$f")
        [ -n "$url" ] && { echo "$url"; return; }
    done
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [ -f "$f" ] || continue
        url=$(awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\// && $i ~ /\/debian\/?$/) { print $i; exit } }' "$f")
        [ -n "$url" ] && { echo "$url"; return; }
    done
    echo "fresh: no Debian mirror in /etc/apt/sources.list*; set LIGHTD_FRESH_MIRROR" >&2
    return 1
}

# Makes the cached minbase tarball once (a few minutes); later runs reuse it.
fresh_ensure_tarball() {
    mkdir -p "$FRESH_CACHE" "$FRESH_ARCHIVES/partial"
    [ -s "$FRESH_TARBALL" ] && return 0
    local mirror tmp
    mirror=$(fresh_mirror)
    tmp=$(mktemp -d /var/tmp/lightd-debootstrap.XXXXXX)
    fresh_log "debootstrap --variant=minbase bookworm from $mirror (cached in $FRESH_TARBALL)"
    if ! debootstrap --variant=minbase bookworm "$tmp" "$mirror" >"$FRESH_CACHE/debootstrap.log" 2>&1; then
        tail -n 20 "$FRESH_CACHE/debootstrap.log" >&2
        rm -rf --one-file-system "$tmp"
        return 1
    fi
    rm -f "$tmp"/var/cache/apt/archives/*.deb
    tar --numeric-owner -C "$tmp" -cf - . | zstd -q -T2 -o "$FRESH_TARBALL.part"
    mv "$FRESH_TARBALL.part" "$FRESH_TARBALL"
    rm -rf --one-file-system "$tmp"
}

# Unpacks a clean root into $1 and gives it this machine's apt sources, like a new Debian 12 host.
fresh_unpack() {
    local root=$1 f
    mkdir -p "$root"
    zstd -q -dc "$FRESH_TARBALL" | tar --numeric-owner -C "$root" -xf -
    rm -f "$root/etc/apt/sources.list"
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] && cp "$f" "$root$f"
    done
    cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
    # No init system runs in a chroot: packages (docker.io) must not try to start their services.
    printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
    chmod 0755 "$root/usr/sbin/policy-rc.d"
}

# Binds /proc, /dev, /sys, apt's download cache and the host's Docker socket into the root.
fresh_mount() {
    local root=$1
    mount -t proc proc "$root/proc"
    mount --bind /dev "$root/dev"
    mount --bind /dev/pts "$root/dev/pts"
    mount --bind /sys "$root/sys"
    mount --bind "$FRESH_ARCHIVES" "$root/var/cache/apt/archives"
    if [ -S /var/run/docker.sock ]; then
        : >"$root/run/docker.sock"
        mount --bind /var/run/docker.sock "$root/run/docker.sock"
    fi
}

# Unmounts everything under the root (deepest first), then deletes it. Refuses to delete while
# anything is still mounted there: a bound /dev or /sys must never be walked by rm.
fresh_destroy() {
    local root=$1 m
    [ -d "$root" ] || return 0
    for m in $(awk -v r="$root" '$2 == r || index($2, r "/") == 1 { print $2 }' /proc/self/mounts | sort -r); do
        umount "$m" 2>/dev/null || umount -l "$m"
    done
    if awk -v r="$root" '$2 == r || index($2, r "/") == 1 { found = 1 } END { exit !found }' /proc/self/mounts; then
        fresh_log "still mounted under $root; not deleting it"
        return 1
    fi
    rm -rf --one-file-system "$root"
}

# Runs a command in the root with a login-like environment.
fresh_chroot() {
    local root=$1
    shift
    chroot "$root" /usr/bin/env -i HOME=/root TERM=dumb LANG=C.UTF-8 \
        PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$@"
}
