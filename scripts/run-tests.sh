#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to the full test run: dependencies, Docker Engine,
# test image, build with warnings as errors, then every test through CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash tests/support/ensure-dockerd.sh
bash tests/support/make-test-image.sh
LIGHTD_BUILD_DIR=${LIGHTD_BUILD_DIR:-build} bash scripts/build.sh
ctest --test-dir "${LIGHTD_BUILD_DIR:-build}" --output-on-failure -j2 --timeout 900 "$@"
