"""Expect-style driver for a console program (the simulator, or QEMU with -serial stdio).

Standard library only. Every wait has a timeout; on a timeout or an unexpected exit the
process is killed and ConsoleError is raised with the tail of the transcript, so a test run
never hangs.

    from console import Shell
    with Shell(["build/sim/bsp/sim/rtthread-sim"]) as sh:
        sh.wait_prompt()
        out = sh.cmd("ps")            # output of the command, echo and prompt removed
        sh.send(b"he" + KEY_LEFT)     # raw bytes
        sh.expect(r"thread\\s+pri")   # regex (str or bytes) or a list of them
"""

import os
import re
import select
import signal
import subprocess
import time

KEY_UP = b"\x1b[A"
KEY_DOWN = b"\x1b[B"
KEY_RIGHT = b"\x1b[C"
KEY_LEFT = b"\x1b[D"
KEY_HOME = b"\x1b[H"
KEY_END = b"\x1b[F"
KEY_HOME_VT = b"\x1b[1~"
KEY_END_VT = b"\x1b[4~"
KEY_HOME_SS3 = b"\x1bOH"
KEY_END_SS3 = b"\x1bOF"
KEY_DELETE = b"\x1b[3~"
KEY_BACKSPACE = b"\x7f"
KEY_CTRL_H = b"\x08"
KEY_CTRL_C = b"\x03"
KEY_TAB = b"\t"

PROMPT_RE = rb"msh [^\r\n>]*>"


class ConsoleError(Exception):
    """A wait timed out, the program exited early, or a write failed."""


def _to_bytes(data):
    return data.encode() if isinstance(data, str) else bytes(data)


def _compile(pattern):
    if isinstance(pattern, re.Pattern):
        if isinstance(pattern.pattern, str):
            return re.compile(pattern.pattern.encode(), pattern.flags & ~re.UNICODE)
        return pattern
    return re.compile(_to_bytes(pattern))


class Console:
    """A child process whose stdin we write and whose stdout+stderr we match."""

    def __init__(self, argv, timeout=10.0, env=None, cwd=None):
        self.argv = list(argv)
        self.timeout = timeout
        self.buf = b""
        self.pos = 0  # matching starts here; advanced past each match
        self.before = b""  # text between the previous position and the last match
        self.eof = False
        self.proc = subprocess.Popen(
            self.argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, bufsize=0, env=env, cwd=cwd, start_new_session=True)
        os.set_blocking(self.proc.stdout.fileno(), False)

    # -- context manager -------------------------------------------------------------------
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    # -- reading ---------------------------------------------------------------------------
    def _read_some(self, deadline):
        """Read what is available, waiting until deadline; False on timeout or EOF."""
        if self.eof:
            return False
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return False
        ready, _, _ = select.select([self.proc.stdout], [], [], remaining)
        if not ready:
            return False
        try:
            chunk = os.read(self.proc.stdout.fileno(), 65536)
        except BlockingIOError:
            return True
        if not chunk:
            self.eof = True
            return False
        self.buf += chunk
        return True

    def tail(self, n=1500):
        """The last n bytes of the transcript, as text."""
        return self.buf[-n:].decode("utf-8", "replace")

    def transcript(self):
        return self.buf.decode("utf-8", "replace")

    def _fail(self, what):
        self.kill()
        raise ConsoleError("%s\n--- last output of %s ---\n%s\n--- end ---"
                           % (what, " ".join(self.argv), self.tail()))

    def expect(self, patterns, timeout=None):
        """Wait for the first of patterns (regex str/bytes/compiled, or a list of them).

        Returns the re.Match (its .re tells which one matched when a list was given) and
        moves the match position past it; self.before holds the text skipped over.
        """
        plist = patterns if isinstance(patterns, (list, tuple)) else [patterns]
        regs = [_compile(p) for p in plist]
        deadline = time.monotonic() + (self.timeout if timeout is None else timeout)
        while True:
            best = None
            for r in regs:
                m = r.search(self.buf, self.pos)
                if m and (best is None or m.start() < best.start()):
                    best = m
            if best is not None:
                self.before = self.buf[self.pos:best.start()]
                self.pos = best.end()
                return best
            if not self._read_some(deadline):
                if self.eof:
                    self.proc.wait(timeout=5)
                    self._fail("program exited (status %s) while waiting for %r"
                               % (self.proc.returncode, [r.pattern for r in regs]))
                if time.monotonic() >= deadline:
                    self._fail("timed out after %.1fs waiting for %r"
                               % (self.timeout if timeout is None else timeout,
                                  [r.pattern for r in regs]))

    def expect_exact(self, text, timeout=None):
        return self.expect(re.escape(_to_bytes(text)), timeout)

    def read_quiet(self, quiet=0.3, timeout=None):
        """Collect output until nothing new arrives for `quiet` seconds; returns it."""
        deadline = time.monotonic() + (self.timeout if timeout is None else timeout)
        start = len(self.buf)
        while time.monotonic() < deadline:
            if not self._read_some(min(deadline, time.monotonic() + quiet)):
                break
        self.pos = len(self.buf)
        return self.buf[start:]

    # -- writing ---------------------------------------------------------------------------
    def send(self, data):
        try:
            self.proc.stdin.write(_to_bytes(data))
            self.proc.stdin.flush()
        except (BrokenPipeError, ValueError):
            self._fail("cannot write: program has exited (status %s)" % self.proc.poll())

    def sendline(self, line="", end=b"\r"):
        self.send(_to_bytes(line) + end)

    # -- process ---------------------------------------------------------------------------
    def wait_exit(self, timeout=None):
        """Wait for the program to exit by itself; returns its status. Kills it on timeout."""
        deadline = time.monotonic() + (self.timeout if timeout is None else timeout)
        while self.proc.poll() is None and time.monotonic() < deadline:
            self._read_some(min(deadline, time.monotonic() + 0.1))
        if self.proc.poll() is None:
            self._fail("timed out waiting for the program to exit")
        while self._read_some(time.monotonic() + 0.2):
            pass
        return self.proc.returncode

    def kill(self):
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                self.proc.kill()
            self.proc.wait(timeout=5)

    def close(self):
        """Close stdin (EOF), give the program a moment to exit, then kill it."""
        if self.proc.poll() is None:
            try:
                self.proc.stdin.close()
            except (BrokenPipeError, OSError):
                pass
            try:
                self.proc.wait(timeout=2)
            except subprocess.TimeoutExpired:
                self.kill()
        for f in (self.proc.stdin, self.proc.stdout):
            try:
                f.close()
            except (BrokenPipeError, OSError):
                pass


class Shell(Console):
    """A Console talking to RT-Thread's msh."""

    def __init__(self, argv, timeout=10.0, prompt=PROMPT_RE, **kw):
        super().__init__(argv, timeout, **kw)
        self.prompt = prompt

    def wait_prompt(self, timeout=None):
        """Wait for the next prompt; returns the text before it ('\\r' removed)."""
        self.expect(self.prompt, timeout)
        return self.before.decode("utf-8", "replace").replace("\r", "")

    def cmd(self, line, timeout=None, end=b"\r"):
        """Run one command line and return its output (echo and prompt removed)."""
        self.sendline(line, end)
        text = self.wait_prompt(timeout)
        first, sep, rest = text.partition("\n")
        return rest if sep else ""
