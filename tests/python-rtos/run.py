#!/usr/bin/env python3
"""Python on the RTOS, on the simulator: the `python` command (-c, scripts, exit status, heap
given back), the REPL (editing, history, completion, auto-indent, Ctrl-C in a loop and in a
sleep, paste mode, Ctrl-D), the raw REPL and raw-paste protocols driven by a client of our
own (mpclient.py), an mpremote-style file copy, Python threads at the REPL (Ctrl-C beside a
busy thread, threads stopped and the heap back after Ctrl-D), and the module scripts in
scripts/ whose output must match their .exp file.

Usage: run.py SIM_BINARY           on the simulator (files through its --fs host folder)
       run.py --qemu BUILD_DIR     on the STM32F405 in QEMU (files through /host, semihosting)
Last line: `python-rtos: N passed, N failed`; exit status 0 only if all passed.
"""

import os
import re
import shutil
import sys
import tempfile
import time
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "shell"))
from console import KEY_LEFT, KEY_UP, ConsoleError, Shell  # noqa: E402
from mpclient import RawRepl  # noqa: E402

PY_PROMPT = rb">>> "
results = {"passed": 0, "failed": 0}


class Target:
    """Where the tests run. `hostdir` is a host folder the board sees at `boarddir`."""

    def __init__(self, name, argv, hostdir, boarddir, cwd=None, slow=1.0):
        self.name, self.argv, self.hostdir, self.boarddir = name, argv, hostdir, boarddir
        self.cwd, self.slow = cwd, slow

    def shell(self):
        return Shell(self.argv, timeout=20 * self.slow, cwd=self.cwd)

    def board_path(self, name):
        return self.boarddir.rstrip("/") + "/" + name


def sim_target(sim, tmp, folder="fs"):
    hostdir = os.path.join(tmp, folder)
    os.makedirs(hostdir, exist_ok=True)
    return Target("sim", [sim, "--fs", hostdir], hostdir, "/")


def qemu_target(build, tmp):
    elf = os.path.join(os.path.abspath(build), "rtthread.elf")
    argv = ["qemu-system-arm", "-M", "netduinoplus2", "-display", "none", "-monitor", "none",
            "-serial", "stdio", "-no-reboot", "-kernel", elf,
            "-semihosting-config", "enable=on,target=native",
            "-d", "unimp", "-D", os.path.join(tmp, "unimp.log")]
    return Target("qemu", argv, tmp, "/host", cwd=tmp, slow=3.0)


