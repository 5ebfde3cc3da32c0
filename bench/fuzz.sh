#!/usr/bin/env bash
# The long form of the fuzzing (issue 20): every libFuzzer target of tests/fuzz for 10 M executions
# (FUZZ_RUNS to change), on its tracked seeds plus what earlier runs found (build-fuzz/corpus).
# Prints per target: executions, crashes (the target is 0), coverage (edges) and new corpus size;
# the machine's load before and after. Exit status non-zero when any target crashed.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${FUZZ_RUNS:-10000000}
echo "bench/fuzz: $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $runs runs per target"
start=$SECONDS
rc=0
bash tests/fuzz/run.sh --runs "$runs" --seed "${FUZZ_SEED:-0}" "$@" || rc=$?  # seed 0: libFuzzer picks one
echo "bench/fuzz: done in $((SECONDS - start)) s, load $(cut -d' ' -f1-3 /proc/loadavg), crashes in build-fuzz/crashes: $(ls build-fuzz/crashes | wc -l)"
exit $rc
