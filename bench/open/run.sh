#!/usr/bin/env bash
# bench/open/run.sh — opening a database file against building the same graph, in one run:
# ATT&CK Enterprise (IMPORT STIX of ../shared/data/attack) and LSQB SF0.1 (bench/lsqb's schema
# and COPY script on the data of the kuzu@0.11.3 npm package, fetched by bench/lsqb/run.sh
# into bench/.cache). Either is skipped, with a message, when its data is absent.
#   bench/open/run.sh [--rounds N]        (KGQ_BUILD: build dir, default build/)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="${KGQ_BUILD:-$root/build}"
rounds=3
[ "${1:-}" = "--rounds" ] && rounds=$2
cmake --build "$build" --target bench_open -j1 > /dev/null
attack="$root/../shared/data/attack/enterprise-attack.json"
if [ -f "$attack" ]; then
  echo "== ATT&CK Enterprise: open vs IMPORT STIX (target <= 0.15x)" >&2
  "$build/bench/bench_open" --stix "$attack" --rounds "$rounds"
else
  echo "== ATT&CK skipped: $attack not found" >&2
fi
data="$root/bench/.cache/npm/node_modules/kuzu/kuzu-source/dataset/lsqb-sf01"
if [ -f "$data/Person.csv" ]; then
  echo "== LSQB SF0.1: open vs COPY load (target <= 0.25x)" >&2
  work="$root/bench/out/open/lsqb"
  mkdir -p "$work"
  ln -sf "$data"/*.csv "$work/"
  cp "$root/bench/lsqb/schema.kgq" "$root/bench/lsqb/load.kgq" "$work/"
  "$build/bench/bench_open" --scripts "$work/schema.kgq,$work/load.kgq" --rounds "$rounds"
else
  echo "== LSQB skipped: no data in $data (bench/lsqb/run.sh fetches it)" >&2
fi
