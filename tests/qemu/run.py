#!/usr/bin/env python3
"""QEMU (netduinoplus2, STM32F405) test suite: python3 tests/qemu/run.py BUILD_DIR

Boots BUILD_DIR/rtthread.elf under qemu-system-arm several times (every wait has a timeout)
and checks: every utest case (tests/kernel with the FPU test, the board's own case) passes, a
scripted msh session (built-ins, unknown command, editing, history), 4 KB pastes through the
console with a fast and a slow reader (RX flow control), 150 pasted command lines, the GPIO
register writes (QEMU's -d unimp log), the fault dumps of four provoked faults, reboot's exit
status, semihosting "exec", booting without semihosting, and a Python REPL smoke test when
the image has python. Prints the image size (text/data/bss); the last line is
"qemu: N passed, N failed" and the exit status is 0 only if everything passed.
"""

import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "shell"))
from console import Shell, ConsoleError, KEY_BACKSPACE, KEY_LEFT, KEY_UP  # noqa: E402

QEMU = "qemu-system-arm"
FAULT_EXIT = 3  # RT_HW_FAULT_EXIT_STATUS in libcpu/cortex-m4/cpuport.h
UTEST_TIMEOUT = 300.0

results = []


def check(name, ok, detail=""):
    """Record one result; a passing check's detail is shortened to one line."""
    results.append(ok)
    detail = str(detail)
    if ok:
        detail = " | ".join(l.strip() for l in detail.splitlines() if l.strip())
        detail = detail[:100] + ("..." if len(detail) > 100 else "")
    print("[%s] %s%s" % ("PASS" if ok else "FAIL", name, (": " + detail) if detail else ""),
          flush=True)
    return ok


def qemu_argv(elf, semihosting=True, semi_args=(), extra=()):
    argv = [QEMU, "-M", "netduinoplus2", "-display", "none", "-monitor", "none",
            "-serial", "stdio", "-no-reboot", "-kernel", elf]
    if semihosting:
        cfg = "enable=on,target=native"
        if semi_args:
            cfg += "".join(",arg=" + a for a in ["rtthread.elf"] + list(semi_args))
        argv += ["-semihosting-config", cfg]
    return argv + list(extra)


def boot(elf, timeout=20.0, **kw):
    sh = Shell(qemu_argv(elf, **kw), timeout=timeout)
    sh.wait_prompt()
    return sh


def run_test(name, fn, *args):
    """Run one test function; a console timeout or crash is a failure, never a hang."""
    try:
        fn(*args)
    except ConsoleError as e:
        check(name, False, str(e))
    except (OSError, subprocess.SubprocessError) as e:
        check(name, False, "%s: %s" % (type(e).__name__, e))


# -- size ---------------------------------------------------------------------------------
def test_size(elf):
    out = subprocess.run(["arm-none-eabi-size", "-A", elf], capture_output=True, text=True,
                         timeout=30).stdout
    sizes = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) >= 3 and parts[1].isdigit():
            sizes[parts[0]] = int(parts[1])
    text = sum(v for k, v in sizes.items()
               if k in (".isr_vector", ".text", ".rti_fn", "FSymTab", "UtestTcTab",
                        ".ARM.exidx", ".ARM.extab"))
    data, bss, stack = sizes.get(".data", 0), sizes.get(".bss", 0), sizes.get(".stack", 0)
    berkeley = subprocess.run(["arm-none-eabi-size", elf], capture_output=True, text=True,
                              timeout=30).stdout.strip()
    print(berkeley)
    print("size: flash %d bytes (text %d + data %d), RAM %d bytes static (data %d + bss %d"
          " + main stack %d), heap %d bytes" % (text + data, text, data, data + bss + stack, data,
                                                bss, stack, 128 * 1024 - data - bss - stack))
    check("image fits 1 MB flash / 128 KB SRAM", text + data <= 1024 * 1024 and
          data + bss + stack <= 96 * 1024,
          "flash %d, static RAM %d" % (text + data, data + bss + stack))


