#!/usr/bin/env bash
# Installs everything lightd needs to build, run and test on Debian 12 (idempotent; needs root).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
packages=(
    cmake ninja-build g++ pkg-config git curl jq xz-utils
    qt6-base-dev qt6-httpserver-dev qt6-websockets-dev libqt6sql6-sqlite qt6-charts-dev
    qt6-l10n-tools qt6-tools-dev qt6-tools-dev-tools qtkeychain-qt6-dev libgl-dev libqt6opengl6-dev
    libssh-dev libarchive-dev libsodium-dev
    docker.io iptables busybox-static bash-static docker-registry
    openssh-client xvfb xauth nodejs python3
    sshpass openssh-server python3-paramiko procps
    prometheus podman catatonit socat openssl
    wrk golang-go golang-github-gin-gonic-gin-dev golang-github-gorilla-websocket-dev
    ccache clang-format-14 clang-14 libclang-rt-14-dev libfuzzer-14-dev dpkg-dev file rpm lintian nsis systemd debootstrap zstd sqlite3
)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "install-deps: missing packages (${missing[*]}); run as root" >&2
        exit 1
    fi
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The OpenAPI validator of tst_api_openapi (@redocly/cli, pinned by tests/openapi/package-lock.json).
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [ ! -x "$root/tests/openapi/node_modules/.bin/redocly" ]; then
    if command -v npm >/dev/null; then
        npm ci --prefix "$root/tests/openapi" --no-audit --no-fund --loglevel=error
    else
        echo "install-deps: npm missing: tst_api_openapi needs node 20 + npm for tests/openapi" >&2
    fi
fi
