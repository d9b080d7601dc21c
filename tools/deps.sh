#!/usr/bin/env bash
# Installs what a build or test needs and is missing: as root with apt-get,
# otherwise it prints the exact command to run and fails.
#   tools/deps.sh host      host compiler, cmake, python3, clang-format, valgrind
#   tools/deps.sh arm       ARM cross toolchain and newlib
#   tools/deps.sh qemu      qemu-system-arm
set -euo pipefail

missing=()
need_cmd() { command -v "$1" >/dev/null 2>&1 || missing+=("$2"); }
need_file() { [ -e "$1" ] || missing+=("$2"); }

for group in "$@"; do
    case "$group" in
    host)
        need_cmd cc gcc
        need_cmd make make
        need_cmd cmake cmake
        need_cmd python3 python3
        need_cmd clang-format clang-format
        need_cmd valgrind valgrind
        ;;
    arm)
        need_cmd arm-none-eabi-gcc gcc-arm-none-eabi
        need_file /usr/lib/arm-none-eabi/include/stdio.h libnewlib-arm-none-eabi
        ;;
    qemu)
        need_cmd qemu-system-arm qemu-system-arm
        ;;
    *)
        echo "deps.sh: unknown group '$group' (host, arm, qemu)" >&2
        exit 2
        ;;
    esac
done

[ ${#missing[@]} -eq 0 ] && exit 0

# De-duplicate while keeping order.
pkgs=$(printf '%s\n' "${missing[@]}" | awk '!seen[$0]++' | tr '\n' ' ')
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "deps.sh: installing $pkgs"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $pkgs >/dev/null
else
    echo "deps.sh: missing packages: $pkgs" >&2
    echo "deps.sh: install them with:  sudo apt-get install -y $pkgs" >&2
    exit 1
fi