# -- utest --------------------------------------------------------------------------------
def test_utest(elf):
    argv = qemu_argv(elf, semi_args=["utest"])
    sh = Shell(argv, timeout=UTEST_TIMEOUT)
    try:
        status = sh.wait_exit(UTEST_TIMEOUT)
    finally:
        sh.close()
    out = sh.transcript().replace("\r", "")
    m = re.findall(r"utest: (\d+) passed, (\d+) failed", out)
    failed = [l for l in out.splitlines()
              if "[  FAILED  ]" in l or "[ FAILED ]" in l or "[  ASSERT  ]" in l]
    if m:
        print("  utest: %s passed, %s failed" % m[-1])
    for line in failed[:20]:
        print("  " + line)
    check("utest: all test cases pass inside QEMU (exit status 0)",
          status == 0 and bool(m) and m[-1][1] == "0" and int(m[-1][0]) > 0,
          "status %s, summary %s" % (status, m[-1] if m else "missing"))
    fpu = re.search(r"\[\s*PASSED\s*\].*testcases\.kernel\.fpu_tc", out)
    check("FPU context test (testcases.kernel.fpu_tc) passes", fpu is not None)


# -- console session ----------------------------------------------------------------------
def test_console(elf):
    sh = Shell(qemu_argv(elf), timeout=20.0)
    try:
        sh.expect(r"Ctrl-A X")
        sh.wait_prompt()
        out = sh.cmd("help")
        check("help lists built-ins and board commands",
              all(w in out for w in ("help", "ps", "free", "fault", "rxcheck", "gpio")))
        out = sh.cmd("version")
        check("version", "RT-Thread" in out or "Thread Operating System" in out, out[:80])
        out = sh.cmd("ps")
        check("ps lists the tshell and idle threads",
              "tshell" in out and "tidle" in out, out[:200].replace("\n", " | "))
        out = sh.cmd("free")
        check("free reports the heap", re.search(r"total\s*(memory)?\s*:?\s*\d+", out) is not None
              or "total" in out, out[:120])
        out = sh.cmd("no_such_cmd arg")
        check("unknown command", "no_such_cmd: command not found." in out, out.strip())
        sh.send(b"helq" + KEY_BACKSPACE + b"p")
        out = sh.cmd("")
        check("editing: backspace", "fault" in out and "command not found" not in out)
        sh.send(b"hep" + KEY_LEFT + b"l")
        out = sh.cmd("")
        check("editing: cursor left + insert", "rxcheck" in out and "not found" not in out)
        sh.send(b"gpio PA5 read")
        sh.cmd("")
        sh.send(KEY_UP)
        sh.expect(r"\x1b\[2K\rmsh />gpio PA5 read")  # the recalled line is redrawn
        out = sh.cmd("")
        check("history: up arrow repeats the last command", "PA5 (pin 5) = 0" in out, out)
    finally:
        sh.close()


# -- 4 KB paste ---------------------------------------------------------------------------
def test_paste(elf, size=4096, pause_ms=0):
    rng = random.Random(405)
    alphabet = bytes(range(0x20, 0x7F)) + b"\n\t"
    payload = bytes(rng.choice(alphabet) for _ in range(size))
    sh = boot(elf)
    try:
        sh.sendline("rxcheck %d %d" % (size, pause_ms))
        sh.expect(r"rxcheck: send %d bytes" % size)
        sh.send(payload)  # one write: QEMU gets the bytes as fast as the pipe allows
        m = sh.expect(r"rxcheck: (\d+) bytes, crc32 0x([0-9a-f]{8})", timeout=60)
        got, crc = int(m.group(1)), int(m.group(2), 16)
        want = zlib.crc32(payload)
        check("%d-byte paste arrives intact (reader pausing %d ms per read)" % (size, pause_ms),
              got == size and crc == want,
              "got %d bytes crc 0x%08x, want %d bytes crc 0x%08x" % (got, crc, size, want))
        sh.wait_prompt()
        out = sh.cmd("help")
        check("shell still works after the paste", "rxcheck" in out)
        if pause_ms:
            return
        # Paste 150 command lines (2 KB, more than the 1 KB RX ring) at once into the line
        # editor, whose echo makes it the slow side: RX flow control must hold the rest.
        sh.send(b"gpio PA5 read\r" * 150)
        for i in range(150):
            sh.expect(r"PA5 \(pin 5\) = 0", timeout=30)
        sh.wait_prompt()
        check("150 pasted command lines all run", b"not found" not in sh.buf)
    finally:
        sh.close()


