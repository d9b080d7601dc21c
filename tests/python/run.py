#!/usr/bin/env python3
"""Differential test runner for rtpy: CPython 3 is the oracle.

Usage: run.py RTPY [options] [paths...]

Every tests/python/**/*.py (except this file and anything inside a directory
or file whose name starts with '_', which hold helper modules) is run with
python3 and with RTPY; their stdout and exit status must match.  A test with
a `NAME.py.exp` file beside it is compared with that file instead (for
MicroPython-only behaviour CPython cannot produce); its exit status must be 0.

Per-test directives, in comment lines at the top of the test:
    # args: ARGS         arguments for the script (sys.argv[1:]), both interpreters
    # rtpy: ARGS         extra arguments for rtpy (e.g. -X heapsize=8k)
    # check: stderr      also compare the last line of stderr (exception
                         type and message of an uncaught exception)
    # timeout: SECONDS   per-test time limit (default from --timeout)

A test whose rtpy output is exactly "SKIP" counts as skipped.
The last line printed is "python: N passed, N failed[, N skipped]"; the exit
status is 0 only if nothing failed.
"""

import argparse
import re
import concurrent.futures
import difflib
import hashlib
import json
import os
import shlex
import signal
import subprocess
import sys
import select
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
# Both interpreters see UTC: the device has no time zone, and local-time
# tests must not depend on the machine running the suite.
RTPY_ENV = dict(os.environ, TZ="UTC")
ORACLE_ENV = dict(RTPY_ENV, PYTHONDONTWRITEBYTECODE="1", PYTHONHASHSEED="0",
                  PYTHONIOENCODING="utf-8")
ORACLE_ENV.pop("PYTHONPATH", None)
ORACLE_ENV.pop("PYTHONSTARTUP", None)


class Test:
    """One test script and its directives."""

    def __init__(self, path):
        self.path = path
        rel = os.path.relpath(path, HERE)
        self.name = path if rel.startswith("..") else rel
        self.rtpy_args = []
        self.script_args = []
        self.check_stderr = False
        self.timeout = None
        self.board_skip = False
        with open(path, "rb") as f:
            self.source = f.read()
        self._parse_directives()
        exp = path + ".exp"
        self.exp_file = exp if os.path.exists(exp) else None
        self.cwd = os.path.dirname(path)
        self.argv_tail = [os.path.basename(path)] + self.script_args

    def _parse_directives(self):
        for raw in self.source.decode("utf-8", "replace").splitlines():
            line = raw.strip()
            if not line.startswith("#"):
                break
            body = line[1:].strip()
            key, _, value = body.partition(":")
            key = key.strip()
            value = value.strip()
            if key == "rtpy":
                self.rtpy_args += shlex.split(value)
            elif key == "args":
                self.script_args += shlex.split(value)
            elif key == "check" and value == "stderr":
                self.check_stderr = True
            elif key == "timeout":
                self.timeout = float(value)
            elif key == "board" and value == "skip":
                self.board_skip = True


class CliTest:
    """A command-line case: the same arguments go to python3 and rtpy."""

    def __init__(self, desc, argv_tail, check_stderr=False):
        self.path = None
        self.name = "cli: " + desc
        self.source = repr(argv_tail).encode()
        self.rtpy_args = []
        self.check_stderr = check_stderr
        self.timeout = None
        self.exp_file = None
        self.cwd = HERE
        self.argv_tail = argv_tail


CLI_TESTS = [
    ("-c expression", ["-c", "print(6 * 7)"]),
    ("-c multi-statement", ["-c", "import sys\nfor i in range(3): print(i, end=' ')\nprint()"]),
    ("-c sys.argv", ["-c", "import sys; print(sys.argv)", "a", "b c"]),
    ("-c SystemExit(4)", ["-c", "raise SystemExit(4)"]),
    ("-c uncaught exception", ["-c", "print('x'); 1 / 0"], True),
    ("-c syntax error", ["-c", "x = = 1"]),
    ("script path and arguments", ["basics/argv.py", "arg1", "--flag"]),
    ("missing script", ["no_such_script_here.py"]),
    # CPython ignores unknown -X options, so these compare like the others
    ("-X heapsize=64k", ["-X", "heapsize=64k", "-c", "print([i * i for i in range(100)][-1])"]),
    ("-X heapsize=2m", ["-X", "heapsize=2m", "basics/argv.py", "x"]),
]


