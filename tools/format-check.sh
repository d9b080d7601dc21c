#!/usr/bin/env bash
# Checks every tracked C file against .clang-format; prints the offenders.
set -uo pipefail
cd "$(dirname "$0")/.."
bad=0
total=0
while IFS= read -r f; do
    total=$((total + 1))
    if ! clang-format --dry-run --Werror "$f" >/dev/null 2>&1; then
        echo "not formatted: $f (run: clang-format -i $f)"
        bad=$((bad + 1))
    fi
done < <(git ls-files '*.c' '*.h')
echo "format: $((total - bad)) passed, $bad failed"
[ "$bad" -eq 0 ]
