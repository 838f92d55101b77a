#!/usr/bin/env bash
# scripts/fuzz.sh [BUILD_DIR] [SECONDS] [FUZZER...] — builds the libFuzzer targets of
# tests/fuzz in BUILD_DIR (default build-asan: clang, ASan+UBSan, assertions, KGQ_FUZZ) and
# runs each for SECONDS (default 60). Called by `make fuzz` and .ci/run; see tests/fuzz/README.md.
# Exits 1 when any fuzzer finds a crash, a leak, a UBSan report, a timeout or runs out of
# memory; the input is then in BUILD_DIR/fuzz/artifacts/<fuzzer>/ and its log in
# BUILD_DIR/fuzz/logs/<fuzzer>.log.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
build=${1:-build-asan}
seconds=${2:-60}
shift $(( $# > 2 ? 2 : $# ))
fuzzers=("$@")
[ ${#fuzzers[@]} -eq 0 ] && fuzzers=(fuzz_query_open fuzz_query_strict fuzz_stix fuzz_copy fuzz_database_file)
jobs=${JOBS:-$(nproc)}

if [ ! -f "$build/CMakeCache.txt" ]; then
  clang=$(command -v clang++-14 || command -v clang++ || { echo "fuzz: no clang++ (scripts/install-deps.sh --dev)" >&2; exit 2; })
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER="$clang" \
        -DKGQ_SANITIZE=address,undefined -DKGQ_ASSERTIONS=ON -DKGQ_FUZZ=ON
elif ! grep -q '^KGQ_FUZZ:BOOL=ON' "$build/CMakeCache.txt"; then
  echo "fuzz: $build is not a KGQ_FUZZ=ON build; use another BUILD (default build-asan)" >&2
  exit 2
fi
cmake --build "$build" --target fuzzers -j "$jobs"

work="$repo/$build/fuzz"
bash "$repo/scripts/fuzz-seeds.sh" "$work/seeds"
mkdir -p "$work/logs"
symbolizer=$(command -v llvm-symbolizer-14 || command -v llvm-symbolizer || true)
[ -n "$symbolizer" ] && export ASAN_SYMBOLIZER_PATH="$symbolizer"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
# ASan frames are several times larger than Release ones: give the recursion what a Release
# build has in 8 MB (as .ci/run does for CTest).
ulimit -s 65536 2>/dev/null || echo "fuzz: cannot raise the stack limit to 64 MB; deep inputs may overflow" >&2

# The fuzzers run in a scratch folder: nothing they do can write into the repository.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

status=0
summary=()
for fuzzer in "${fuzzers[@]}"; do
  case $fuzzer in
    fuzz_query_open|fuzz_query_strict)
      seeds=("$work/seeds/tck" "$work/seeds/query"); options=(-max_len=4096 -dict="$repo/tests/fuzz/cypher.dict") ;;
    fuzz_stix) seeds=("$work/seeds/stix"); options=(-max_len=16384 -dict="$repo/tests/fuzz/stix.dict") ;;
    fuzz_copy) seeds=("$work/seeds/csv"); options=(-max_len=4096) ;;
    fuzz_database_file) seeds=("$work/seeds/database"); options=(-max_len=256) ;;
    *) echo "fuzz: unknown fuzzer $fuzzer" >&2; exit 2 ;;
  esac
  # The corpus grows across runs in the same build dir; artifacts hold what failed.
  corpus="$work/corpus/$fuzzer"
  artifacts="$work/artifacts/$fuzzer"
  mkdir -p "$corpus" "$artifacts"
  log="$work/logs/$fuzzer.log"
  echo "fuzz: $fuzzer for $seconds s (log $log)"
  rc=0
  (cd "$scratch" && "$repo/$build/tests/fuzz/$fuzzer" "${options[@]}" -timeout=10 -rss_limit_mb=2048 \
      -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$artifacts/" \
      "$corpus" "${seeds[@]}") > "$log" 2>&1 || rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 || true)
  if [ $rc -ne 0 ]; then
    status=1
    summary+=("$fuzzer: FAILED (exit $rc) after ${execs:-?} runs; see $log and $artifacts/")
    grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error:|ALARM|==[0-9]+== ERROR: libFuzzer)' "$log" | head -5 || true
  else
    summary+=("$fuzzer: ok, ${execs:-?} runs, ${rate:-?} exec/s, ${cov:-cov: ?}, corpus $(ls "$corpus" | wc -l)")
  fi
done
printf 'fuzz: %s\n' "${summary[@]}"
exit $status
