#!/usr/bin/env python3
"""File-system tests on the simulator: the DFS utest cases, then console sessions driving the
msh file commands on a host folder (--fs) and on the RAM root seeded from the built-in image
(--no-fs).

Usage: run.py SIM_BINARY          the simulator
       run.py --qemu BUILD_DIR    the STM32F405 in QEMU: RAM root, host files under /host
Last line: `dfs: N passed, N failed`; exit 0 only if all passed.
"""

import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "shell"))
from console import ConsoleError, Shell  # noqa: E402

ROMFS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "romfs")
results = {"passed": 0, "failed": 0}


def check(name, ok, detail=""):
    results["passed" if ok else "failed"] += 1
    print(("PASS " if ok else "FAIL ") + name + ("" if ok else ": " + detail))


def expect_output(sh, line, pattern, name=None):
    out = sh.cmd(line)
    check(name or line, re.search(pattern, out, re.M) is not None,
          "output %r does not match %r" % (out, pattern))
    return out


def utest_cases(sim, fsdir):
    with Shell([sim, "--fs", fsdir], timeout=60) as sh:
        sh.wait_prompt()
        out = sh.cmd("utest_run testcases.dfs", timeout=60)
        print(out)
        m = re.search(r"^utest: (\d+) passed, (\d+) failed", out, re.M)
        check("utest testcases.dfs", m is not None and m.group(2) == "0" and int(m.group(1)) >= 2,
              "summary: %s" % (m.group(0) if m else "missing"))
        sh.sendline("reboot")
        sh.wait_exit()


def host_folder_session(sim, fsdir):
    with Shell([sim, "--fs", fsdir], timeout=20) as sh:
        sh.wait_prompt()
        expect_output(sh, "mkdir scripts", r"^$")
        expect_output(sh, 'echo "print(1)" > scripts/main.py', r"^$")
        expect_output(sh, "echo more >> scripts/main.py", r"^$")
        expect_output(sh, "cat scripts/main.py", r"^print\(1\)\nmore\n$")
        sh.send(b"cat scr\t")
        sh.expect(rb"cat scripts/")
        sh.send(b"ma\t")
        sh.expect(rb"main\.py")
        sh.sendline("")
        out = sh.wait_prompt()
        check("Tab completes file names", "print(1)" in out, out)
        sh.sendline("cd scripts")
        sh.expect(r"msh /scripts>")
        check("prompt shows the working directory", True)
        expect_output(sh, "pwd", r"^/scripts$")
        expect_output(sh, "ls", r"^Directory /scripts:\nmain\.py\s+14\s*$")
        expect_output(sh, "cp main.py copy.py", r"^$")
        expect_output(sh, "mv copy.py ..", r"^$")
        expect_output(sh, "ls ..", r"^copy\.py\s+14\s*$")
        expect_output(sh, "cd ..", r"^$")
        expect_output(sh, "rm scripts", r"cannot remove 'scripts': Is a directory")
        expect_output(sh, "rm -r scripts", r"^$")
        expect_output(sh, "cat scripts/main.py", r"Open scripts/main\.py failed")
        expect_output(sh, "cd nowhere", r"No such directory: nowhere")
        expect_output(sh, "ls /", r"^outside\s+Permission denied$", "a link out of the folder")
        expect_output(sh, "df", r"^disk free: \d+\.\d [KMG]B \[ \d+ block, \d+ bytes per block \]")
        expect_output(sh, "mount", r"^hostfs\s+\(NULL\)\s+/\s*$")
        expect_output(sh, "umount /nothing", r"unmount /nothing \.\.\. failed")
        sh.sendline("reboot")
        sh.wait_exit()
    check("files reached the host folder", os.path.isfile(os.path.join(fsdir, "copy.py")) and
          open(os.path.join(fsdir, "copy.py")).read() == "print(1)\nmore\n")
    check("removed tree is gone on the host", not os.path.exists(os.path.join(fsdir, "scripts")))


