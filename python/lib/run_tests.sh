#!/bin/sh
# Runs the python/lib unit-test programs built in BUILD_DIR (a CMake build
# tree of the sim board) and sums their "N passed, N failed" lines.
# Usage: python/lib/run_tests.sh BUILD_DIR
set -u
build=${1:?usage: run_tests.sh BUILD_DIR}
dir=$build/python/lib
pass=0
fail=0
found=0
for t in "$dir"/test_*; do
    [ -x "$t" ] || continue
    found=1
    out=$(timeout 120 "$t" 2>&1)
    rc=$?
    last=$(printf '%s\n' "$out" | tail -n 1)
    printf '%s\n' "$out" | sed '$d' | head -n 40
    echo "$(basename "$t"): $last"
    p=$(printf '%s\n' "$last" | sed -n 's/.*[^0-9]\([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed$/\1/p')
    f=$(printf '%s\n' "$last" | sed -n 's/.*[^0-9]\([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed$/\2/p')
    if [ -z "$p" ] || [ $rc -ne 0 ] && [ "${f:-0}" = 0 ]; then
        # crashed or printed no summary: count the program as one failure
        p=${p:-0}
        f=$((${f:-0} + 1))
    fi
    pass=$((pass + p))
    fail=$((fail + f))
done
if [ $found = 0 ]; then
    echo "no test programs in $dir (build first)"
    fail=1
fi
echo "pylib: $pass passed, $fail failed"
[ $fail = 0 ]
