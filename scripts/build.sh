#!/usr/bin/env bash
# Configures and builds lightd (daemon, GUI, tests) into ${LIGHTD_BUILD_DIR:-build}.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${LIGHTD_BUILD_DIR:-build}
# ccache (from install-deps.sh) only makes rebuilds faster; CCACHE_DIR picks where it keeps them.
launcher=()
if command -v ccache >/dev/null 2>&1; then
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=${CMAKE_BUILD_TYPE:-RelWithDebInfo} -DLIGHTD_WERROR=ON "${launcher[@]}" ${LIGHTD_CMAKE_ARGS:-} >/dev/null
cmake --build "$build"