# -- GPIO register log --------------------------------------------------------------------
def parse_unimp(path):
    """[(device, 'read'|'write', offset, value)] from QEMU's -d unimp log."""
    rx = re.compile(r"(\w+): unimplemented device (read|write)\s+\(size \d+, offset 0x([0-9a-f]+)"
                    r"(?:, value 0x([0-9a-f]+))?\)")
    ops = []
    with open(path, errors="replace") as f:
        for line in f:
            m = rx.search(line)
            if m:
                ops.append((m.group(1), m.group(2), int(m.group(3), 16),
                            int(m.group(4), 16) if m.group(4) else None))
    return ops


def writes_after(ops, start, dev, offset):
    return [v for d, kind, off, v in ops[start:] if d == dev and kind == "write" and off == offset]


def test_gpio(elf):
    tmp = tempfile.mkdtemp(prefix="rtl-qemu-")
    log = os.path.join(tmp, "unimp.log")
    sh = boot(elf, extra=["-d", "unimp", "-D", log])
    try:
        sh.cmd("help")
        time.sleep(0.2)
        start = len(parse_unimp(log))  # skip the boot-time accesses (USART1 pins)
        steps = ["gpio PA5 mode output", "gpio PA5 write 1", "gpio PA5 write 0",
                 "gpio PB7 mode output_od", "gpio PC.13 mode input_pullup",
                 "gpio pd2 mode input_pulldown", "gpio PE15 mode input"]
        for s in steps:
            out = sh.cmd(s)
            if out.strip():
                check("gpio command '%s' is silent" % s, False, out.strip())
        out = sh.cmd("gpio PA5 read")
        check("gpio read (IDR reads 0 in QEMU)", "PA5 (pin 5) = 0" in out, out.strip())
        out = sh.cmd("gpio PZ1 write 1")
        check("bad pin name rejected", "bad pin name 'PZ1'" in out, out.strip())
        out = sh.cmd("gpio PA16 read")
        check("pin number out of range rejected", "bad pin name" in out, out.strip())
        time.sleep(0.3)
    finally:
        sh.close()
    ops = parse_unimp(log)[start:]
    shutil.rmtree(tmp, ignore_errors=True)

    def fld(values, pin, width):
        return [(v >> (pin * width)) & ((1 << width) - 1) for v in values]

    bsrr = writes_after(ops, 0, "GPIOA", 0x18)
    check("rt_pin_write(PA5, 1/0) writes BSRR 0x20 then 0x200000",
          bsrr == [0x20, 0x200000], str([hex(v) for v in bsrr]))
    # QEMU reads these registers as 0, so every write shows exactly the bits for one pin.
    check("PA5 output: MODER=01, OTYPER=0, PUPDR=00",
          fld(writes_after(ops, 0, "GPIOA", 0x00), 5, 2)[-1:] == [1] and
          fld(writes_after(ops, 0, "GPIOA", 0x04), 5, 1)[-1:] == [0] and
          fld(writes_after(ops, 0, "GPIOA", 0x0C), 5, 2)[-1:] == [0])
    check("PB7 output_od: MODER=01, OTYPER=1",
          fld(writes_after(ops, 0, "GPIOB", 0x00), 7, 2)[-1:] == [1] and
          fld(writes_after(ops, 0, "GPIOB", 0x04), 7, 1)[-1:] == [1])
    check("PC13 input_pullup: MODER=00, PUPDR=01",
          fld(writes_after(ops, 0, "GPIOC", 0x00), 13, 2)[-1:] == [0] and
          fld(writes_after(ops, 0, "GPIOC", 0x0C), 13, 2)[-1:] == [1] and
          len(writes_after(ops, 0, "GPIOC", 0x00)) == 1)
    check("PD2 input_pulldown: PUPDR=10",
          fld(writes_after(ops, 0, "GPIOD", 0x0C), 2, 2)[-1:] == [2])
    check("PE15 input: MODER=00, PUPDR=00",
          writes_after(ops, 0, "GPIOE", 0x00)[-1:] == [0] and
          writes_after(ops, 0, "GPIOE", 0x0C)[-1:] == [0])
    ahb1 = writes_after(ops, 0, "RCC", 0x30)
    check("RCC AHB1ENR clock enables for ports A..E", all(
        any(v & (1 << p) for v in ahb1) for p in range(5)), str([hex(v) for v in ahb1]))


