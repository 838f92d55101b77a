#!/usr/bin/env bash
# Installs the built kgq into a temporary prefix, configures and builds examples/embed
# against it, and runs the program. Called by CTest (tests/embed/CMakeLists.txt).
set -euo pipefail
build_dir=$1
source_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --install "$build_dir" --prefix "$work/prefix" > "$work/install.log"
# KGQ_EMBED_CXX / KGQ_EMBED_CXX_FLAGS (set by CTest): the compiler and sanitizer flags of kgq's build.
cmake -S "$source_dir/examples/embed" -B "$work/build" -DCMAKE_PREFIX_PATH="$work/prefix" -DCMAKE_BUILD_TYPE=Release \
  ${KGQ_EMBED_CXX:+-DCMAKE_CXX_COMPILER="$KGQ_EMBED_CXX"} \
  -DCMAKE_CXX_FLAGS="-Wall -Wextra ${KGQ_EMBED_CXX_FLAGS:-}" -DCMAKE_EXE_LINKER_FLAGS="${KGQ_EMBED_CXX_FLAGS:-}" \
  > "$work/configure.log" || { cat "$work/configure.log"; exit 1; }
cmake --build "$work/build" -j 2 > "$work/build.log" || { cat "$work/build.log"; exit 1; }
output=$("$work/build/embed")
echo "$output"
grep -q "UNC4841 | China" <<< "$output"