def qemu_unimp_parser():
    """parse_unimp() of the QEMU suite: one reading of QEMU's -d unimp log format."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("qemu_run", os.path.join(HERE, "..", "qemu",
                                                                           "run.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.parse_unimp


def test_gpio_registers(sh, target):
    """machine.Pin on the STM32 registers: the BSRR writes QEMU logs."""
    log = os.path.join(target.hostdir, "unimp.log")
    parse = qemu_unimp_parser()
    start = len(parse(log))
    with open(os.path.join(target.hostdir, "gpio.py"), "w") as f:
        f.write("import machine\np = machine.Pin('PA5', machine.Pin.OUT)\np.on()\np.off()\n"
                "machine.Pin(('X1', 34), machine.Pin.OUT_PP).on()\n")
    out = sh.cmd("python " + target.board_path("gpio.py"), timeout=30)
    time.sleep(0.3)
    ops = parse(log)[start:]
    gpioa = [v for d, k, off, v in ops if d == "GPIOA" and k == "write" and off == 0x18]
    gpioc = [v for d, k, off, v in ops if d == "GPIOC" and k == "write" and off == 0x18]
    check("Pin('PA5').on()/off() write BSRR 0x20 then 0x200000", gpioa == [0x20, 0x200000],
          (out, [hex(v) for v in gpioa]))
    check("Pin(('X1', 34)).on() writes GPIOC BSRR bit 2", gpioc == [0x4],
          [hex(v) for v in gpioc])


def check(name, ok, detail=""):
    results["passed" if ok else "failed"] += 1
    print(("PASS " if ok else "FAIL ") + name + ("" if ok else ": " + str(detail)))
    return ok


def heap_used(sh):
    """The kernel heap in use once it is steady (the idle thread frees ended threads late)."""
    last = None
    for _ in range(20):
        m = re.search(r"used\s*:\s*(\d+)", sh.cmd("free"))
        used = int(m.group(1)) if m else -1
        if used == last:
            return used
        last = used
        time.sleep(0.1)
    return last


class Repl:
    """The friendly REPL inside a Shell."""

    def __init__(self, sh):
        self.sh = sh

    def start(self):
        self.sh.sendline("python")
        self.sh.expect(PY_PROMPT)
        return self.sh.before.decode("utf-8", "replace")

    def line(self, text, prompt=PY_PROMPT):
        self.sh.send(text.encode() + b"\r")
        self.sh.expect(prompt)
        out = self.sh.before.decode("utf-8", "replace").replace("\r", "")
        return out.split("\n", 1)[1] if "\n" in out else ""


def test_command_line(sh, target):
    before = heap_used(sh)
    out = sh.cmd('python -c "print(6 * 7)"')
    check("python -c prints", out.strip() == "42", out)
    with open(os.path.join(target.hostdir, "args.py"), "w") as f:
        f.write("import sys\nprint(sys.argv, sys.platform)\n")
    script = target.board_path("args.py")
    out = sh.cmd("python %s one two" % script)
    check("python FILE args", "['%s', 'one', 'two'] rt-thread" % script in out, out)
    out = sh.cmd('python -c "1/0"')
    check("uncaught exception: traceback", "ZeroDivisionError" in out and "Traceback" in out, out)
    out = sh.cmd("python /no/such/file.py")
    check("missing script: clear error", re.search(r"OSError|Errno|No such", out) is not None, out)
    out = sh.cmd("python -X heapsize=1 -c 1")
    check("bad heap size refused", "bad heap size" in out, out)
    out = sh.cmd('python -X heapsize=8k -c "x = [0] * 100000"')
    check("MemoryError in a small heap", "MemoryError" in out, out)
    time.sleep(0.2)
    check("free back at its baseline after python", heap_used(sh) == before,
          "before %d after %d" % (before, heap_used(sh)))


def test_small_heap_repl(sh):
    """The REPL in an 8 KB GC heap: usable, and a MemoryError leaves it working."""
    sh.sendline("python -X heapsize=8k")
    sh.expect(PY_PROMPT)
    r = Repl(sh)
    ok = r.line("sum([i for i in range(100)])").strip() == "4950"
    oom = r.line("x = [0] * 100000")
    ok2 = r.line("len('still alive')").strip() == "11"
    check("REPL in an 8 KB heap", ok and "MemoryError" in oom and ok2, (oom,))
    sh.send(b"\x04")
    sh.wait_prompt()


def test_repl_basics(sh):
    r = Repl(sh)
    banner = r.start()
    check("banner", re.search(r"MicroPython-compatible rtlang \S+ on \d{4}-\d\d-\d\d; .+ with .+",
                              banner) is not None, banner)
    check("expression value", r.line("1 + 1").strip() == "2")
    sh.send(b"12" + KEY_LEFT + b"+" + b"\r")  # 1+2 by inserting before the 2
    sh.expect(PY_PROMPT)
    check("line editing (insert)", "3" in sh.before.decode(), sh.before)
    sh.send(KEY_UP + b"\r")
    sh.expect(PY_PROMPT)
    check("history recall", "3" in sh.before.decode(), sh.before)
    sh.send(b"pri\t")
    sh.expect(rb"print")
    sh.send(b"(len('abc'))\r")
    sh.expect(PY_PROMPT)
    check("tab completion of a name", "\n3" in sh.before.decode().replace("\r", ""), sh.before)
    sh.send(b"import sys\rsys.pl\t")
    sh.expect(rb"sys\.platform")
    sh.send(b"\r")
    sh.expect(PY_PROMPT)
    check("tab completion of an attribute", "rt-thread" in sh.before.decode(), sh.before)
    out = r.line("for i in range(3):", prompt=rb"\.\.\.     ")
    sh.send(b"print(i * 10)\r")
    sh.expect(rb"\.\.\.     ")
    sh.send(b"\r")
    sh.expect(PY_PROMPT)
    check("auto-indent and block", sh.before.decode().replace("\r", "").split("\n")[1:4] == ["0", "10", "20"],
          sh.before)
    return r


def test_interrupts(sh, r):
    sh.send(b"while True:\r")
    sh.expect(rb"\.\.\.     ")
    sh.send(b"pass\r")
    sh.expect(rb"\.\.\.     ")
    sh.send(b"\r")
    time.sleep(0.5)
    sh.send(b"\x03")
    sh.expect(PY_PROMPT, timeout=10)
    check("Ctrl-C stops a busy loop", "KeyboardInterrupt" in sh.before.decode(), sh.before)
    r.line("import time")
    t0 = time.monotonic()
    sh.send(b"time.sleep(30)\r")
    time.sleep(0.5)
    sh.send(b"\x03")
    sh.expect(PY_PROMPT, timeout=10)
    check("Ctrl-C stops time.sleep", "KeyboardInterrupt" in sh.before.decode() and
          time.monotonic() - t0 < 10, sh.before)
    r.line("import rtthread")
    sh.send(b"rtthread.Semaphore(0).take()\r")
    time.sleep(0.5)
    sh.send(b"\x03")
    sh.expect(PY_PROMPT, timeout=10)
    check("Ctrl-C stops a wait on a kernel semaphore", "KeyboardInterrupt" in sh.before.decode(),
          sh.before)
    sh.send(b"input('? ')\r")
    sh.expect(rb"\? ")
    sh.send(b"\x03")
    sh.expect(PY_PROMPT, timeout=10)
    check("Ctrl-C stops input()", "KeyboardInterrupt" in sh.before.decode(), sh.before)
    sh.send(b"input('name? ').upper()\r")
    sh.expect(rb"name\? ")
    sh.send(b"rtos\x7fx\r")
    sh.expect(PY_PROMPT)
    check("input() reads an edited line", "'RTOX'" in sh.before.decode(), sh.before)
    check("REPL still works after Ctrl-C", r.line("2 ** 10").strip() == "1024")


def test_threads_repl(sh):
    """Python threads around the REPL: one runs while the REPL waits for input, Ctrl-C stops
    the main thread's loop while another thread spins, and leaving Python stops every thread
    and gives the kernel heap back."""
    before = heap_used(sh)
    r = Repl(sh)
    sh.sendline("python -X heapsize=32k")  # leaves the board's kernel heap room for threads
    sh.expect(PY_PROMPT)
    r.line("import _thread, time")
    r.line("ticks = []")
    r.line("exec('def tick():\\n    while True:\\n        ticks.append(1)\\n"
           "        time.sleep_ms(10)')")
    r.line("exec('def spin():\\n    while True:\\n        pass')")
    r.line("_thread.start_new_thread(tick, ())")
    time.sleep(0.5)
    check("a thread runs while the REPL waits", r.line("len(ticks) > 10").strip() == "True")
    r.line("_thread.start_new_thread(spin, ())")
    sh.send(b"while True:\r")
    sh.expect(rb"\.\.\.     ")
    sh.send(b"pass\r")
    sh.expect(rb"\.\.\.     ")
    sh.send(b"\r")
    time.sleep(0.3)
    sh.send(b"\x03")
    sh.expect(PY_PROMPT, timeout=10)
    check("Ctrl-C stops the main thread's loop beside a busy thread",
          "KeyboardInterrupt" in sh.before.decode(), sh.before)
    n = r.line("len(ticks)").strip()
    time.sleep(0.2)
    check("the other threads keep running", int(r.line("len(ticks)").strip()) > int(n))
    sh.send(b"\x04")
    sh.wait_prompt()
    check("leaving Python stops its threads: free back at its baseline",
          heap_used(sh) == before, "before %d after %d" % (before, heap_used(sh)))


def test_paste_mode(sh):
    sh.send(b"\x05")
    sh.expect(rb"paste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== ")
    sh.send(b"def f(x):\r    return x * 3\r\rprint(f(14))\r\x04")
    sh.expect(PY_PROMPT)
    check("paste mode runs the block", "42" in sh.before.decode(), sh.before)


def test_raw_repl(sh):
    rr = RawRepl(sh)
    rr.enter(soft_reset=True)
    out, err = rr.exec("print('raw', 1 + 2)")
    check("raw REPL exec", out == b"raw 3\r\n" and err == b"", (out, err))
    out, err = rr.exec("1/0")
    check("raw REPL exception on the error channel", b"ZeroDivisionError" in err and out == b"",
          (out, err))
    code = "x = 0\n" + "".join("x += %d\n" % i for i in range(200)) + "print(x)\n"
    out, err = rr.exec(code, paste=True)
    check("raw-paste with flow control", out.strip() == str(sum(range(200))).encode() and
          rr.last_credits >= 2, (out, err, rr.last_credits))
    out, err = rr.exec("print(x)")
    check("state kept between raw commands", out.strip() == str(sum(range(200))).encode(), out)
    sh.send(b"\x04")  # soft reset: a fresh VM
    sh.expect(rb"soft reboot\r\n")
    sh.expect(rb"raw REPL; CTRL-B to exit\r\n>")
    out, err = rr.exec("print('x' in globals())")
    check("soft reset gives a fresh VM", out.strip() == b"False", (out, err))
    return rr


def test_file_copy(rr):
    """What mpremote's fs cp/ls/cat do: only os and open() over the raw REPL."""
    payload = bytes(range(256)) * 8
    rr.exec("f = open('/copy.bin', 'wb')\nw = f.write")
    for i in range(0, len(payload), 200):
        out, err = rr.exec("w(%r)" % payload[i:i + 200], paste=True)
        if err:
            break
    rr.exec("f.close()")
    out, err2 = rr.exec("import binascii\nprint(binascii.crc32(open('/copy.bin', 'rb').read()))")
    check("fs cp to the board", not err and out.strip() == str(zlib.crc32(payload)).encode(),
          (err, out, err2))
    out, err = rr.exec("import os\nfor e in os.ilistdir('/'):\n    print(e[0], e[1])")
    check("fs ls (ilistdir)", b"copy.bin 32768" in out, (out, err))
    out, err = rr.exec("f = open('/copy.bin', 'rb')\nprint(f.read(8).hex())\nf.close()")
    check("fs cat", out.strip() == b"0001020304050607", (out, err))


