#!/usr/bin/env bash
# Builds the image lightd-test:busybox from Debian's busybox-static and bash-static, without any
# registry. Idempotent: the image carries a label with a hash of its inputs, and is rebuilt only when
# that hash changes (new busybox/bash package, or a change to this recipe).
set -euo pipefail

IMAGE=${LIGHTD_TEST_IMAGE:-lightd-test:busybox}
BUSYBOX=${BUSYBOX:-/bin/busybox}
BASH_STATIC=${BASH_STATIC:-/bin/bash-static}
RECIPE_VERSION=1 # bump when the rootfs layout below changes

for bin in "$BUSYBOX" "$BASH_STATIC"; do
    if [ ! -x "$bin" ]; then
        echo "make-test-image: $bin missing (apt-get install busybox-static bash-static)" >&2
        exit 1
    fi
done

hash=$( { echo "recipe=$RECIPE_VERSION"; sha256sum "$BUSYBOX" "$BASH_STATIC" | cut -d' ' -f1; } \
        | sha256sum | cut -d' ' -f1)

current=$(docker image inspect --format '{{ index .Config.Labels "lightd.content-hash" }}' "$IMAGE" 2>/dev/null || true)
if [ "$current" = "$hash" ]; then
    exit 0
fi

rootfs=$(mktemp -d)
trap 'rm -rf "$rootfs"' EXIT

mkdir -p "$rootfs"/{bin,sbin,usr/bin,usr/sbin,etc,tmp,root,proc,sys,dev,var}
chmod 1777 "$rootfs/tmp"
install -m 0755 "$BUSYBOX" "$rootfs/bin/busybox"
install -m 0755 "$BASH_STATIC" "$rootfs/bin/bash"
# Relative links (not `busybox --install`, which links to the host path) keep the rootfs self-contained.
for applet in $("$BUSYBOX" --list); do
    [ "$applet" = busybox ] && continue
    [ -e "$rootfs/bin/$applet" ] || ln -s busybox "$rootfs/bin/$applet"
done
cat >"$rootfs/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/bin/sh
nobody:x:65534:65534:nobody:/nonexistent:/bin/false
PASSWD
cat >"$rootfs/etc/group" <<'GROUP'
root:x:0:
nogroup:x:65534:
GROUP

tar --numeric-owner --owner=0 --group=0 --sort=name -C "$rootfs" -cf - . \
    | docker import \
        --change 'CMD ["/bin/sh"]' \
        --change 'ENV PATH=/usr/sbin:/usr/bin:/sbin:/bin' \
        --change "LABEL lightd.content-hash=$hash" \
        - "$IMAGE" >/dev/null
echo "make-test-image: built $IMAGE ($hash)" >&2