# -- faults -------------------------------------------------------------------------------
def symbol_range(elf, name):
    out = subprocess.run(["arm-none-eabi-nm", "-S", elf], capture_output=True, text=True,
                         timeout=30).stdout
    for line in out.splitlines():
        p = line.split()
        if len(p) == 4 and p[3] == name:
            return int(p[0], 16), int(p[0], 16) + int(p[1], 16)
    return None


def test_fault(elf, kind, exc, cause, func):
    sh = boot(elf)
    try:
        sh.sendline("fault " + kind)
        status = sh.wait_exit(20)
    finally:
        sh.close()
    out = sh.transcript().replace("\r", "")
    dump = out[out.find("fault " + kind):]
    regs = dict(re.findall(r"\b(r\d+|r12|lr|pc|psr)\s*: 0x([0-9a-f]{8})", dump))
    rng = symbol_range(elf, func)
    pc = int(regs.get("pc", "0"), 16)
    ok = ("*** %s in thread 'tshell' ***" % exc in dump and
          all(r in regs for r in ("r0", "r1", "r2", "r3", "r12", "lr", "pc", "psr")) and
          re.search(r"CFSR: 0x[0-9a-f]{8}\s+HFSR: 0x[0-9a-f]{8}", dump) is not None and
          re.search(r"cause:.*\b%s\b" % cause, dump) is not None and
          re.search(r"thread 'tshell' stack 0x[0-9a-f]+\.\.0x[0-9a-f]+, sp 0x", dump) and
          re.search(r"\n0x[0-9a-f]{8}: [0-9a-f]{8} [0-9a-f]{8}", dump) is not None and
          "system halted" in dump)
    check("fault %s: %s dump (registers, CFSR %s, thread, stack)" % (kind, exc, cause), ok,
          "" if ok else dump[-900:])
    check("fault %s: pc 0x%08x inside %s()" % (kind, pc, func),
          rng is not None and rng[0] <= pc < rng[1],
          "0x%08x..0x%08x" % rng if rng else "symbol not found")
    check("fault %s: QEMU exits with status %d" % (kind, FAULT_EXIT), status == FAULT_EXIT,
          "status %s" % status)
    return dump


def test_fault_irq(elf):
    sh = boot(elf)
    try:
        sh.sendline("fault irq")
        status = sh.wait_exit(20)
    finally:
        sh.close()
    dump = sh.transcript().replace("\r", "")
    # The interrupt preempted tshell: the dump names the interrupted thread.
    ok = ("*** unexpected exception 16 (IRQ 0) in thread 'tshell' ***" in dump and
          re.search(r"pc : 0x[0-9a-f]{8}", dump) is not None and "system halted" in dump)
    check("fault irq: an interrupt without handler is dumped and halts", ok,
          "" if ok else dump[-600:])
    check("fault irq: QEMU exits with status %d" % FAULT_EXIT, status == FAULT_EXIT,
          "status %s" % status)