class Result:
    def __init__(self, stdout=b"", stderr=b"", status=0, error=None):
        self.stdout = stdout
        self.stderr = stderr
        self.status = status
        self.error = error  # crash/timeout/launch failure description


def run_process(argv, cwd, timeout, env=None):
    """Run argv in its own process group; kill the whole group on timeout."""
    try:
        proc = subprocess.Popen(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                start_new_session=True)
    except OSError as e:
        return Result(error="cannot run %s: %s" % (argv[0], e))
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except OSError:
            pass
        out, err = proc.communicate()
        return Result(out, err, None, "timeout after %gs" % timeout)
    res = Result(out, err, proc.returncode)
    if proc.returncode < 0:
        try:
            name = signal.Signals(-proc.returncode).name
        except ValueError:
            name = "signal %d" % -proc.returncode
        res.error = "crashed: killed by %s" % name
    return res


def last_line(data):
    lines = [l for l in data.decode("utf-8", "replace").splitlines() if l.strip()]
    return lines[-1].strip() if lines else ""


class Oracle:
    """python3's results, cached by test content (never committed)."""

    def __init__(self, python, cache_dir, timeout):
        self.python = resolve_python(python)
        self.cache_dir = cache_dir
        self.timeout = timeout
        if cache_dir:
            os.makedirs(cache_dir, exist_ok=True)

    def _key(self, test):
        h = hashlib.sha256()
        h.update(test.name.encode())
        h.update(test.source)
        h.update(repr(test.argv_tail).encode())
        # Helper modules next to the test can change its output too.
        for helper in sorted(helper_files(test.cwd)) if test.path else []:
            with open(helper, "rb") as f:
                h.update(helper.encode() + f.read())
        h.update(sys.version.encode())
        return h.hexdigest()

    def expected(self, test):
        if test.exp_file:
            with open(test.exp_file, "rb") as f:
                return Result(f.read(), b"", 0)
        path = os.path.join(self.cache_dir, self._key(test)) if self.cache_dir else None
        if path and os.path.exists(path):
            with open(path) as f:
                d = json.load(f)
            return Result(d["stdout"].encode("latin-1"), d["stderr"].encode("latin-1"),
                          d["status"])
        res = run_process([self.python, "-B", "-E", "-s"] + test.argv_tail,
                          test.cwd, self.timeout * 3, ORACLE_ENV)
        if res.error is None and path:
            tmp = path + ".%d.tmp" % os.getpid()
            with open(tmp, "w") as f:
                json.dump({"stdout": res.stdout.decode("latin-1"),
                           "stderr": res.stderr.decode("latin-1"),
                           "status": res.status}, f)
            os.replace(tmp, path)
        return res


def resolve_python(name):
    """The interpreter binary behind name (skips slow wrapper shims)."""
    try:
        out = subprocess.run([name, "-c", "import sys; print(sys.executable)"],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             timeout=60, check=True).stdout.decode().strip()
        return out or name
    except (OSError, subprocess.SubprocessError):
        return name


def helper_files(directory):
    """Files under '_'-prefixed subdirectories of a test directory."""
    out = []
    for entry in os.listdir(directory):
        sub = os.path.join(directory, entry)
        if entry.startswith("_") and os.path.isdir(sub) and entry != "__pycache__":
            for root, dirs, files in os.walk(sub):
                dirs[:] = [d for d in dirs if d != "__pycache__"]
                out += [os.path.join(root, f) for f in files if f.endswith(".py")]
    return out


def sanitizer_report(stderr):
    """First line of an ASan/UBSan/LSan report in stderr, or None."""
    for line in stderr.decode("utf-8", "replace").splitlines():
        if ("ERROR: AddressSanitizer" in line or "ERROR: LeakSanitizer" in line
                or "runtime error:" in line):
            return line.strip()[:200]
    return None


