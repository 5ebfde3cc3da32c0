#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan, build-fuzz/) and runs each on its corpus.
#   tests/fuzz/run.sh [--time SECONDS | --runs N] [--seed N] [TARGET...]
# Default: 20 s per target from seed 1 (the CI form: a fixed seed walks the same path each run, so
# CI does not turn red on a new random walk; bench/fuzz.sh explores with --runs 10000000 and
# random seeds, and what it finds becomes a regression seed).
# New inputs the fuzzer finds go to build-fuzz/corpus/<target>, never into the tracked seeds; a crash
# leaves its input in build-fuzz/crashes/ and fails the run.
set -euo pipefail
cd "$(dirname "$0")/../.."
limit=(-max_total_time=20)
seed=1
targets=()
while [ $# -gt 0 ]; do
    case "$1" in
    --time) limit=(-max_total_time="$2"); shift 2 ;;
    --runs) limit=(-runs="$2"); shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    -*) echo "usage: $0 [--time S | --runs N] [--seed N] [TARGET...]" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
    esac
done
build=${LIGHTD_FUZZ_BUILD_DIR:-build-fuzz}
launcher=()
command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
CXX=clang++-14 cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLIGHTD_FUZZ=ON \
    -DLIGHTD_BUILD_GUI=OFF -DBUILD_TESTING=OFF "${launcher[@]}" >/dev/null
if [ ${#targets[@]} -eq 0 ]; then
    mapfile -t targets < <(sed -n "s/^    \(fuzz_[a-z_]*\))\{0,1\}$/\1/p" tests/fuzz/CMakeLists.txt)
fi
cmake --build "$build" --target "${targets[@]}"
mkdir -p "$build/crashes"
failed=0
for t in "${targets[@]}"; do
    corpus="$build/corpus/$t"
    mkdir -p "$corpus"
    seeds=tests/fuzz/corpus/$t
    log="$build/$t.log"
    # ASan's leak check is off: Qt keeps process-wide caches (QString data, plugin state) that it
    # reports as leaks; memory errors and UB still stop the run.
    if ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
        "$build/tests/fuzz/$t" "${limit[@]}" -seed="$seed" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$build/crashes/$t-" "$corpus" "$seeds" >"$log" 2>&1; then
        execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
        cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
        echo "fuzz: $t ok: ${execs:-?} runs, ${cov:-cov: ?}, corpus $(ls "$corpus" | wc -l)"
    else
        failed=1
        echo "fuzz: $t FAILED (log $log); last lines:" >&2
        tail -n 40 "$log" >&2
    fi
done
exit $failed
