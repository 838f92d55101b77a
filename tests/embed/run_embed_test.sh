#!/usr/bin/env bash
# Installs the built kgq into a temporary prefix, configures and builds examples/embed
# against it, and runs the program. Called by CTest (tests/embed/CMakeLists.txt).
set -euo pipefail
build_dir=$1
source_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --install "$build_dir" --prefix "$work/prefix" > "$work/install.log"
cmake -S "$source_dir/examples/embed" -B "$work/build" -DCMAKE_PREFIX_PATH="$work/prefix" -DCMAKE_BUILD_TYPE=Release > "$work/configure.log"
cmake --build "$work/build" -j 2 > "$work/build.log" || { cat "$work/build.log"; exit 1; }
output=$("$work/build/embed")
echo "$output"
grep -q "UNC4841 | China" <<< "$output"
