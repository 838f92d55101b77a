#!/usr/bin/env bash
# bench/latency/run.sh — statement latency, kgq against Kùzu 0.11.3 in one run (issue 12.4): on
# LDBC SNB SF0.1 (from the kuzu npm package, as bench/ldbc fetches it), a key lookup returning one
# row and a 1-hop count, through kgq's prepare/execute, its plan cache and a new text per call,
# and through Kùzu's prepared statements and querySync. Prints p50/p99 per way (report.js).
#   bench/latency/run.sh [--calls N] [--skip-kuzu] [--no-build]   (KGQ_BUILD: build dir, default build/)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="${KGQ_BUILD:-$root/build}"
cache="$root/bench/.cache"
out="$root/bench/out/latency"
calls=20000
skip_kuzu=0
build_first=1
while [ $# -gt 0 ]; do
  case "$1" in
    --calls) calls="$2"; shift 2 ;;
    --skip-kuzu) skip_kuzu=1; shift ;;
    --no-build) build_first=0; shift ;;
    *) echo "usage: $0 [--calls N] [--skip-kuzu] [--no-build]" >&2; exit 2 ;;
  esac
done

mkdir -p "$cache/npm" "$out"
tarball="$cache/kuzu-0.11.3.tgz"
[ -f "$tarball" ] || (cd "$cache" && npm pack --silent kuzu@0.11.3 >/dev/null)
pkg="$cache/npm/node_modules/kuzu"
if [ ! -f "$pkg/kuzujs.node" ]; then
  [ -f "$cache/npm/package.json" ] || echo '{"name": "kgq-bench-cache", "private": true}' > "$cache/npm/package.json"
  (cd "$cache/npm" && npm install --no-audit --no-fund --ignore-scripts "$tarball" >/dev/null)
  (cd "$pkg" && node install.js >/dev/null)
fi
data="$pkg/kuzu-source/dataset/ldbc-sf01"
[ -f "$data/Person.csv" ] || { echo "no LDBC data in $data" >&2; exit 1; }

[ "$build_first" = 0 ] || flock /tmp/kgq-build.lock cmake --build "$build" --target kgq_latency -j2 >/dev/null
echo "== kgq_latency ($calls calls per way)" >&2
"$build/bench/kgq_latency" --data "$data" --calls "$calls" > "$out/kgq.json"
if [ "$skip_kuzu" = 0 ]; then
  echo "== kuzu_latency.js" >&2
  NODE_PATH="$cache/npm/node_modules" node "$here/kuzu_latency.js" --data "$data" --calls "$calls" > "$out/kuzu.json"
else
  rm -f "$out/kuzu.json"
fi
node "$here/report.js" "$out/kgq.json" "$out/kuzu.json" | tee "$out/table.md"