def script_targets(path):
    """A script's first line may say '# targets: sim' to run on the simulator only."""
    with open(path) as f:
        first = f.readline()
    m = re.match(r"#\s*targets:\s*(.*)", first)
    return m.group(1).split() if m else ["sim", "qemu"]


def script_options(path, target):
    """Options for `python` on a target from a '# <target>-options: ...' line among the first
    three (e.g. '# qemu-options: -X heapsize=32k')."""
    with open(path) as f:
        head = [f.readline() for _ in range(3)]
    for line in head:
        m = re.match(r"#\s*%s-options:\s*(.*)" % target, line)
        if m:
            return m.group(1).strip() + " "
    return ""


def run_scripts(sh, target):
    names = sorted(n for n in os.listdir(os.path.join(HERE, "scripts")) if n.endswith(".py"))
    for name in names:
        if target.name not in script_targets(os.path.join(HERE, "scripts", name)):
            continue
        shutil.copy(os.path.join(HERE, "scripts", name), os.path.join(target.hostdir, name))
        with open(os.path.join(HERE, "scripts", name[:-3] + ".exp")) as f:
            expected = f.read()
        options = script_options(os.path.join(HERE, "scripts", name), target.name)
        out = sh.cmd("python " + options + target.board_path(name), timeout=30 * target.slow)
        check("script " + name, out == expected,
              "\n--- expected ---\n%s--- got ---\n%s" % (expected, out))


