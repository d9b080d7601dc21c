#!/bin/bash
# Wrong-argument sweep: calls every public function/class of each module with
# ~1900 argument shapes (ints, floats, str, bytes, containers, None, callables,
# instances of plain classes / classes with __index__ / raising __iter__, ...)
# and reports modules whose run crashed (exit code >= 128) or hung.
# Usage: python/modules/fuzz/argsweep.sh RTPY [module...]   (best with an
# RTL_SANITIZE=ON build; exceptions are expected and ignored)
RT=$(realpath "$1"); shift
HERE=$(cd "$(dirname "$0")" && pwd)
MODS=${*:-"math cmath binascii struct json heapq errno random re io time collections array os hashlib bisect functools itertools operator string copy"}
WORK=$(mktemp -d)
pass=0; fail=0
for m in $MODS; do
  case $m in
    time) skip="{'sleep','sleep_ms','sleep_us'}";;
    os) skip="{'remove','mkdir','rename','chdir','rmdir','unlink','system','_exit','abort','kill','makedirs','removedirs','replace','chmod','utime','truncate'}";;
    *) skip="set()";;
  esac
  sed "s/MODNAME/$m/; s/SKIPSET/$skip/" "$HERE/argsweep.tmpl" > "$WORK/s_$m.py"
  mkdir -p "$WORK/wd_$m"
  (cd "$WORK/wd_$m" && UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 timeout 300 "$RT" -X heapsize=16m ../s_$m.py > /dev/null 2> ../err_$m.txt)
  rc=$?
  if [ $rc -eq 0 ]; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL $m rc=$rc"; head -5 "$WORK/err_$m.txt"; fi
done
rm -rf "$WORK"
echo "argsweep: $pass passed, $fail failed"
