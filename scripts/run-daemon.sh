#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to a running daemon: installs dependencies, builds,
# starts the local Docker Engine if none answers, then runs lightd with ./config.json (created with
# defaults and a fresh master token on first start; data under ./data). Extra arguments go to lightd.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
LIGHTD_CMAKE_ARGS="${LIGHTD_CMAKE_ARGS:--DBUILD_TESTING=OFF -DLIGHTD_BUILD_GUI=ON}" bash scripts/build.sh
bash tests/support/ensure-dockerd.sh
echo "lightd: master token: $(./build/daemon/lightd --config config.json --token what)"
exec ./build/daemon/lightd --config config.json "$@"
