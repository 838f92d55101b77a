#!/usr/bin/env bash
# tests/cli/check.sh — runs the kgq binary once and checks its exit status and output.
# Called by tests/cli/CMakeLists.txt (one CTest test per call), from tests/cli/ as working dir.
#
#   check.sh KGQ [--stdin FILE] [--exit N] [--stdout-file FILE]
#                [--out ERE] [--no-out ERE] [--err ERE] [--no-err ERE] ... -- ARGS...
#
# stdin is /dev/null unless --stdin is given, so kgq never waits on a terminal.
# --out/--err: some line of stdout/stderr matches the extended regex; --no-*: no line does.
set -u
kgq=$1; shift
stdin=/dev/null; want_exit=0; stdout_file=
checks=()
while [ $# -gt 0 ]; do
  case $1 in
    --stdin) stdin=$2; shift 2 ;;
    --exit) want_exit=$2; shift 2 ;;
    --stdout-file) stdout_file=$2; shift 2 ;;
    --out|--no-out|--err|--no-err) checks+=("$1" "$2"); shift 2 ;;
    --) shift; break ;;
    *) echo "check.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

out=$(mktemp); err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
"$kgq" "$@" <"$stdin" >"$out" 2>"$err"
status=$?

fail=0
report() { echo "FAIL: $*"; fail=1; }
[ "$status" -eq "$want_exit" ] || report "exit status $status, expected $want_exit"
if [ -n "$stdout_file" ] && ! diff -u "$stdout_file" "$out" >/dev/null; then
  report "stdout differs from $stdout_file:"; diff -u "$stdout_file" "$out"
fi
for ((i = 0; i < ${#checks[@]}; i += 2)); do
  kind=${checks[i]}; pattern=${checks[i+1]}
  case $kind in
    --out) grep -Eq -- "$pattern" "$out" || report "stdout has no line matching: $pattern" ;;
    --no-out) grep -Eq -- "$pattern" "$out" && report "stdout has a line matching: $pattern" ;;
    --err) grep -Eq -- "$pattern" "$err" || report "stderr has no line matching: $pattern" ;;
    --no-err) grep -Eq -- "$pattern" "$err" && report "stderr has a line matching: $pattern" ;;
  esac
done
if [ "$fail" -ne 0 ]; then
  echo "--- command: kgq $*"
  echo "--- stdout:"; cat "$out"
  echo "--- stderr:"; cat "$err"
fi
exit "$fail"
