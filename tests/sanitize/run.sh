#!/usr/bin/env bash
# The integration suite against an ASan + UBSan build of the daemon (issue 20).
#   tests/sanitize/run.sh [ctest args...]     (after scripts/build.sh: the tests come from $LIGHTD_BUILD_DIR)
# The daemon is linked in the fuzz build (build-fuzz/: clang 14, ASan + UBSan, the same configuration
# tests/fuzz/run.sh makes), whose core the fuzz step has compiled already: this adds main.cpp and a
# link, not a second sanitized build of ~170 objects. Then every test labelled `integration` (not
# `gui`) of the normal build runs with that daemon (LIGHTD_SANITIZED_BINARY). Each sanitizer report is
# written to build-fuzz/sanitize-reports/ and any report fails the run, even when the test around it passed (a
# test may not notice that its daemon died on the way out).
set -euo pipefail
cd "$(dirname "$0")/../.."
. tests/sanitize/reports.sh
tests=${LIGHTD_BUILD_DIR:-build}
build=${LIGHTD_FUZZ_BUILD_DIR:-build-fuzz}
launcher=()
command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
CXX=clang++-14 cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLIGHTD_FUZZ=ON \
    -DLIGHTD_BUILD_GUI=OFF -DBUILD_TESTING=OFF "${launcher[@]}" >/dev/null
cmake --build "$build" --target lightd
reports=$PWD/$build/sanitize-reports
fresh_reports "$reports"
# Leak checking is off: Qt's process-wide caches read as leaks at exit. Memory errors stop the daemon
# and undefined behaviour too (the fuzz build does not recover from it): the test around it fails and
# the report names the place.
export ASAN_OPTIONS="detect_leaks=0:log_path=$reports/asan:abort_on_error=0"
export UBSAN_OPTIONS="print_stacktrace=1:log_path=$reports/ubsan"
export LIGHTD_SANITIZED_BINARY=$PWD/$build/daemon/lightd
rc=0
# -LE gui: the GUI tests drive the GUI's pollers against the daemon on 200 ms clocks; the daemon they
# exercise is covered by the rest, and their timing is the GUI's, not what this run is for.
ctest --test-dir "$tests" -L integration -LE gui --output-on-failure -j2 --timeout 1200 "$@" || rc=$?
fail_on_reports "$reports" sanitize
[ $rc -eq 0 ] && echo "sanitize: integration suite passed on the ASan + UBSan daemon, no reports"
exit $rc