def short_diff(expected, got, limit=12):
    exp = expected.decode("utf-8", "replace").splitlines()
    act = got.decode("utf-8", "replace").splitlines()
    diff = list(difflib.unified_diff(exp, act, "expected", "rtpy", n=1, lineterm=""))
    if len(diff) > limit:
        diff = diff[:limit] + ["    ... (%d more diff lines)" % (len(diff) - limit)]
    return "\n".join("    " + l for l in diff)


def check(test, oracle, rtpy, extra_args, timeout):
    """Return ('pass'|'fail'|'skip', message)."""
    t = test.timeout or timeout
    exp = oracle.expected(test)
    if exp.error:
        return "fail", "python3 oracle failed: %s" % exp.error
    argv = [rtpy] + extra_args + test.rtpy_args + test.argv_tail
    got = run_process(argv, test.cwd, t, RTPY_ENV)
    if got.error:
        msg = got.error
        tail = last_line(got.stderr)
        if tail:
            msg += "; stderr: " + tail[:200]
        return "fail", msg
    sanitizer = sanitizer_report(got.stderr)
    if sanitizer:
        return "fail", "sanitizer: " + sanitizer
    if got.stdout.strip() == b"SKIP":
        return "skip", ""
    problems = []
    if got.stdout != exp.stdout:
        problems.append("stdout differs\n" + short_diff(exp.stdout, got.stdout))
    if got.status != exp.status:
        msg = "exit status %s, expected %s" % (got.status, exp.status)
        if got.status != 0 and not test.check_stderr:
            msg += "; stderr: " + last_line(got.stderr)[:200]
        problems.append(msg)
    if test.check_stderr and last_line(got.stderr) != last_line(exp.stderr):
        problems.append("stderr last line: expected %r, got %r"
                        % (last_line(exp.stderr), last_line(got.stderr)))
    if problems:
        return "fail", "\n    ".join(problems)
    return "pass", ""


TRACEBACK = b"Traceback (most recent call last):"
PROMPT = b"msh />"


class BoardSession:
    """One QEMU netduinoplus2 running the firmware; scripts run from msh.

    QEMU runs in the repository root, so a host file is /host/<path> on the
    board (DFS over semihosting). stdout and stderr share the console.
    """

    def __init__(self, elf, boot_timeout=60):
        self.proc = subprocess.Popen(
            ["qemu-system-arm", "-M", "netduinoplus2", "-display", "none",
             "-monitor", "none", "-serial", "stdio", "-no-reboot",
             "-semihosting-config", "enable=on,target=native", "-kernel", elf],
            cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL, start_new_session=True)
        self.buf = b""
        if self._read_until(PROMPT, boot_timeout) is None:
            self.close()
            raise OSError("firmware did not reach the msh prompt")

    def _read_until(self, token, timeout):
        """Bytes up to and including token, or None on timeout/exit."""
        end = time.monotonic() + timeout
        fd = self.proc.stdout.fileno()
        while token not in self.buf:
            left = end - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                return None
            data = os.read(fd, 65536)
            if not data:
                return None
            self.buf += data
        i = self.buf.index(token) + len(token)
        out, self.buf = self.buf[:i], self.buf[i:]
        return out

    def command(self, line, timeout):
        """Run one msh command: its output without echo and prompt, or None."""
        self.proc.stdin.write(line.encode() + b"\r")
        self.proc.stdin.flush()
        out = self._read_until(b"\n" + PROMPT, timeout)
        if out is None:
            return None
        out = out[:-len(PROMPT)].replace(b"\r\n", b"\n")
        return out.split(b"\n", 1)[1] if b"\n" in out else b""

    def close(self):
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except OSError:
            pass
        self.proc.wait()


class Board:
    """A QEMU session per worker thread, restarted after a hang or crash."""

    def __init__(self, elf):
        self.elf = elf
        self.local = threading.local()
        self.sessions = []
        self.lock = threading.Lock()

    def run(self, test, timeout):
        sess = getattr(self.local, "session", None)
        if sess is None:
            try:
                sess = self.local.session = BoardSession(self.elf)
            except OSError as e:
                return Result(error="board: cannot start QEMU: %s" % e)
            with self.lock:
                self.sessions.append(sess)
        # the semihosting file system cannot cd into folders: absolute paths,
        # so tests that import helpers relative to their folder fail here
        script = "/host/" + os.path.relpath(test.path, REPO)
        args = [script] + test.argv_tail[1:]
        out = sess.command("python " + " ".join(shlex.quote(a) for a in args), timeout)
        if out is None:
            sess.close()
            self.local.session = None
            return Result(error="board: no msh prompt within %gs (hang or crash); "
                          "QEMU restarted" % timeout)
        return Result(out, b"", 1 if TRACEBACK in out else 0)

    def close(self):
        for s in self.sessions:
            s.close()


