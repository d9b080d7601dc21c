#!/usr/bin/env bash
# `make test`: builds every tree (sim, sim under ASan+UBSan, the QEMU board)
# and runs every suite. Each suite prints `N passed, N failed` as its last
# line; this script sums them into one closing line and fails if anything
# failed, did not build, or did not report.
set -uo pipefail
cd "$(dirname "$0")/.."

bash tools/deps.sh host arm qemu || exit 1

JOBS=${JOBS:-2}
LOGS=build/test-logs
mkdir -p "$LOGS"
total_pass=0
total_fail=0
summary=()

record() { # name passed failed
    total_pass=$((total_pass + $2))
    total_fail=$((total_fail + $3))
    summary+=("$(printf '%-22s %5d passed, %3d failed' "$1" "$2" "$3")")
}

# build NAME DIR CMAKE-ARGS...: configure and build one tree.
build() {
    local name=$1 dir=$2
    shift 2
    echo "== build $name"
    if cmake -S . -B "$dir" -Wno-dev --log-level=WARNING "$@" >"$LOGS/build-$name.log" 2>&1 &&
        cmake --build "$dir" -j"$JOBS" >>"$LOGS/build-$name.log" 2>&1; then
        return 0
    fi
    tail -n 40 "$LOGS/build-$name.log"
    record "build-$name" 0 1
    return 1
}

# suite NAME TIMEOUT CMD...: run one suite and take its closing counts.
suite() {
    local name=$1 limit=$2 rc line pass fail
    shift 2
    echo "== suite $name"
    timeout --kill-after=10 "$limit" "$@" >"$LOGS/$name.log" 2>&1
    rc=$?
    line=$(grep -E '^([A-Za-z0-9_-]+: )?[0-9]+ passed, [0-9]+ failed' "$LOGS/$name.log" | tail -n 1)
    if [ -z "$line" ]; then
        tail -n 40 "$LOGS/$name.log"
        echo "   $name: no closing 'N passed, N failed' line (exit status $rc)"
        record "$name" 0 1
        return
    fi
    pass=$(echo "$line" | sed -E 's/^([A-Za-z0-9_-]+: )?([0-9]+) passed, ([0-9]+) failed.*/\2/')
    fail=$(echo "$line" | sed -E 's/^([A-Za-z0-9_-]+: )?([0-9]+) passed, ([0-9]+) failed.*/\3/')
    if [ "$rc" -ne 0 ] && [ "$fail" -eq 0 ]; then
        echo "   $name: exit status $rc although it reported no failure"
        fail=1
    fi
    [ "$fail" -ne 0 ] && tail -n 60 "$LOGS/$name.log"
    echo "   $line"
    record "$name" "$pass" "$fail"
}

suite format 300 bash tools/format-check.sh

SIM=build/sim
ASAN=build/sim-asan
QEMUB=build/stm32f405-qemu
# A tree that fails to build is recorded as a failure; the suites that need it do not run.
build sim "$SIM" -DRTL_BOARD=sim -DCMAKE_BUILD_TYPE=RelWithDebInfo && sim_ok=1
build sim-asan "$ASAN" -DRTL_BOARD=sim -DRTL_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug && asan_ok=1
build qemu "$QEMUB" -DRTL_BOARD=stm32f405-qemu -DCMAKE_BUILD_TYPE=MinSizeRel && qemu_ok=1

# Kernel, shell and file system on the simulator, plain and under ASan+UBSan.
for tree in ${sim_ok:+sim:$SIM} ${asan_ok:+asan:$ASAN}; do
    name=${tree%%:*}
    dir=${tree#*:}
    suite "sim-host-$name" 120 python3 bsp/sim/tests/host_test.py "$dir/rtthread-sim"
    suite "sim-port-$name" 300 python3 tests/kernel/run.py "$dir/rtthread-sim" --pattern sim
    suite "kernel-$name" 600 python3 tests/kernel/run.py "$dir/rtthread-sim"
    suite "shell-$name" 300 python3 tests/shell/run.py "$dir/rtthread-sim"
    suite "dfs-$name" 300 python3 tests/dfs/run.py "$dir/rtthread-sim"
    suite "python-rtos-$name" 600 python3 tests/python-rtos/run.py "$dir/rtthread-sim"
    suite "python-port-$name" 300 python3 tests/kernel/run.py "$dir/rtthread-sim" \
        --pattern testcases.python
    # The interpreter on the host: scripts compared with python3, and its libraries' tests.
    suite "python-$name" 1200 python3 tests/python/run.py "$dir/rtpy"
    suite "python-c-$name" 300 "$dir/rtpy_ctests"
    suite "pylib-$name" 600 sh python/lib/run_tests.sh "$dir"
    suite "fuzz-$name" 300 sh python/modules/fuzz/run.sh "$dir/rtpy" 2
done

# The kernel's utest cases once more under valgrind's memcheck (plain build).
if [ -n "${sim_ok:-}" ]; then
    suite kernel-valgrind 900 python3 tests/kernel/run.py "$SIM/rtthread-sim" --valgrind
fi

# The STM32F405 board in QEMU: kernel utest, console sessions, GPIO register log, sizes.
if [ -n "${qemu_ok:-}" ]; then
    suite qemu 900 python3 tests/qemu/run.py "$QEMUB"
    suite dfs-qemu 300 python3 tests/dfs/run.py --qemu "$QEMUB"
    suite python-rtos-qemu 900 python3 tests/python-rtos/run.py --qemu "$QEMUB"
fi

echo
echo "== results (logs in $LOGS)"
printf '%s\n' "${summary[@]}"
echo "total: $total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
