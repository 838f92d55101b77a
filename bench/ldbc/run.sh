#!/usr/bin/env bash
# bench/ldbc/run.sh — LDBC SNB Interactive (the IS and IC queries of Kùzu's test files), kgq
# against Kùzu 0.11.3 on scale factor 0.1, in one run: fetches the data and the peer from the npm
# registry (the kuzu package ships dataset/ldbc-sf01, the test files with the expected rows and a
# prebuilt engine) into the git-ignored bench/.cache/, loads the data into kgq with
# `kgq -f schema.kgq -f load.kgq`, times load and queries with kgq_ldbc and kuzu_runner.js
# (median of --rounds runs after a warm-up), checks every answer against the expected rows and
# prints the table (report.js). Exit status 1 when a kgq answer is wrong.
#   bench/ldbc/run.sh [--timeout SECONDS] [--rounds N] [--queries is1,ic2,...] [--skip-kuzu] [--no-build]
#   (KGQ_BUILD: build dir, default build/)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="${KGQ_BUILD:-$root/build}"
cache="$root/bench/.cache"
out="$root/bench/out/ldbc"
timeout=300
rounds=3
queries=""
skip_kuzu=0
build_first=1
while [ $# -gt 0 ]; do
  case "$1" in
    --timeout) timeout="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --queries) queries="$2"; shift 2 ;;
    --skip-kuzu) skip_kuzu=1; shift ;;
    --no-build) build_first=0; shift ;;
    *) echo "usage: $0 [--timeout SECONDS] [--rounds N] [--queries is1,ic2,...] [--skip-kuzu] [--no-build]" >&2; exit 2 ;;
  esac
done

# ---- 1. data and peer: npm pack once, install once (npm may skip the package's install
# script, which only copies the prebuilt engine into place: run it ourselves).
mkdir -p "$cache/npm" "$out"
tarball="$cache/kuzu-0.11.3.tgz"
[ -f "$tarball" ] || (cd "$cache" && npm pack --silent kuzu@0.11.3 >/dev/null)
pkg="$cache/npm/node_modules/kuzu"
if [ ! -f "$pkg/kuzujs.node" ]; then
  [ -f "$cache/npm/package.json" ] || echo '{"name": "kgq-bench-cache", "private": true}' > "$cache/npm/package.json"
  (cd "$cache/npm" && npm install --no-audit --no-fund --ignore-scripts "$tarball" >/dev/null)
  (cd "$pkg" && node install.js >/dev/null)
fi
source_dir="$pkg/kuzu-source"
data="$source_dir/dataset/ldbc-sf01"
[ -f "$data/Person.csv" ] || { echo "no LDBC data in $data" >&2; exit 1; }
[ -f "$source_dir/test/test_files/ldbc/ldbc_interactive/interactive_complex.test" ] \
  || { echo "no LDBC test files in $source_dir/test/test_files/ldbc/ldbc_interactive" >&2; exit 1; }

# ---- 2. kgq: build the two programs, check the load through the CLI, then time it.
if [ "$build_first" = 1 ]; then
  flock /tmp/kgq-build.lock cmake --build "$build" --target kgq_cli kgq_ldbc -j2 >/dev/null
fi
# The scripts resolve COPY paths against their own folder: put them next to (links to) the data.
work="$out/data"
mkdir -p "$work"
ln -sf "$data"/*.csv "$work/"
cp "$here/schema.kgq" "$here/load.kgq" "$work/"
echo "== kgq -f schema.kgq -f load.kgq" >&2
"$build/kgq" -f "$work/schema.kgq" -f "$work/load.kgq" -c "MATCH (n) RETURN count(*) AS nodes" 2>&1 \
  | grep -v '^COPY \|^Created \|^Set ' >&2

qargs=()
[ -z "$queries" ] || qargs=(--queries "$queries")
echo "== kgq_ldbc (per-run timeout ${timeout}s, ${rounds} rounds after a warm-up)" >&2
"$build/bench/kgq_ldbc" --data "$data" --timeout "$timeout" --rounds "$rounds" "${qargs[@]}" > "$out/kgq.json" || true

# ---- 3. Kùzu on the same files, with Kùzu's own schema, COPY statements and query texts.
if [ "$skip_kuzu" = 0 ]; then
  echo "== kuzu_runner.js" >&2
  NODE_PATH="$cache/npm/node_modules" node "$here/kuzu_runner.js" --data "$data" --timeout "$timeout" \
    --rounds "$rounds" "${qargs[@]}" > "$out/kuzu.json" || true
else
  rm -f "$out/kuzu.json"
fi

# ---- 4. The table; the exit status says whether kgq's answers are the expected rows.
node "$here/report.js" "$source_dir" "$out/kgq.json" "$out/kuzu.json" | tee "$out/table.md"
exit "${PIPESTATUS[0]}"
