#!/bin/sh
# Differential fuzzing of the built-in modules: each fuzz_*.py prints a
# script of random cases for a seed; its output under rtpy must equal
# python3's. Usage: run.sh RTPY [SEEDS]   (default 3 seeds per generator)
set -u
rtpy=${1:?usage: run.sh RTPY [SEEDS]}
case $rtpy in /*) ;; *) rtpy=$(pwd)/$rtpy ;; esac
seeds=${2:-3}
dir=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
for gen in "$dir"/fuzz_*.py; do
    name=$(basename "$gen" .py)
    seed=1
    while [ "$seed" -le "$seeds" ]; do
        python3 "$gen" "$seed" > "$tmp/case.py"
        python3 "$tmp/case.py" > "$tmp/want" 2>&1
        (cd "$tmp" && timeout 120 "$rtpy" case.py) > "$tmp/got" 2>&1
        if cmp -s "$tmp/want" "$tmp/got"; then
            pass=$((pass + 1))
        else
            fail=$((fail + 1))
            echo "FAIL $name seed $seed:"
            diff "$tmp/want" "$tmp/got" | head -n 6
        fi
        seed=$((seed + 1))
    done
done
echo "fuzz: $pass passed, $fail failed"
[ "$fail" = 0 ]
