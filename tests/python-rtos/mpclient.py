"""A client of MicroPython's raw REPL and raw-paste protocols, as MicroPython's tools
(pyboard.py, mpremote) drive a board, written from the protocol's documentation.

    rr = RawRepl(console)           # a tests/shell/console.py Console at a ">>> " prompt
    rr.enter(soft_reset=True)
    out, err = rr.exec("print(1)")              # raw REPL: code, Ctrl-D, "OK", out \x04 err \x04
    out, err = rr.exec("print(2)", paste=True)  # raw-paste with flow control
    rr.exit()                       # Ctrl-B: back to the friendly REPL
"""

import re

BANNER = b"raw REPL; CTRL-B to exit\r\n"


class ProtocolError(Exception):
    """The board answered something the protocol does not allow."""


class RawRepl:
    def __init__(self, console, timeout=10.0):
        self.c = console
        self.timeout = timeout

    def _read(self, n):
        return self.c.expect(re.compile(b"(?s)" + b"." * n), self.timeout).group(0)

    def _until(self, marker):
        self.c.expect(re.escape(marker), self.timeout)
        return self.c.before

    def enter(self, soft_reset=True):
        self.c.send(b"\r\x03\x03")  # interrupt whatever runs
        self.c.read_quiet(0.2)
        self.c.send(b"\r\x01")  # Ctrl-A
        self._until(BANNER + b">")
        if soft_reset:
            self.c.send(b"\x04")
            self._until(b"soft reboot\r\n")
            self._until(BANNER)
            self._until(b">")

    def _send_raw(self, data):
        for i in range(0, len(data), 256):
            self.c.send(data[i:i + 256])
        self.c.send(b"\x04")
        ok = self._read(2)
        if ok != b"OK":
            raise ProtocolError("could not exec command (response: %r)" % ok)

    def _send_paste(self, data):
        self.c.send(b"\x05A\x01")
        answer = self._read(2)
        if answer != b"R\x01":
            raise ProtocolError("raw-paste refused: %r" % answer)
        window = int.from_bytes(self._read(2), "little")
        if window == 0:
            raise ProtocolError("raw-paste window of 0 bytes")
        remain, i, credits = window, 0, 0
        while i < len(data):
            while remain == 0:
                flag = self._read(1)
                if flag == b"\x01":
                    remain += window
                    credits += 1
                elif flag == b"\x04":
                    self.c.send(b"\x04")
                    raise ProtocolError("board ended raw-paste early")
                else:
                    raise ProtocolError("unexpected byte during raw-paste: %r" % flag)
            chunk = data[i:i + remain]
            self.c.send(chunk)
            remain -= len(chunk)
            i += len(chunk)
        self.c.send(b"\x04")
        self._until(b"\x04")  # acknowledgement of the end of data
        return credits

    def exec(self, code, paste=False):
        """Runs code; returns (stdout bytes, stderr bytes). Ends at the next ">" prompt."""
        data = code.encode() if isinstance(code, str) else code
        self.last_credits = self._send_paste(data) if paste else self._send_raw(data)
        out = self._until(b"\x04")
        err = self._until(b"\x04")
        self._until(b">")
        return out, err

    def exit(self):
        self.c.send(b"\x02")  # Ctrl-B
