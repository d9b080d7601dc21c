#!/usr/bin/env python3
"""Host-side tests of rtthread-sim: command line, console end of input, exit statuses,
--gpio-log and --gpio-in. Usage: host_test.py path/to/rtthread-sim
Prints one line per test and, last, "sim-host: N passed, N failed"."""
import os
import subprocess
import sys
import tempfile
import time

SIM = None
RESULTS = []


def run(args, data=b"", timeout=20):
    p = subprocess.run([SIM, "--no-fs"] + args, input=data, capture_output=True,
                       timeout=timeout)
    return p.returncode, p.stdout.decode(errors="replace").replace("\r", ""), \
        p.stderr.decode(errors="replace")


def check(name, cond, detail=""):
    RESULTS.append(bool(cond))
    print(("PASS " if cond else "FAIL ") + name + ("" if cond else ": " + detail))


def test_help_and_usage():
    rc, out, _ = run(["--help"])
    check("--help exits 0 with usage", rc == 0 and "usage: rtthread-sim" in out, out[:200])
    rc, _, err = run(["--bogus"])
    check("unknown option exits 2", rc == 2 and "unknown option '--bogus'" in err, err[:200])
    rc, _, err = run(["--gpio-log"])
    check("missing option argument exits 2", rc == 2 and "missing argument" in err, err[:200])


def test_eof_exit():
    rc, out, _ = run([], b"ps\n")
    check("piped session exits 0 at end of input", rc == 0 and "tshell" in out, out[-300:])
    p = subprocess.Popen([SIM, "--no-fs"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    time.sleep(0.4)
    p.stdin.write(b"version\n")
    p.stdin.flush()
    time.sleep(0.4)
    p.stdin.close()  # end of input while the shell waits for more
    try:
        rc = p.wait(timeout=5)
    except subprocess.TimeoutExpired:
        p.kill()
        rc = None
    p.stdout.close()
    check("delayed end of input ends a waiting shell", rc == 0, "rc=%r" % rc)


def test_reboot():
    rc, out, _ = run([], b"reboot\nps\n")
    check("reboot exits 0 and runs nothing after", rc == 0 and "tshell" not in out, out[-300:])


def test_flow_control():
    lines = "".join("nocmd%d\n" % i for i in range(3000)).encode()
    rc, out, _ = run([], lines, timeout=60)
    n = out.count("command not found")
    check("3000 piped lines arrive intact", rc == 0 and n == 3000 and "nocmd2999:" in out,
          "rc=%d count=%d" % (rc, n))


def test_gpio_log():
    with tempfile.TemporaryDirectory() as d:
        log = os.path.join(d, "gpio.log")
        cmds = b"pin mode PA5 output\npin write PA5 high\npin write PA5 high\npin write PA5 low\n"
        rc, _, _ = run(["--gpio-log", log], cmds)
        with open(log) as f:
            events = [line.split()[1:] for line in f]
        check("--gpio-log records each output change",
              rc == 0 and events == [["PA5", "0"], ["PA5", "1"], ["PA5", "0"]], repr(events))


def test_gpio_in():
    with tempfile.TemporaryDirectory() as d:
        script = os.path.join(d, "in.txt")
        with open(script, "w") as f:
            f.write("# drives\nPB3 1\nPC0 0\nnot a line\nPC0 z\n")
        p = subprocess.Popen([SIM, "--no-fs", "--gpio-in", script], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        time.sleep(0.5)  # the script is applied at boot
        out, err = p.communicate(b"pin mode PC0 input_pullup\nsimpin get PB3\nsimpin get PC0\n",
                                 timeout=10)
        out = out.decode(errors="replace").replace("\r", "")
        err = err.decode(errors="replace")
        check("--gpio-in drives and releases pins",
              p.returncode == 0 and "PB3 = 1" in out and "PC0 = 1" in out, out[-300:])
        check("--gpio-in reports malformed lines", "line 4 ignored" in err, err)


def main():
    global SIM
    if len(sys.argv) != 2:
        print(__doc__)
        sys.exit(2)
    SIM = os.path.abspath(sys.argv[1])
    for test in (test_help_and_usage, test_eof_exit, test_reboot, test_flow_control,
                 test_gpio_log, test_gpio_in):
        try:
            test()
        except Exception as e:  # a hang or crash of one test must not stop the others
            check(test.__name__, False, repr(e))
    passed = sum(RESULTS)
    print("sim-host: %d passed, %d failed" % (passed, len(RESULTS) - passed))
    sys.exit(0 if passed == len(RESULTS) else 1)


if __name__ == "__main__":
    main()
