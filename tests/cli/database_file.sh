#!/usr/bin/env bash
# tests/cli/database_file.sh KGQ — the database file from the command line, as a user meets
# it: `kgq FILE.kgqdb` creates and reopens, `--db` with scripts, `--read-only`, a second
# writer refused while the first is at its prompt, `:save` and `:save FILE`, a damaged file.
# Runs in a scratch folder (never in the source tree).
set -euo pipefail
kgq=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }
expect_out() {  # expect_out REGEX -- command...
  local pattern=$1; shift 2
  local out
  out=$("$@" 2>&1) || fail "exit $? from: $* :: $out"
  grep -Eq -- "$pattern" <<<"$out" || fail "no /$pattern/ in output of: $* :: $out"
}
expect_fail() {  # expect_fail STATUS REGEX -- command...
  local status=$1 pattern=$2; shift 3
  local out code=0
  out=$("$@" 2>&1) || code=$?
  [ "$code" = "$status" ] || fail "exit $code (wanted $status) from: $* :: $out"
  grep -Eq -- "$pattern" <<<"$out" || fail "no /$pattern/ in output of: $* :: $out"
}

# Created on first use, kept across runs; -f scripts and -c run against it.
expect_out 'Created' -- "$kgq" work.kgqdb -c "CREATE (:Note {text: 'first – ü'})"
[ -f work.kgqdb ] && [ -f work.kgqdb.wal ] || fail "no database files"
expect_out '^1$' -- "$kgq" work.kgqdb --format csv -c "MATCH (n:Note) RETURN count(n) AS n"
expect_out '^first – ü$' -- "$kgq" --db work.kgqdb --format csv -c "MATCH (n:Note) RETURN n.text"
expect_out 'created 2 nodes' -- "$kgq" --db work.kgqdb -f "$here/scripts/people.kgq"
expect_out '^3$' -- "$kgq" work.kgqdb --format csv -c "MATCH (n) RETURN count(n) AS n"

# Read-only: reads work, writes are refused with the file named, nothing changes.
expect_out '^3$' -- "$kgq" --db work.kgqdb --read-only --format csv -c "MATCH (n) RETURN count(n) AS n"
expect_fail 1 "work\.kgqdb' is open read-only" -- "$kgq" --db work.kgqdb --read-only -c "CREATE (:X)"
expect_out '^3$' -- "$kgq" work.kgqdb --format csv -c "MATCH (n) RETURN count(n) AS n"
expect_fail 2 'needs a database file' -- "$kgq" --read-only -c "RETURN 1"
expect_fail 2 'one database at a time' -- "$kgq" a.kgqdb --db b.kgqdb -c "RETURN 1"

# A second writer while the first holds the file (a prompt fed slowly from a pipe).
( sleep 3; echo "RETURN 1;" ) | "$kgq" work.kgqdb > /dev/null 2>&1 &
holder=$!
sleep 1
expect_fail 1 'open in another process' -- "$kgq" work.kgqdb -c "RETURN 1"
wait $holder

# :save checkpoints; :save FILE copies an in-memory graph into a new database.
expect_out "Checkpoint written to 'work.kgqdb'" -- bash -c "printf 'CREATE (:Note);\n:save\n' | '$kgq' work.kgqdb"
[ "$(stat -c %s work.kgqdb.wal)" -eq 32 ] || fail "closing left the log unemptied"
expect_out 'Checkpoint written' -- "$kgq" work.kgqdb -c "CHECKPOINT"
printf 'CREATE (:Kept {n: 42});\n:save copy.kgqdb\n' | "$kgq" > /dev/null
expect_out '^42$' -- "$kgq" copy.kgqdb --format csv -c "MATCH (k:Kept) RETURN k.n"
expect_fail 1 'in memory' -- "$kgq" -c "CHECKPOINT"

# A damaged file is an error naming it, not a crash and not an empty graph.
head -c 100 work.kgqdb > broken.kgqdb
expect_fail 1 "broken\.kgqdb' is damaged: it is truncated" -- "$kgq" broken.kgqdb -c "RETURN 1"
echo "not a database" > text.kgqdb
expect_fail 1 'is not a kgq database' -- "$kgq" text.kgqdb -c "RETURN 1"
echo "cli database_file: ok"
