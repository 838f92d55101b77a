#!/usr/bin/env bash
# scripts/fuzz-seeds.sh OUT_DIR — builds the seed corpora of the fuzzers of tests/fuzz into
# OUT_DIR/<fuzzer>/, one input per file, from: the openCypher TCK feature files in
# ../shared/tck (read in place, never copied into the repository; skipped when absent), the
# statements of tests/query/**/*.test, the scripts of tests/query/datasets, tests/cli/scripts
# and graphs/unc4841, the hand-written bundles and CSV files of tests/fuzz/corpus/, and the
# small OASIS example bundles of ../shared/data/stix2.1/examples.
# Called by scripts/fuzz.sh; the seeds are rebuilt on every run.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
out=$1
shared="${KGQ_SHARED_DIR:-$repo/../shared}"
rm -rf "$out"
mkdir -p "$out"/{tck,query,stix,csv,database}

# TCK: one input per scenario: its `having executed:` set-up and its query, ';'-joined.
if [ -d "$shared/tck/features" ]; then
  find "$shared/tck/features" -name '*.feature' | sort | while read -r feature; do
    awk -v dir="$out/tck" -v base="$(basename "$feature" .feature)" '
      function flush() { if (buf != "") { n++; f = dir "/" base "-" n ".cypher"; printf "%s", buf > f; close(f) } buf = "" }
      /^[ \t]*(Scenario|Scenario Outline|Background):/ { flush(); next }
      /^[ \t]*"""/ { if (doc) buf = buf ";\n"; doc = !doc; next }
      doc { sub(/^[ \t]+/, ""); buf = buf $0 "\n" }
      END { flush() }' "$feature"
  done
  echo "fuzz seeds: $(ls "$out/tck" | wc -l) TCK scenarios from $shared/tck/features"
else
  echo "fuzz seeds: $shared/tck/features not found: no TCK seeds (set KGQ_SHARED_DIR)"
fi

# tests/query: each -STATEMENT (with its continuation lines) is one input; generated text
# ({{N*text}}: deep nesting tests) is left out.
find "$repo/tests/query" -name '*.test' | sort | while read -r test; do
  awk -v dir="$out/query" -v base="$(basename "$(dirname "$test")")-$(basename "$test" .test)" '
    function flush() { if (inside && buf !~ /\{\{/) { n++; f = dir "/" base "-" n ".cypher"; printf "%s", buf > f; close(f) } inside = 0; buf = "" }
    /^-STATEMENT/ { flush(); inside = 1; buf = substr($0, 12) "\n"; next }
    /^(----|-[A-Z_]+)/ { flush(); next }
    inside { buf = buf $0 "\n" }
    END { flush() }' "$test"
done
for script in "$repo"/tests/query/datasets/*.kgq "$repo"/tests/cli/scripts/*.kgq "$repo"/graphs/unc4841/questions.kgq; do
  [ -f "$script" ] && cp "$script" "$out/query/script-$(basename "$script")"
done
echo "fuzz seeds: $(ls "$out/query" | wc -l) statements and scripts from tests/query, tests/cli, graphs/unc4841"

cp "$repo"/tests/fuzz/corpus/stix/*.json "$out/stix/"
# OASIS's example bundles that fit in the STIX fuzzer's -max_len (read from ../shared).
if [ -d "$shared/data/stix2.1/examples" ]; then
  find "$shared/data/stix2.1/examples" -name '*.json' -size -16k | while read -r bundle; do
    cp "$bundle" "$out/stix/oasis-$(basename "$bundle")"
  done
fi
[ -f "$repo/tests/cli/scripts/tiny-bundle.json" ] && cp "$repo/tests/cli/scripts/tiny-bundle.json" "$out/stix/cli-tiny-bundle.json"
cp "$repo"/tests/fuzz/corpus/csv/*.csv "$out/csv/"

# Database files: inputs are edits (tests/fuzz/fuzz_database_file.cpp); one seed per mode
# (base graph, file, checksums fixed, read-only), each setting one byte somewhere.
for mode in $(seq 0 15); do
  printf "\\x$(printf %02x "$mode")\\x00\\x$(printf %02x $((mode * 13 + 40)))\\x00\\x00\\x00\\x7f" > "$out/database/mode-$mode"
done
# Inputs that once found a bug, kept as regressions (tests/fuzz/corpus/database/).
cp "$repo"/tests/fuzz/corpus/database/* "$out/database/"
echo "fuzz seeds: $(ls "$out/database" | wc -l) database-file edits"
