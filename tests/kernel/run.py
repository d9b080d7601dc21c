#!/usr/bin/env python3
"""Run the kernel utest cases inside the simulator and report the result.

Usage: run.py SIM_BINARY [--valgrind] [--pattern PATTERN] [--timeout SECONDS] [--no-fatal]

Boots SIM_BINARY, types `utest_run PATTERN` (default testcases.kernel) into its shell once the
prompt is up and prints everything the simulator prints. Then, in two more runs, it triggers
the kernel's fatal paths on purpose (`ktest_fatal overflow` / `ktest_fatal assert`, from
tests/kernel/sim/fatal_cmd.c): a halted system cannot report to utest, so these are checked
from outside (the message, then exit status 1). The last line is `kernel: N passed, N failed`:
utest's own summary (`utest: N passed, N failed`) plus the fatal checks. A crash, a hang past
the timeout or (with --valgrind) a memcheck error adds one failure. Exit status 0 only if all
passed.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import threading
import time

SUMMARY = re.compile(r"^utest: (\d+) passed, (\d+) failed\s*$")
TC_PASSED = re.compile(r"\[\s*PASSED\s*\]\s*\[\s*result\s*\]")
TC_FAILED = re.compile(r"\[\s*FAILED\s*\]\s*\[\s*result\s*\]")
VALGRIND_RC = 99
PROMPT = b"msh />"
BOOT_TIMEOUT = 60.0  # seconds until the first prompt (valgrind boots slowly)


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sim", help="path of the rtthread-sim binary")
    ap.add_argument("--valgrind", action="store_true", help="run the simulator under memcheck")
    ap.add_argument("--pattern", default="testcases.kernel", help="utest name pattern")
    ap.add_argument("--timeout", type=float, default=None,
                    help="hard limit in seconds (default 120, 900 with --valgrind)")
    ap.add_argument("--no-fatal", action="store_true",
                    help="skip the fatal-error runs (stack overflow, failed assertion)")
    args = ap.parse_args()
    if args.timeout is None:
        args.timeout = 900.0 if args.valgrind else 120.0
    return args


def command(args):
    cmd = [os.path.abspath(args.sim), "--no-fs"]
    if args.valgrind:
        if shutil.which("valgrind") is None:
            sys.exit("run.py: valgrind is not installed")
        cmd = ["valgrind", "--quiet", "--error-exitcode=%d" % VALGRIND_RC,
               "--leak-check=no", "--track-origins=no"] + cmd
    return cmd


class Reader(threading.Thread):
    """Copies the simulator's output to our stdout line by line, notices the first shell prompt
    and watches for the utest summary."""

    def __init__(self, stream):
        super().__init__(daemon=True)
        self.stream = stream
        self.lines = []
        self.summary = None
        self.prompts = 0  # shell prompts seen so far
        self.prompt = threading.Event()
        self.seen = threading.Event()

    def line(self, raw):
        line = raw.decode("utf-8", "replace").rstrip("\r")
        self.lines.append(line)
        print(line, flush=True)
        m = SUMMARY.match(line.strip())
        if m:
            self.summary = (int(m.group(1)), int(m.group(2)))
            self.seen.set()

    def run(self):
        pending = b""
        while True:
            chunk = os.read(self.stream.fileno(), 4096)
            if not chunk:
                break
            # a prompt may straddle two reads: look at the tail of the previous one too
            self.prompts += (pending[-len(PROMPT) + 1:] + chunk).count(PROMPT)
            pending += chunk
            if self.prompts:
                self.prompt.set()
            *complete, pending = pending.split(b"\n")
            for raw in complete:
                self.line(raw)
        if pending:
            self.line(pending)
        self.prompt.set()
        self.seen.set()


def finish(proc, grace):
    """Give the simulator `grace` seconds to exit on its own, then kill it."""
    try:
        return proc.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        return None


def boot(args):
    """Start the simulator; returns (process, reader, problems) once the prompt is up."""
    proc = subprocess.Popen(command(args), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    reader = Reader(proc.stdout)
    reader.start()
    problems = []
    # Type only once the shell is listening: input sent during boot may be dropped, as on a
    # real UART.
    limit = min(BOOT_TIMEOUT, args.timeout)
    if not reader.prompt.wait(timeout=limit):
        problems.append("no shell prompt within %.0f s" % limit)
    return proc, reader, problems


def type_line(proc, line, problems):
    try:
        proc.stdin.write((line + "\n").encode())
        proc.stdin.flush()
    except BrokenPipeError:
        problems.append("the simulator exited before reading %r" % line)


def run_utest(args):
    """The utest run: returns (passed, failed, problems)."""
    proc, reader, problems = boot(args)
    type_line(proc, "utest_run %s" % args.pattern, problems)
    if not reader.seen.wait(timeout=args.timeout):
        problems.append("timed out after %.0f s" % args.timeout)
    try:
        proc.stdin.close()  # end of input: the shell exits the simulator
    except BrokenPipeError:
        pass
    rc = finish(proc, 5.0 if not problems else 0.0)
    reader.join(timeout=5.0)

    if reader.summary is None and not problems:
        problems.append("the simulator ended without a utest summary (exit status %s)" % rc)
    if rc == VALGRIND_RC and args.valgrind:
        problems.append("valgrind reported memory errors")
    elif rc not in (0, None) and reader.summary is not None:
        problems.append("the simulator exited with status %d" % rc)
    if reader.summary is not None:
        passed, failed = reader.summary
    else:  # count the test cases that finished before the crash or hang
        passed = sum(1 for l in reader.lines if TC_PASSED.search(l))
        failed = sum(1 for l in reader.lines if TC_FAILED.search(l))
    return passed, failed, problems


FATAL_CHECKS = (
    ("overflow", re.compile(r"thread:kfatalv stack overflow"),
     "a corrupted stack guard halts the system"),
    ("assert", re.compile(r"\(two \+ two == 5\) assertion failed at function:fatal_assert, "
                          r"line number:\d+"),
     "a failed RT_ASSERT halts the system"),
)


def run_fatal(args, what, expect, title):
    """One fatal-path run: the kernel must print `expect` and the simulator exit with 1."""
    proc, reader, problems = boot(args)
    prompts = reader.prompts
    type_line(proc, "ktest_fatal %s" % what, problems)
    limit = time.monotonic() + min(args.timeout, 60.0 if not args.valgrind else 300.0)
    rc = None
    # Poll: the process should end; a new prompt means the shell carried on instead.
    while rc is None and time.monotonic() < limit and reader.prompts == prompts:
        try:
            rc = proc.wait(timeout=0.2)
        except subprocess.TimeoutExpired:
            pass
    carried_on = reader.prompts != prompts
    if rc is None:
        rc = finish(proc, 1.0)
    if rc is None:
        problems.append("the system did not halt" +
                        (" (the shell prompted again)" if carried_on else ""))
    reader.join(timeout=5.0)
    text = "\n".join(reader.lines)
    if not expect.search(text):
        problems.append("no %r message" % expect.pattern)
    if rc is not None and rc != 1:
        problems.append("exit status %s, expected 1" % rc)
    ok = not problems
    print("run.py: [%s] fatal %s: %s%s" % ("PASS" if ok else "FAIL", what, title,
                                           "" if ok else " (%s)" % "; ".join(problems)))
    return ok


def main():
    args = parse_args()
    start = time.monotonic()
    passed, failed, problems = run_utest(args)
    if not args.no_fatal:
        for what, expect, title in FATAL_CHECKS:
            if run_fatal(args, what, expect, title):
                passed += 1
            else:
                failed += 1
    for p in problems:
        print("run.py: %s" % p)
    failed += len(problems)
    print("run.py: %.1f s" % (time.monotonic() - start))
    print("kernel: %d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
