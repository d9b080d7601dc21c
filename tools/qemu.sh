#!/usr/bin/env bash
# Boots the STM32F405 firmware in QEMU's netduinoplus2 machine.
#   tools/qemu.sh run   ELF   console on this terminal (Ctrl-A X quits)
#   tools/qemu.sh debug ELF   same, halted at reset with a gdb server on :1234
set -euo pipefail
mode=${1:?usage: qemu.sh run|debug ELF}
elf=${2:?usage: qemu.sh run|debug ELF}

qemu=(qemu-system-arm -M netduinoplus2 -nographic -no-reboot -kernel "$elf"
      -semihosting-config enable=on,target=native)

case "$mode" in
run)
    exec "${qemu[@]}"
    ;;
debug)
    gdb=gdb-multiarch
    command -v "$gdb" >/dev/null 2>&1 || gdb="arm-none-eabi-gdb"
    echo "QEMU waits for gdb on localhost:1234. In another terminal:"
    echo "  $gdb $elf -ex 'target remote :1234'"
    echo "(install gdb-multiarch if missing: apt-get install gdb-multiarch)"
    exec "${qemu[@]}" -s -S
    ;;
*)
    echo "qemu.sh: unknown mode '$mode' (run, debug)" >&2
    exit 2
    ;;
esac
