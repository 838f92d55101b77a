#!/bin/sh
# bench/stix/run.sh — builds bench_stix in Release (its own build folder, one job: the machine is
# shared) and times IMPORT STIX of the ATT&CK bundle against a bare JSON parse.
#   bench/stix/run.sh [bundle.json] [runs]
set -e
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=${KGQ_BENCH_BUILD:-$repo/build-bench-stix}
bundle=${1:-$repo/../shared/data/attack/enterprise-attack.json}
cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=Release > /dev/null
cmake --build "$build" --target bench_stix -j1
"$build/bench_stix" "$bundle" "${2:-5}"