def test_bus_fault_address(elf):
    dump = test_fault(elf, "bus", "BusFault", "PRECISERR", "fault_bus")
    check("bus fault reports BFAR 0x60000000", "BFAR: 0x60000000" in dump)


# -- semihosting "exec" ---------------------------------------------------------------------
def test_exec(elf):
    for line, want_status, want_text in (("gpio PA5 read", 0, "PA5 (pin 5) = 0"),
                                          ("no_such_cmd", 1, "no_such_cmd: command not found.")):
        sh = Shell(qemu_argv(elf, semi_args=["exec"] + line.split()), timeout=30.0)
        try:
            status = sh.wait_exit(30)
        finally:
            sh.close()
        out = sh.transcript()
        check("semihosting 'exec %s' runs it and exits %d" % (line, want_status),
              status == want_status and want_text in out, "status %s" % status)


# -- python on the board -------------------------------------------------------------------
def test_python(elf):
    sh = boot(elf)
    try:
        if "python" not in sh.cmd("help"):
            print("[SKIP] python: the image has no python command")
            return
        sh.sendline("python")
        sh.expect(r">>> ")
        sh.sendline("print(1.5 * 3, 2 ** 70, [i * i for i in range(4)])")
        m = sh.expect([r"4\.5 1180591620717411303424 \[0, 1, 4, 9\]", r"Error.*"], timeout=20)
        check("python REPL on the board: ints, floats, lists", m.re.pattern.startswith(b"4"),
              m.group(0).decode(errors="replace"))
        sh.expect(r">>> ")
        sh.sendline("a = [0] * 200000")
        m = sh.expect([r"MemoryError", r">>> "], timeout=20)
        check("python: exhausting the heap raises MemoryError", b"MemoryError" in m.group(0))
        sh.send(b"\x04")  # Ctrl-D leaves the REPL
        sh.wait_prompt()
        out = sh.cmd("free")
        check("back in msh after Ctrl-D", "total" in out)
    finally:
        sh.close()


# -- reboot / no semihosting --------------------------------------------------------------
def test_reboot(elf):
    sh = boot(elf)
    try:
        sh.sendline("reboot")
        status = sh.wait_exit(20)
    finally:
        sh.close()
    check("reboot ends QEMU (-no-reboot) with status 0", status == 0, "status %s" % status)


def test_no_semihosting(elf):
    sh = Shell(qemu_argv(elf, semihosting=False), timeout=20.0)
    try:
        sh.wait_prompt()
        out = sh.cmd("help")
        check("boots without semihosting (BKPT answered by the fault handler)", "gpio" in out)
    finally:
        sh.kill()
        sh.close()


def main():
    if len(sys.argv) != 2:
        print("usage: run.py BUILD_DIR")
        return 2
    elf = os.path.join(sys.argv[1], "rtthread.elf")
    if not os.path.exists(elf) or shutil.which(QEMU) is None:
        check("firmware and %s present" % QEMU, False, elf)
    else:
        tests = [(test_size, elf), (test_console, elf), (test_paste, elf), (test_paste, elf, 4096, 5),
                 (test_gpio, elf),
                 (test_fault, elf, "udf", "UsageFault", "UNDEFINSTR", "fault_udf"),
                 (test_fault, elf, "div0", "UsageFault", "DIVBYZERO", "fault_div0"),
                 (test_bus_fault_address, elf), (test_fault_irq, elf), (test_reboot, elf), (test_exec, elf),
                 (test_no_semihosting, elf), (test_python, elf), (test_utest, elf)]
        for t in tests:
            run_test(t[0].__name__, t[0], *t[1:])
    passed = sum(1 for r in results if r)
    print("qemu: %d passed, %d failed" % (passed, len(results) - passed))
    return 0 if results and all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
