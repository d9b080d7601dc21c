#!/usr/bin/env python3
"""Compare rtpy with python3 by instruction count (valgrind callgrind).

Usage: run.py RTPY [options] [programs...]

Each bench/*.py program (default: all; empty.py is the startup probe) is run
under `valgrind --tool=callgrind` with rtpy and with python3.  The table
shows both instruction counts and their ratio (rtpy / python3), then the
geometric mean of the ratios (startup excluded) and the startup counts.
A program whose rtpy output differs from python3's is reported as a
mismatch and makes the exit status 1.  If RTPY is missing, only python3 is
measured and that is stated clearly (exit status 2).

Exit status: 0 all outputs matched; 1 a mismatch or an rtpy failure;
2 rtpy missing; 3 valgrind or python3 unusable.
"""

import argparse
import concurrent.futures
import math
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
STARTUP = "empty.py"
COLLECTED = re.compile(rb"Collected\s*:\s*([0-9,]+)")
PY_ENV = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONHASHSEED="0")


def callgrind(argv, cwd, timeout):
    """Run argv under callgrind: (instructions or None, stdout, error)."""
    cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"] + argv
    try:
        p = subprocess.run(cmd, cwd=cwd, env=PY_ENV, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, b"", "timeout after %ds" % timeout
    m = COLLECTED.search(p.stderr)
    if p.returncode != 0:
        tail = p.stderr.decode("utf-8", "replace").strip().splitlines()
        tail = [l for l in tail if not l.startswith("==")]
        return None, p.stdout, "exit status %d%s" % (
            p.returncode, (": " + tail[-1][:120]) if tail else "")
    if not m:
        return None, p.stdout, "no 'Collected' line from callgrind"
    return int(m.group(1).replace(b",", b"")), p.stdout, None


def real_python(name):
    """Resolve python3 to its binary: valgrind does not follow shims/wrappers."""
    try:
        out = subprocess.run([name, "-c", "import sys; print(sys.executable)"],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             timeout=30, check=True)
        exe = out.stdout.decode().strip()
        return exe or None
    except (OSError, subprocess.SubprocessError):
        return None


def warn_unoptimized(rtpy):
    """Instruction counts of an unoptimised build mean little: say so."""
    cache = os.path.join(os.path.dirname(rtpy), "CMakeCache.txt")
    try:
        with open(cache) as f:
            m = re.search(r"^CMAKE_BUILD_TYPE:\w+=(.*)$", f.read(), re.M)
    except OSError:
        return
    kind = m.group(1).strip() if m else ""
    if kind not in ("Release", "RelWithDebInfo", "MinSizeRel"):
        print("warning: %s is a %s build (no optimisation); use "
              "-DCMAKE_BUILD_TYPE=RelWithDebInfo (make bench does)"
              % (rtpy, kind or "default"))


def fmt(n):
    return "-" if n is None else "{:,}".format(n)


def main():
    ap = argparse.ArgumentParser(description="Instruction-count benchmark: "
                                 "rtpy versus python3 under callgrind.")
    ap.add_argument("rtpy", help="path to the rtpy binary")
    ap.add_argument("programs", nargs="*", help="bench programs (default: all)")
    ap.add_argument("--python", default="python3", help="reference interpreter")
    ap.add_argument("--rtpy-args", default="", help="extra rtpy arguments")
    ap.add_argument("-j", type=int, default=1, help="parallel valgrind runs")
    ap.add_argument("--timeout", type=int, default=900,
                    help="per-run timeout in seconds (default 900)")
    args = ap.parse_intermixed_args()

    if not shutil.which("valgrind"):
        print("run.py: valgrind not found (apt-get install valgrind)")
        return 3
    py = real_python(args.python)
    if not py:
        print("run.py: cannot run %s" % args.python)
        return 3
    rtpy = os.path.abspath(args.rtpy)
    have_rtpy = os.path.isfile(rtpy) and os.access(rtpy, os.X_OK)
    if not have_rtpy:
        print("rtpy not found at %s: measuring python3 only" % rtpy)
    else:
        warn_unoptimized(rtpy)

    if args.programs:
        progs = [os.path.basename(p) for p in args.programs]
    else:
        progs = sorted(f for f in os.listdir(HERE)
                       if f.endswith(".py") and f not in ("run.py", STARTUP))
    if STARTUP not in progs:
        progs.append(STARTUP)
    for p in progs:
        if not os.path.isfile(os.path.join(HERE, p)):
            print("run.py: no such bench program: %s" % p)
            return 3

    jobs = {}
    progs.remove(STARTUP)
    progs.insert(0, STARTUP)  # first, so each row can show its net ratio
    with concurrent.futures.ThreadPoolExecutor(max(1, args.j)) as pool:
        for p in progs:
            jobs[(p, "py")] = pool.submit(callgrind, [py, "-B", "-E", "-s", p],
                                          HERE, args.timeout)
            if have_rtpy:
                jobs[(p, "rt")] = pool.submit(
                    callgrind, [rtpy] + args.rtpy_args.split() + [p], HERE, args.timeout)
        return report(progs, jobs, have_rtpy)


class Results:
    """Waits for a run's future on first access, so rows print as they finish."""

    def __init__(self, jobs):
        self.jobs = jobs

    def __getitem__(self, key):
        return self.jobs[key].result()

    def get(self, key, default):
        return self.jobs[key].result() if key in self.jobs else default


def report(progs, jobs, have_rtpy):
    """Print the table; 'net' subtracts each interpreter's startup count."""
    results = Results(jobs)
    status = 0
    notes = []
    ratios, nets = [], []
    py_s = results[(STARTUP, "py")][0]
    rt_s = results.get((STARTUP, "rt"), (None,))[0]
    print("%-16s %15s %15s %7s %7s" % ("program", "rtpy instr", "python3 instr",
                                        "ratio", "net"))
    for p in progs:
        if p == STARTUP:
            continue
        py_n, py_out, py_err = results[(p, "py")]
        if py_err:
            notes.append("%s: python3 failed: %s" % (p, py_err))
            status = max(status, 3)
        rt_n, rt_out, rt_err = results.get((p, "rt"), (None, b"", None))
        ratio = net = ""
        if have_rtpy:
            if rt_err:
                notes.append("%s: rtpy failed: %s" % (p, rt_err))
                status = max(status, 1)
            elif rt_out != py_out:
                notes.append("%s: OUTPUT MISMATCH: python3 %r, rtpy %r"
                             % (p, py_out[-80:], rt_out[-80:]))
                status = max(status, 1)
            if rt_n and py_n:
                ratios.append(rt_n / py_n)
                ratio = "%.2f" % (rt_n / py_n)
                if rt_s is not None and py_s is not None and py_n > py_s:
                    nets.append(max(rt_n - rt_s, 1) / (py_n - py_s))
                    net = "%.2f" % nets[-1]
        print("%-16s %15s %15s %7s %7s" % (p[:-3], fmt(rt_n), fmt(py_n), ratio, net),
              flush=True)
    if ratios:
        print("geometric mean ratio (rtpy/python3): %.2f over %d programs (target <= 1.5)"
              % (geomean(ratios), len(ratios)))
    if nets:
        print("geometric mean net ratio (startup subtracted): %.2f" % geomean(nets))
    print("startup (empty script): rtpy %s, python3 %s instructions (rtpy target <= 1,000,000)"
          % (fmt(rt_s), fmt(py_s)))
    for n in notes:
        print(n)
    if not have_rtpy:
        print("rtpy missing: no comparison made")
        return max(status, 2)
    return status


def geomean(values):
    return math.exp(sum(math.log(v) for v in values) / len(values))


if __name__ == "__main__":
    sys.exit(main())
