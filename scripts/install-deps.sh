#!/usr/bin/env bash
# Installs the Debian 12 packages kgq builds against, only those missing.
# Called by `make run` / `make test` (see Makefile); safe to run repeatedly.
# --dev adds what the checking builds need (CI's build-asan, `make fuzz`, `make format-check`): clang 14, its
# sanitizer and libFuzzer runtimes, and llvm-symbolizer for readable reports.
set -euo pipefail
packages=(g++ cmake make pkg-config libboost-graph-dev libboost-dev libcli11-dev
          doctest-dev libedit-dev nlohmann-json3-dev libxxhash-dev)
for arg in "$@"; do
  case $arg in
    --dev) packages+=(clang-14 libclang-rt-14-dev llvm-14 clang-format-14 clang-tidy-14) ;;
    *) echo "usage: $0 [--dev]" >&2; exit 2 ;;
  esac
done
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "kgq: installing missing Debian packages: ${missing[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