def check_board(test, oracle, board, timeout):
    """Compare a board run: stdout and the traceback share the console."""
    if test.path is None or test.board_skip:
        return "skip", ""
    exp = oracle.expected(test)
    if exp.error:
        return "fail", "python3 oracle failed: %s" % exp.error
    got = board.run(test, test.timeout or timeout)
    if got.error:
        return "fail", got.error
    if got.stdout.strip() == b"SKIP":
        return "skip", ""
    out, _, tb = got.stdout.partition(TRACEBACK)
    exp_tb = TRACEBACK in exp.stderr
    if exp.stderr and not exp_tb:
        # lines CPython wrote to stderr appear on the console too
        extra = set(exp.stderr.splitlines())
        out = b"".join(l for l in out.splitlines(True) if l.rstrip(b"\n") not in extra)
    problems = []
    if out != exp.stdout:
        problems.append("stdout differs\n" + short_diff(exp.stdout, out))
    if bool(tb) != exp_tb:
        problems.append("uncaught exception: expected %s, got %s"
                        % (last_line(exp.stderr) or "none", last_line(tb) or "none"))
    elif exp_tb and test.check_stderr and last_line(tb) != last_line(exp.stderr):
        problems.append("exception: expected %r, got %r"
                        % (last_line(exp.stderr), last_line(tb)))
    if problems:
        return "fail", "\n    ".join(problems)
    return "pass", ""


KNOWN_FAILURES = os.path.join(HERE, "known_failures.txt")


def is_sanitizer_build(rtpy):
    """True for an ASan/UBSan build of rtpy (its CMake cache, or its code)."""
    cache = os.path.join(os.path.dirname(os.path.abspath(rtpy)), "CMakeCache.txt")
    try:
        with open(cache) as f:
            if re.search(r"^RTL_SANITIZE:BOOL=(ON|1|TRUE)$", f.read(), re.M | re.I):
                return True
    except OSError:
        pass
    try:
        with open(rtpy, "rb") as f:
            return b"__asan_init" in f.read()
    except OSError:
        return False


def load_known_failures(sanitizer):
    """{test name: reason} from known_failures.txt.

    Each line is `PATH # reason`; a line starting with `[asan]` applies only
    to sanitizer builds and `[plain]` only to the others."""
    known = {}
    try:
        with open(KNOWN_FAILURES) as f:
            lines = f.read().splitlines()
    except OSError:
        return known
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        tag = None
        m = re.match(r"\[(asan|plain)\]\s*(.*)", line)
        if m:
            tag, line = m.group(1), m.group(2)
        if (tag == "asan" and not sanitizer) or (tag == "plain" and sanitizer):
            continue
        path, _, reason = line.partition("#")
        known[path.strip()] = reason.strip() or "listed"
    return known


def discover(paths):
    found = []
    for p in paths:
        p = os.path.abspath(p)
        if os.path.isfile(p):
            found.append(p)
            continue
        if not os.path.isdir(p):
            sys.exit("run.py: no such test or directory: %s" % p)
        for root, dirs, files in os.walk(p):
            dirs[:] = sorted(d for d in dirs if not d.startswith(("_", ".")))
            for f in sorted(files):
                full = os.path.join(root, f)
                if f.endswith(".py") and not f.startswith("_") and \
                        full != os.path.abspath(__file__):
                    found.append(full)
    return sorted(set(found))


