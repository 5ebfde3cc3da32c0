#!/usr/bin/env bash
# Configures and builds lightd (daemon, GUI, tests) into ${LIGHTD_BUILD_DIR:-build}.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${LIGHTD_BUILD_DIR:-build}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=${CMAKE_BUILD_TYPE:-RelWithDebInfo} -DLIGHTD_WERROR=ON ${LIGHTD_CMAKE_ARGS:-} >/dev/null
cmake --build "$build"
