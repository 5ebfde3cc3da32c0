#!/usr/bin/env bash
# The unit tests under ThreadSanitizer (issue 20): the SFTP server's session threads, the hash pool,
# the quota tracker's walker, the engine's admission queue and the sandbox's concurrent renames run
# on threads of their own.
#   tests/sanitize/tsan.sh [ctest args...]
# Builds only the unit tests, with -DLIGHTD_TSAN=ON, into build-tsan/ and runs every test labelled
# `unit`. Qt itself is not instrumented: what it synchronises inside its own library (QMutex's slow
# path, queued events) TSan cannot see, so tests/sanitize/tsan.supp names those frames, and only
# those. Any report fails the run, even when the test around it passed.
set -euo pipefail
cd "$(dirname "$0")/../.."
. tests/sanitize/reports.sh
build=${LIGHTD_TSAN_BUILD_DIR:-build-tsan}
launcher=()
command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLIGHTD_TSAN=ON -DLIGHTD_WERROR=ON \
    -DLIGHTD_BUILD_GUI=OFF "${launcher[@]}" >/dev/null
mapfile -t tests < <(ctest --test-dir "$build" -N -L unit | awk '/Test +#[0-9]+:/ { print $3 }')
((${#tests[@]} > 0)) || { echo "tsan: no unit tests found" >&2; exit 1; }
# A test's program is the target of its name (fuzz_X_seeds: fuzz_X); tst_layering is a CMake script.
mapfile -t known < <(ninja -C "$build" -t targets all | sed -n 's/^\([A-Za-z0-9_]*\): .*/\1/p' | sort -u)
targets=()
for t in "${tests[@]}"; do
    for c in "$t" "${t%_seeds}"; do
        if printf '%s\n' "${known[@]}" | grep -qx "$c"; then targets+=("$c"); break; fi
    done
done
cmake --build "$build" --target "${targets[@]}"
reports=$PWD/$build/reports
fresh_reports "$reports"
export TSAN_OPTIONS="log_path=$reports/tsan:halt_on_error=0:second_deadlock_stack=1:suppressions=$PWD/tests/sanitize/tsan.supp"
rc=0
ctest --test-dir "$build" -L unit --output-on-failure -j2 --timeout 600 "$@" || rc=$?
fail_on_reports "$reports" tsan
[ $rc -eq 0 ] && echo "tsan: the unit tests passed under ThreadSanitizer, no reports"
exit $rc
