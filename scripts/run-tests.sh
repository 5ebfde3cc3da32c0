#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to the full test run: dependencies, Docker Engine,
# test image, build with warnings as errors, the fuzz targets' short run, every test through CTest,
# then the integration tests again against the ASan + UBSan daemon and the unit tests under TSan.
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
rc=0
ctest --test-dir "${LIGHTD_BUILD_DIR:-build}" --output-on-failure -j2 --timeout 900 "$@" || rc=$?
# The sanitizer runs (issue 20), for the whole run only (not with ctest arguments picking a subset,
# nor with LIGHTD_QUICK=1): the integration suite against the ASan + UBSan daemon linked in the fuzz
# build, then the unit tests under ThreadSanitizer. Each fails on any report.
if [ "${LIGHTD_QUICK:-0}" != 1 ] && [ $# -eq 0 ]; then
    echo "run-tests: the integration suite against the ASan + UBSan daemon" >&2
    bash tests/sanitize/run.sh || rc=1
    echo "run-tests: the unit tests under ThreadSanitizer" >&2
    bash tests/sanitize/tsan.sh || rc=1
fi
exit $rc
