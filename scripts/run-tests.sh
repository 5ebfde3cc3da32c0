#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to the full test run: dependencies, Docker Engine,
# test image, build with warnings as errors, the fuzz targets' short run, then every test through
# CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash tests/support/ensure-dockerd.sh
bash tests/support/make-test-image.sh
LIGHTD_BUILD_DIR=${LIGHTD_BUILD_DIR:-build} bash scripts/build.sh
# The short form of the fuzzing (issue 20): every libFuzzer target for 20 s. LIGHTD_QUICK=1 skips
# it (a developer's quick loop, not CI); the seeds are replayed by CTest either way.
if [ "${LIGHTD_QUICK:-0}" != 1 ]; then
    bash tests/fuzz/run.sh
fi
ctest --test-dir "${LIGHTD_BUILD_DIR:-build}" --output-on-failure -j2 --timeout 900 "$@"