def main():
    ap = argparse.ArgumentParser(description="Run the rtpy Python test suite "
                                 "against python3 as the oracle.")
    ap.add_argument("rtpy", help="path to the rtpy binary")
    ap.add_argument("paths", nargs="*", help="test files or directories, or "
                    "'cli' for the command-line cases (default: everything)")
    ap.add_argument("-j", type=int, default=2, help="parallel jobs (default 2)")
    ap.add_argument("--rtpy-args", default="", help="extra arguments for every "
                    "rtpy run, e.g. '-X heapsize=16k'")
    ap.add_argument("--timeout", type=float, default=10.0,
                    help="per-test timeout in seconds (default 10)")
    ap.add_argument("--python", default="python3", help="oracle interpreter")
    ap.add_argument("--cache", default=os.path.join(tempfile.gettempdir(),
                                                    "rtpy-pytests-cache"),
                    help="python3 output cache directory ('' to disable)")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="also print passing and skipped tests")
    ap.add_argument("--by-folder", action="store_true",
                    help="print pass/fail counts per folder before the total")
    ap.add_argument("--no-known", action="store_true",
                    help="ignore known_failures.txt (report every failure)")
    ap.add_argument("--board", action="store_true",
                    help="RTPY is an stm32f405-qemu firmware ELF: run each script "
                    "with msh's python command in QEMU (one QEMU per job; "
                    "rtpy arguments and the cli cases do not apply)")
    args = ap.parse_intermixed_args()

    rtpy = os.path.abspath(args.rtpy) if os.sep in args.rtpy else args.rtpy
    if args.board and not os.path.isfile(rtpy):
        print("run.py: firmware not found: %s" % rtpy)
        print("python: 0 passed, 1 failed")
        return 1
    if not args.board and os.sep in rtpy and not os.access(rtpy, os.X_OK):
        print("run.py: rtpy binary not found or not executable: %s" % rtpy)
        print("python: 0 passed, 1 failed")
        return 1
    paths = [p for p in args.paths if p != "cli"] if args.paths else [HERE]
    tests = [Test(p) for p in discover(paths)] if paths else []
    if not args.board and (not args.paths or "cli" in args.paths):
        tests += [CliTest(*c) for c in CLI_TESTS]
    board = Board(rtpy) if args.board else None
    oracle = Oracle(args.python, args.cache, args.timeout)
    extra = shlex.split(args.rtpy_args)
    counts = {"pass": 0, "fail": 0, "skip": 0, "xfail": 0}
    folders = {}
    known = {} if args.no_known or args.board else load_known_failures(
        not args.board and is_sanitizer_build(rtpy))
    with concurrent.futures.ThreadPoolExecutor(max(1, args.j)) as pool:
        if board:
            futures = [(t, pool.submit(check_board, t, oracle, board, args.timeout))
                       for t in tests]
        else:
            futures = [(t, pool.submit(check, t, oracle, rtpy, extra, args.timeout))
                       for t in tests]
        for test, fut in futures:
            status, msg = fut.result()
            reason = known.get(test.name)
            if reason is not None and status == "fail":
                status = "xfail"
                if args.verbose:
                    print("XFAIL %s: %s" % (test.name, reason), flush=True)
            elif reason is not None and status == "pass":
                status, msg = "fail", ("XPASS: passes but is listed in known_failures.txt "
                                       "(%s): remove its line" % reason)
            counts[status] += 1
            folder = test.name.split(":")[0] if test.path is None else \
                os.path.dirname(test.name) or "."
            folders.setdefault(folder, {"pass": 0, "fail": 0, "skip": 0,
                                        "xfail": 0})[status] += 1
            if status == "fail":
                print("FAIL %s: %s" % (test.name, msg), flush=True)
            elif args.verbose and status != "xfail":
                print("%s %s" % (status.upper(), test.name), flush=True)
    if args.by_folder:
        for folder in sorted(folders):
            c = folders[folder]
            print("  %-16s %4d passed %4d failed %4d skipped %4d xfail"
                  % (folder, c["pass"], c["fail"], c["skip"], c["xfail"]))
    if board:
        board.close()
    summary = "python: %d passed, %d failed" % (counts["pass"], counts["fail"])
    if counts["skip"]:
        summary += ", %d skipped" % counts["skip"]
    if counts["xfail"]:
        summary += ", %d xfail" % counts["xfail"]
    print(summary)
    return 1 if counts["fail"] else 0


if __name__ == "__main__":
    sys.exit(main())