def test_autorun(sim, tmp):
    """boot.py then main.py at boot, before the prompt; Ctrl-C skips a script that loops."""
    fsdir = sim_target(sim, tmp, "bootfs").hostdir
    with open(os.path.join(fsdir, "boot.py"), "w") as f:
        f.write("print('boot.py ran')\n")
    with open(os.path.join(fsdir, "main.py"), "w") as f:
        f.write("import time\nprint('main.py ran')\nwhile True:\n    time.sleep_ms(10)\n")
    with Shell([sim, "--fs", fsdir], timeout=20) as sh:
        sh.expect(rb"boot\.py ran\r?\nmain\.py ran")
        check("boot.py then main.py at boot", True)
        sh.send(b"\x03")
        sh.wait_prompt()
        check("Ctrl-C skips the rest of autorun", "KeyboardInterrupt" in sh.before.decode(), sh.before)
        out = sh.cmd('python -c "print(1)"')
        check("python works after autorun", out.strip() == "1", out)
        sh.sendline("reboot")
        sh.wait_exit()


def session(target):
    with target.shell() as sh:
        sh.wait_prompt()
        test_command_line(sh, target)
        test_small_heap_repl(sh)
        r = test_repl_basics(sh)
        test_interrupts(sh, r)
        test_paste_mode(sh)
        rr = test_raw_repl(sh)
        test_file_copy(rr)
        rr.exit()
        sh.expect(PY_PROMPT)
        sh.send(b"\x04")
        sh.wait_prompt()
        check("Ctrl-D leaves Python for msh", True)
        test_threads_repl(sh)
        run_scripts(sh, target)
        if target.name == "qemu":
            test_gpio_registers(sh, target)
        sh.sendline("reboot")
        sh.wait_exit()


def main():
    args = sys.argv[1:]
    if len(args) not in (1, 2) or (len(args) == 2 and args[0] != "--qemu"):
        sys.exit(__doc__)
    with tempfile.TemporaryDirectory(prefix="rtl-pyrtos-") as tmp:
        if args[0] == "--qemu":
            target = qemu_target(args[1], tmp)
        else:
            target = sim_target(os.path.abspath(args[0]), tmp)
        try:
            session(target)
        except ConsoleError as e:
            check("console session", False, e)
        if target.name == "sim":
            try:
                test_autorun(target.argv[0], tmp)
            except ConsoleError as e:
                check("autorun session", False, e)
    print("python-rtos: %d passed, %d failed" % (results["passed"], results["failed"]))
    return 0 if results["failed"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