def ram_root_session(sim):
    with Shell([sim, "--no-fs"], timeout=20) as sh:
        sh.wait_prompt()
        expect_output(sh, "mount", r"^ram\s+\(NULL\)\s+/\s*$")
        expect_output(sh, "ls /", r"^boot\.py\s+\d+", "built-in image seeded the RAM root")
        with open(os.path.join(ROMFS, "boot.py")) as f:
            first = f.readline().strip()
        expect_output(sh, "cat /boot.py", re.escape(first))
        expect_output(sh, "echo x > /tmp.txt", r"^$")
        expect_output(sh, "ls /", r"^tmp\.txt\s+2\s*$")
        expect_output(sh, "echo x > /" + "n" * 40, r"File name too long", "over-long name refused")
        expect_output(sh, "mkdir /a/b", r"cannot create directory '/a/b': No such file")
        sh.sendline("reboot")
        sh.wait_exit()


def qemu_session(build, tmp):
    """The board: a RAM disk at / seeded from the image, the host folder at /host."""
    elf = os.path.join(os.path.abspath(build), "rtthread.elf")
    with open(os.path.join(tmp, "from_host.txt"), "w") as f:
        f.write("written on the host\n")
    argv = ["qemu-system-arm", "-M", "netduinoplus2", "-display", "none", "-monitor", "none",
            "-serial", "stdio", "-no-reboot", "-kernel", elf,
            "-semihosting-config", "enable=on,target=native"]
    with Shell(argv, timeout=30, cwd=tmp) as sh:
        sh.wait_prompt()
        expect_output(sh, "mount", r"^ram\s+\(NULL\)\s+/\s*\n(.*\n)*semihost\s+\(NULL\)\s+/host")
        expect_output(sh, "ls /", r"^boot\.py\s+\d+", "built-in image seeded the RAM root")
        expect_output(sh, "mkdir /scripts", r"^$")
        expect_output(sh, "echo 'print(1)' > /scripts/a.py", r"^$")
        expect_output(sh, "cat /scripts/a.py", r"^print\(1\)$")
        expect_output(sh, "cat /host/from_host.txt", r"^written on the host$")
        expect_output(sh, "echo board > /host/from_board.txt", r"^$")
        expect_output(sh, "cp /scripts/a.py /host/a_copy.py", r"^$")
        expect_output(sh, "ls /host", r"cannot list directories", "semihosting cannot list")
        expect_output(sh, "df", r"^disk free: \d+\.\d KB")
        expect_output(sh, "echo x > /" + "n" * 40, r"File name too long", "over-long name refused")
        sh.sendline("reboot")
        sh.wait_exit()
    with open(os.path.join(tmp, "from_board.txt")) as f:
        check("a file written to /host reached the host", f.read() == "board\n")
    with open(os.path.join(tmp, "a_copy.py")) as f:
        check("cp from the RAM disk to /host", f.read() == "print(1)\n")


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--qemu":
        with tempfile.TemporaryDirectory(prefix="rtl-dfs-") as tmp:
            try:
                qemu_session(sys.argv[2], tmp)
            except ConsoleError as e:
                check("console session", False, str(e))
        print("dfs: %d passed, %d failed" % (results["passed"], results["failed"]))
        return 0 if results["failed"] == 0 else 1
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sim = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory(prefix="rtl-dfs-") as tmp:
        fsdir = os.path.join(tmp, "fs")
        secret = os.path.join(tmp, "secret")
        os.makedirs(fsdir)
        os.makedirs(secret)
        with open(os.path.join(secret, "secret.txt"), "w") as f:
            f.write("must stay unreachable\n")
        os.symlink(secret, os.path.join(fsdir, "outside"))
        for step in (lambda: utest_cases(sim, fsdir), lambda: host_folder_session(sim, fsdir),
                     lambda: ram_root_session(sim)):
            try:
                step()
            except ConsoleError as e:
                check("console session", False, str(e))
    print("dfs: %d passed, %d failed" % (results["passed"], results["failed"]))
    return 0 if results["failed"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
