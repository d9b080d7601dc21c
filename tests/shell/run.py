#!/usr/bin/env python3
"""Scripted console tests of msh and utest on the simulator.

Usage: run.py PATH_TO_rtthread-sim [-k SUBSTRING] [-v]

Every test boots a fresh simulator, drives the shell through its console (stdin/stdout) and
checks what it prints. The last line is "shell: N passed, N failed"; exit status 0 only if
everything passed.
"""

import os
import re
import sys
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from console import (ConsoleError, Shell, KEY_BACKSPACE, KEY_CTRL_C, KEY_CTRL_H,  # noqa: E402
                     KEY_DELETE, KEY_DOWN, KEY_END, KEY_END_SS3, KEY_END_VT, KEY_HOME,
                     KEY_HOME_SS3, KEY_HOME_VT, KEY_LEFT, KEY_RIGHT, KEY_TAB, KEY_UP)

SIM = None
TESTS = []
CMD_SIZE = 80  # FINSH_CMD_SIZE of the sim board
HISTORY = 5    # FINSH_HISTORY_LINES


class TestFailure(Exception):
    pass


def test(fn):
    TESTS.append(fn)
    return fn


def check(cond, what, got=None):
    if not cond:
        raise TestFailure(what + ("" if got is None else "\n  got: %r" % (got,)))


def args_of(out):
    """Parse shtest_args output into the argument list (argv[1:])."""
    found = re.findall(r"^argv\[(\d+)\]=\[(.*)\]$", out, re.M)
    return [v for i, v in found[1:]]


def run_args(sh, keys):
    """Type raw keys (ending with Enter) and return shtest_args' arguments.

    Waits for shtest_args' own output rather than for a prompt: history recall and
    completion listings redraw the prompt before the command runs.
    """
    sh.send(keys)
    m = sh.expect([rb"\nargc=\d+\r?\n((?:argv\[\d+\]=\[.*\]\r?\n)*)msh [^\r\n>]*>",
                   rb"\n[^\n]*command not found\.", rb"\nmsh: [^\n]*"])
    check(m.group(0).lstrip().startswith(b"argc="), "shtest_args did not run", m.group(0))
    return args_of(m.group(1).decode().replace("\r", ""))


def boot():
    sh = Shell([SIM], timeout=10)
    sh.wait_prompt()
    return sh


# ---- commands and output formats --------------------------------------------------------

@test
def unknown_command(sh):
    out = sh.cmd("nosuchcmd arg")
    check(out == "nosuchcmd: command not found.\n", "not-found message", out)
    check(sh.cmd("") == "", "empty line prints nothing")
    check(sh.cmd("   ") == "", "blank line prints nothing")


@test
def help_lists_commands(sh):
    out = sh.cmd("help")
    lines = out.splitlines()
    check(lines[0] == "RT-Thread shell commands:", "help title", lines[:2])
    names = {}
    for line in lines[1:]:
        m = re.match(r"^(\S+)\s+- (.*)$", line)
        if m:
            names[m.group(1)] = m.group(2)
    for name in ("help", "ps", "list", "free", "version", "clear", "reboot", "utest_run",
                 "utest_list", "shtest_args", "shtest_alias"):
        check(name in names, "help lists %s" % name, sorted(names))
    check(names["help"] == "RT-Thread shell help.", "help description", names["help"])
    check(re.search(r"^help {13}- RT-Thread shell help\.$", out, re.M),
          "name padded to 16 columns", out)
    check("shtest_hidden" not in names, "FINSH_FUNCTION_EXPORT without __cmd_ is no command")


@test
def legacy_alias_export(sh):
    check(sh.cmd("shtest_alias") == "alias command ran\n", "FINSH_FUNCTION_EXPORT_ALIAS __cmd_")
    check("command not found" in sh.cmd("shtest_hidden"), "non-msh symbol not callable")


@test
def version_banner(sh):
    out = sh.cmd("version")
    check("Thread Operating System" in out, "version banner", out)
    check(re.search(r"\b5\.\d+\.\d+\b", out), "version number", out)


THREAD_HEAD = ("thread   pri  status      sp     stack size max used left tick   error  tcb addr")
THREAD_RULE = ("-------- ---  ------- ---------- ----------  ------  ---------- ------- ----------")
THREAD_ROW = re.compile(r"^(\S{1,8}) +(\d+)  (ready  |running|suspend|init   |close  ) "
                        r"0x[0-9a-f]{8} 0x[0-9a-f]{8}    \d\d+%   0x[0-9a-f]{8} \S+ +0x[0-9a-f]+$")


def thread_table(out):
    lines = out.splitlines()
    check(lines[0] == THREAD_HEAD, "thread table header", lines[0])
    check(lines[1] == THREAD_RULE, "thread table rule", lines[1])
    rows = {}
    for line in lines[2:]:
        m = THREAD_ROW.match(line)
        check(m, "thread row format", line)
        rows[m.group(1)] = (int(m.group(2)), m.group(3).strip())
    return rows


@test
def ps_and_list_thread(sh):
    for command in ("ps", "list thread"):
        rows = thread_table(sh.cmd(command))
        check("tshell" in rows, "%s shows tshell" % command, rows)
        check(rows["tshell"] == (20, "running"), "tshell priority 20, running", rows["tshell"])
        check("tidle0" in rows, "%s shows tidle0" % command, rows)
        check(rows["tidle0"][0] == 31, "idle thread at the lowest priority", rows["tidle0"])
        check("timer" in rows or "main" in rows, "timer or main thread listed", rows)


def table(sh, kind, head, rule):
    lines = sh.cmd("list " + kind).splitlines()
    check(lines[:2] == [head, rule], "list %s header" % kind, lines[:2])
    return lines[2:]


@test
def list_objects(sh):
    # RT-Thread cuts the title to RT_NAME_MAX - 1 columns: "semaphor"
    rows = table(sh, "sem", "semaphor v   suspend thread", "-------- --- --------------")
    check(any(re.match(r"^shrx +\d{3} [01]$", r) for r in rows), "console rx semaphore", rows)
    table(sh, "mutex", "mutex      owner  hold priority suspend thread",
          "-------- -------- ---- -------- --------------")
    table(sh, "event", "event         set    suspend thread",
          "--------  ---------- --------------")
    table(sh, "mailbox", "mailbox  entry size suspend thread", "-------- ----  ---- --------------")
    table(sh, "msgqueue", "msgqueue entry suspend thread", "-------- ----  --------------")
    table(sh, "mempool", "mempool  block total free suspend thread",
          "-------- ----  ----  ---- --------------")
    rows = table(sh, "device", "device           type         ref count",
                 "-------- -------------------- ----------")
    check(any(re.match(r"^uart1 +Character Device +[1-9]", r) for r in rows), "uart1 listed", rows)
    rows = table(sh, "timer", "timer      periodic   timeout    activated     mode",
                 "-------- ---------- ---------- ----------- ---------")
    check(re.match(r"^current tick:0x[0-9a-f]{8}$", rows[-1]), "current tick line", rows)
    for r in rows[:-1]:
        check(re.match(r"^\S+ +0x[0-9a-f]{8} 0x[0-9a-f]{8} (activated  |deactivated) "
                       r"(periodic|one shot)$", r), "timer row", r)


@test
def list_waiting_threads(sh):
    check(sh.cmd("shtest_ipc start") == "", "ipc objects created")
    rows = table(sh, "sem", "semaphor v   suspend thread", "-------- --- --------------")
    check("tsem     000 1:towner" in rows, "semaphore with its waiting thread", rows)
    rows = table(sh, "mutex", "mutex      owner  hold priority suspend thread",
                 "-------- -------- ---- -------- --------------")
    check(any(re.match(r"^tmtx     towner   0001 +\d+  1:twait$", r) for r in rows),
          "mutex owner, hold count and waiter", rows)
    rows = thread_table(sh.cmd("ps"))
    check(rows.get("towner", (0, ""))[1] == "suspend" and rows.get("twait", (0, ""))[1] == "suspend",
          "blocked threads are suspended", rows)
    check(sh.cmd("shtest_ipc stop") == "", "ipc objects removed")
    rows = table(sh, "sem", "semaphor v   suspend thread", "-------- --- --------------")
    check(not any(r.startswith("tsem") for r in rows), "semaphore deleted", rows)
    check("towner" not in thread_table(sh.cmd("ps")), "threads gone")


@test
def list_many_objects(sh):
    check(sh.cmd("shtest_sems create") == "", "semaphores created")
    rows = table(sh, "sem", "semaphor v   suspend thread", "-------- --- --------------")
    mine = [r for r in rows if r.startswith("ms")]
    want = ["ms%02d     %03d 0" % (i, i) for i in range(20)]
    check(sorted(mine) == want, "every object listed once, across batches", mine)
    check(sh.cmd("shtest_sems delete") == "", "semaphores deleted")
    rows = table(sh, "sem", "semaphor v   suspend thread", "-------- --- --------------")
    check(not any(r.startswith("ms") for r in rows), "deleted objects gone", rows)


@test
def list_usage(sh):
    out = sh.cmd("list")
    check(out.startswith("Usage: list [options]\n"), "list usage", out)
    for kind in ("thread", "timer", "sem", "mutex", "event", "mailbox", "msgqueue", "mempool",
                 "device"):
        check(re.search(r"^    %s +- " % kind, out, re.M), "usage mentions %s" % kind, out)
    out = sh.cmd("list bogus")
    check(out.startswith("list: unknown option 'bogus'\n"), "unknown list option", out)


def free_stats(sh):
    out = sh.cmd("free")
    m = re.fullmatch(r"total    : (\d+)\nused     : (\d+)\nmaximum  : (\d+)\navailable: (\d+)\n",
                     out)
    check(m, "free format", out)
    total, used, maximum, avail = map(int, m.groups())
    check(total > 0 and used <= maximum <= total and avail == total - used, "free values", out)
    return used, maximum


@test
def free_back_to_baseline(sh):
    # Boot may still be settling (the idle thread frees the finished main thread): wait until
    # two readings agree before taking the baseline.
    used0, _ = free_stats(sh)
    for _ in range(20):
        time.sleep(0.05)
        again, _ = free_stats(sh)
        if again == used0:
            break
        used0 = again
    check(sh.cmd("shtest_alloc 4096") == "allocated and freed 8 x 4096 bytes\n", "alloc ran")
    used1, max1 = free_stats(sh)
    check(used1 == used0, "used back to baseline after alloc/free", (used0, used1))
    check(max1 >= used0 + 8 * 4096, "maximum records the peak", (used0, max1))
    check("Usage" in sh.cmd("shtest_alloc x"), "bad size refused")


@test
def clear_screen(sh):
    sh.sendline("clear")
    sh.wait_prompt()
    check("\x1b[2J" in sh.before.decode(), "clear sends ESC [2J", sh.before)


# ---- argument splitting ------------------------------------------------------------------

@test
def quoting(sh):
    out = sh.cmd("shtest_args a \"b c\" 'd e' f\"g h\"i \"x\\\"y\"   last")
    check(args_of(out) == ["a", "b c", "d e", "fg hi", 'x"y', "last"], "quoted arguments", out)
    check(args_of(sh.cmd("shtest_args \"\" ''")) == ["", ""], "empty quoted arguments")
    check(args_of(sh.cmd("shtest_args \"it's\" 'say \"hi\"'")) == ["it's", 'say "hi"'],
          "quotes inside the other kind")
    out = sh.cmd("shtest_args \"open")
    check(out == "msh: missing closing quote\n", "unterminated quote", out)
    out = sh.cmd("shtest_args 1 2 3 4 5 6 7 8 9")
    check(args_of(out) == [str(i) for i in range(1, 10)], "FINSH_ARG_MAX arguments accepted", out)
    out = sh.cmd("shtest_args 1 2 3 4 5 6 7 8 9 10")
    check(out == "msh: too many arguments (at most 10)\n", "too many arguments", out)


# ---- line editing ------------------------------------------------------------------------

@test
def backspace(sh):
    check(run_args(sh, b"shtest_args abx" + KEY_BACKSPACE + b"c\r") == ["abc"], "DEL (0x7f)")
    check(run_args(sh, b"shtest_args abx" + KEY_CTRL_H + b"c\r") == ["abc"], "BS (0x08)")
    check(run_args(sh, b"shtest_args abxc" + KEY_LEFT + KEY_BACKSPACE + b"\r") == ["abc"],
          "backspace in the middle")
    # Backspace at the start of the line does nothing.
    keys = b"x" + KEY_LEFT + KEY_BACKSPACE + KEY_BACKSPACE + KEY_DELETE + b"shtest_args ok\r"
    check(run_args(sh, keys) == ["ok"], "backspace at column 0 ignored")


@test
def cursor_insert(sh):
    check(run_args(sh, b"shtest_args ac" + KEY_LEFT + b"b\r") == ["abc"], "left + insert")
    keys = b"shtest_args ac" + KEY_LEFT + KEY_LEFT + KEY_RIGHT + b"b\r"
    check(run_args(sh, keys) == ["abc"], "left, right + insert")
    keys = b"shtest_args a" + KEY_RIGHT + KEY_RIGHT + b"b\r"
    check(run_args(sh, keys) == ["ab"], "right at end of line ignored")


@test
def insert_redraw(sh):
    sh.send(b"shtest_args 1234" + KEY_LEFT * 2 + b"X")
    m = sh.expect(re.escape(b"X34\b\b"))
    check(m, "insert redraws the tail and moves back")
    sh.send(b"\r")
    check(args_of(sh.wait_prompt()) == ["12X34"], "inserted in the middle")


@test
def home_end(sh):
    for home, end in ((KEY_HOME, KEY_END), (KEY_HOME_VT, KEY_END_VT),
                      (KEY_HOME_SS3, KEY_END_SS3), (b"\x01", b"\x05")):
        keys = b"htest_args x" + home + b"s" + end + b"y\r"
        check(run_args(sh, keys) == ["xy"], "home/end %r %r" % (home, end))


@test
def delete_key(sh):
    keys = b"shtest_args abXc" + KEY_LEFT * 2 + KEY_DELETE + b"\r"
    check(run_args(sh, keys) == ["abc"], "delete under the cursor")
    keys = b"shtest_args abc" + KEY_DELETE + b"\r"
    check(run_args(sh, keys) == ["abc"], "delete at end of line ignored")
    keys = b"Xshtest_args q" + KEY_HOME + KEY_DELETE + b"\r"
    check(run_args(sh, keys) == ["q"], "delete at start")


@test
def unknown_escapes_ignored(sh):
    keys = b"shtest_args a\x1b[5~\x1b[1;5Cb\x1b[Z\x1bOPc\r"
    check(run_args(sh, keys) == ["abc"], "unknown sequences swallowed")


# ---- history -----------------------------------------------------------------------------

@test
def history(sh):
    sh.cmd("shtest_args one")
    sh.cmd("shtest_args two")
    check(run_args(sh, KEY_UP + b"\r") == ["two"], "up recalls the newest")
    check(run_args(sh, KEY_UP + KEY_UP + b"\r") == ["one"], "up twice")
    # history is now: two(newest), one  (duplicates of the newest are not stored)
    check(run_args(sh, KEY_UP + KEY_UP + KEY_DOWN + b"\r") == ["one"], "up up down")
    check(run_args(sh, b"shtest_args zz" + KEY_UP + KEY_DOWN + b"\r") == ["zz"],
          "down past the newest restores the edited line")
    check(run_args(sh, KEY_UP + KEY_LEFT + b"Y\r") == ["zYz"], "recalled line is editable")


@test
def history_limit(sh):
    for i in range(HISTORY + 3):
        sh.cmd("shtest_args h%d" % i)
    out = run_args(sh, KEY_UP * (HISTORY + 5) + b"\r")
    check(out == ["h%d" % (HISTORY + 3 - HISTORY)], "only %d lines kept" % HISTORY, out)
    sh.send(KEY_DOWN + KEY_DOWN + b"\r")  # not browsing: nothing happens, empty line
    check(sh.wait_prompt().strip() == "", "down without history browsing does nothing")


# ---- completion --------------------------------------------------------------------------

@test
def tab_unique(sh):
    check(run_args(sh, b"shtest_ar" + KEY_TAB + b"q\r") == ["q"], "unique completion + space")
    sh.send(b"shtest_ca" + KEY_TAB)
    sh.expect_exact(b"shtest_capture ")
    sh.send(KEY_CTRL_C)
    sh.wait_prompt()


@test
def tab_ambiguous(sh):
    sh.send(b"ut" + KEY_TAB)
    sh.expect(rb"utest_\r?\n")
    m = sh.expect(rb"((?:utest_\w+\r?\n)+)msh />utest_")
    names = set(m.group(1).decode().split())
    check(names == {"utest_run", "utest_list"}, "ambiguous candidates listed", names)
    check(run_args(sh, b"\x7f" * 6 + b"shtest_a" + KEY_TAB + KEY_TAB + b"rgs r\r") == ["r"],
          "completion keeps working after a list")
    sh.send(b"zzz" + KEY_TAB + b"\r")
    check("zzz: command not found." in sh.wait_prompt(), "no match: line unchanged")


@test
def tab_arguments(sh):
    check(run_args(sh, b"shtest_args al" + KEY_TAB + b"\r") == ["al"], "no hook: nothing happens")
    check(sh.cmd("shtest_complete on") == "", "hook installed")
    check(run_args(sh, b"shtest_args x b" + KEY_TAB + b"z\r") == ["x", "beta.py", "z"],
          "unique argument completed with a space")
    sh.send(b"shtest_args al" + KEY_TAB)
    m = sh.expect(rb"alp\r?\n((?:\S+\r?\n)+)msh />shtest_args alp")
    check(m.group(1).decode().split() == ["alpha.txt", "alpine/"], "candidates listed", m.group(1))
    check(run_args(sh, b"in" + KEY_TAB + b"q\r") == ["alpine/q"], "directory: no space added")
    check(run_args(sh, b"shtest_args zz" + KEY_TAB + b"\r") == ["zz"], "no candidate")
    check(sh.cmd("shtest_complete off") == "", "hook removed")


@test
def echo_off(sh):
    sh.cmd("shtest_echo off")
    sh.send(b"shtest_args secet" + KEY_LEFT * 2 + b"r" + KEY_END + b"\r")
    text = sh.wait_prompt()
    check(text.startswith("\nargc=2\n"), "nothing echoed but the newline", text)
    check(args_of(text) == ["secret"], "editing works without echo", text)
    check("Usage: shtest_echo on|off (now off)" in sh.cmd("shtest_echo"), "finsh_get_echo")
    sh.cmd("shtest_echo on")
    check(sh.cmd("shtest_args visible").startswith("argc=2"), "echo back on")


# ---- line control ------------------------------------------------------------------------

@test
def ctrl_c(sh):
    sh.send(b"shtest_args junk" + KEY_CTRL_C)
    sh.expect(rb"\^C\r?\nmsh />")
    check(args_of(sh.cmd("shtest_args ok")) == ["ok"], "line cleared by Ctrl-C")
    check(run_args(sh, KEY_UP + b"\r") == ["ok"], "cancelled line not in history")


@test
def long_line(sh):
    sh.send(b"x" * 200 + b"\r")
    sh.expect_exact(b"command line too long (more than %d characters)" % CMD_SIZE)
    out = sh.wait_prompt()
    check("command not found" not in out, "over-long line not executed", out)
    check(args_of(sh.cmd("shtest_args after")) == ["after"], "shell works after overflow")
    arg = "y" * (CMD_SIZE - len("shtest_args "))
    check(args_of(sh.cmd("shtest_args " + arg)) == [arg], "exactly FINSH_CMD_SIZE accepted")
    sh.send(b"shtest_args " + b"z" * (CMD_SIZE - 11) + KEY_CTRL_C)
    sh.expect(rb"\^C\r?\nmsh />")
    check(args_of(sh.cmd("shtest_args again")) == ["again"], "Ctrl-C after overflow")


@test
def line_endings(sh):
    for end in (b"\r", b"\n", b"\r\n"):
        sh.send(b"shtest_args e" + end + b"shtest_args marker\r")
        sh.expect_exact(b"argv[1]=[marker]")
        sh.wait_prompt()
        text = sh.buf.decode("utf-8", "replace")
        tail = text[text.rfind("argv[1]=[e]"):]
        prompts = tail.count("msh />")
        check(prompts == 2, "one prompt per line with %r" % end, tail)


# ---- capture API -------------------------------------------------------------------------

@test
def capture_api(sh):
    out = sh.cmd("shtest_capture")
    def line(label, ret, text, shown=None):
        shown = text if shown is None else shown
        return "%s: ret=%d needed=%d text=[%s]" % (label, ret, len(text),
                                                   shown.replace("\n", "\\n"))

    args4 = "argc=4\nargv[0]=[shtest_args]\nargv[1]=[a]\nargv[2]=[b c]\nargv[3]=[d e]\n"
    args2 = "argc=2\nargv[0]=[shtest_args]\nargv[1]=[a]\n"
    toolong = "msh: command line too long (more than %d characters)\n" % CMD_SIZE
    expected = [
        line("args", 4, args4),
        line("small", 2, args2, args2[:7]),
        line("sizeonly", 2, args2, ""),
        line("unknown", -6, "nosuchcmd: command not found.\n"),
        line("toolong", -3, toolong),
        line("nested", 7, "nested ret=-7\n"),
        line("empty", 0, ""),
        "null: ret=-10",
        "capture: done",
    ]
    check(out.splitlines() == expected, "capture results\n  want: %r" % expected, out.splitlines())
    check("argv[1]=[a]\n" not in out, "captured output not on the console", out)


# ---- utest -------------------------------------------------------------------------------

@test
def utest_list_and_run(sh):
    out = sh.cmd("utest_list")
    check("[I/utest] [testcase name]:components.finsh.msh; [run timeout]:10" in out,
          "utest_list shows the shell test case", out)
    out = sh.cmd("utest_run components.finsh.msh", timeout=30)
    lines = out.splitlines()
    want = ["[I/utest] [==========] [ utest    ] loop 1/1",
            "[I/utest] [==========] [ utest    ] started",
            "[I/utest] [----------] [ testcase ] (components.finsh.msh) started",
            "[I/utest] [  PASSED  ] [ result   ] testcase (components.finsh.msh)",
            "[I/utest] [----------] [ testcase ] (components.finsh.msh) finished",
            "[I/utest] [==========] [ utest    ] finished",
            "utest: 1 passed, 0 failed"]
    check(lines == want, "utest_run log", lines)
    out = sh.cmd("utest_run components.fin* 2", timeout=30)
    check(out.splitlines()[-1] == "utest: 2 passed, 0 failed", "wildcard and loop count", out)
    check("loop 2/2" in out, "second loop", out)
    out = sh.cmd("utest_run components")
    check(out.splitlines()[-1] == "utest: 1 passed, 0 failed", "prefix at a dot boundary", out)
    out = sh.cmd("utest_run no.such.case")
    check("[E/utest] [==========] [ utest    ] Not find (no.such.case)" in out, "no match", out)
    check(out.splitlines()[-1] == "utest: 0 passed, 0 failed", "empty summary", out)
    check(sh.cmd("utest_run x abc").startswith("Usage: utest_run"), "bad loop count")
    check(sh.cmd("utest_run -q").startswith("Usage: utest_run"), "bad option")


@test
def utest_failures_report_values(sh):
    out = sh.cmd("shtest_utest", timeout=30)
    fail_at = r"\[E/utest\] \[  ASSERT  \] \[ unit     \] at \(shtest_tc_fail\); " \
              r"line number: \(\d+\); file: \(shell_test_cmds\.c\); msg: "
    msgs = [r"\(3\) not equal to \(5\) \[three == 5\]",
            r"\(3\) equal to \(3\) \[three != 3\]",
            r"\(7\) not less than \(2\) \[7 < 2\]",
            r"\(-4\) not greater than or equal to \(9\) \[-4 >= 9\]",
            r"\(3\) not in range \[10, 20\] \[three\]",
            r"\(3\) in range \[0, 9\] \[three\]",
            r"\(\"hello\"\) not equal to \(\"help\"\) \[\"hello\" == \"help\"\]",
            r"\(\"same\"\) equal to \(\"same\"\)",
            r"buffers differ at offset 2: \(0x63\) != \(0x58\)",
            r"\(NULL\) is NULL \[p\]",
            r"\(three == 3\) is true"]
    for msg in msgs:
        check(re.search("^" + fail_at + msg, out, re.M), "assert message " + msg, out)
    for name, ok in (("pass", 1), ("fail", 0), ("initfail", 0), ("units", 0), ("timeout", 0)):
        check("result shtest.%s=%d" % (name, ok) in out, "result of shtest.%s" % name, out)
        verdict = "[I/utest] [  PASSED  ]" if ok else "[E/utest] [  FAILED  ]"
        check("%s [ result   ] testcase %s(shtest.%s)" % (
            verdict, "init " if name == "initfail" else "", name) in out, "verdict " + name, out)
    check("unit b must not run" not in out, "UTEST_UNIT_RUN stops after a failed unit", out)
    check("[E/utest] [ TIMEOUT  ] [ testcase ] (shtest.timeout) still running after 1 s" in out,
          "timeout reported", out)
    check(args_of(sh.cmd("shtest_args alive")) == ["alive"], "shell fine after the timeout")


@test
def startup_hook(sh):
    check("startup hook ran" not in sh.transcript(), "no hook unless asked")
    env = dict(os.environ, RTL_SHELL_TEST_STARTUP="1")
    with Shell([SIM], timeout=10, env=env) as sh2:
        sh2.wait_prompt()
        before = sh2.before.decode().replace("\r", "")
        check("startup hook ran in tshell\n" in before, "hook ran in tshell before the prompt",
              before)
        check(before.count("msh />") == 0, "no prompt before the hook", before)
        check(args_of(sh2.cmd("shtest_args after")) == ["after"], "shell works after the hook")


# ---- process -----------------------------------------------------------------------------

@test
def reboot_exits_zero(sh):
    sh.sendline("reboot")
    status = sh.wait_exit(timeout=10)
    check(status == 0, "reboot exit status", status)


def main():
    global SIM
    args = sys.argv[1:]
    verbose = "-v" in args
    if verbose:
        args.remove("-v")
    only = None
    if "-k" in args:
        i = args.index("-k")
        only = args[i + 1]
        del args[i:i + 2]
    if len(args) != 1 or not os.access(args[0], os.X_OK):
        print("usage: run.py PATH_TO_rtthread-sim [-k SUBSTRING] [-v]", file=sys.stderr)
        print("shell: 0 passed, 1 failed")
        return 2
    SIM = os.path.abspath(args[0])
    passed = failed = 0
    for fn in TESTS:
        if only and only not in fn.__name__:
            continue
        try:
            sh = boot()
            try:
                fn(sh)
            finally:
                sh.close()
            passed += 1
            if verbose:
                print("PASS", fn.__name__)
        except (TestFailure, ConsoleError) as e:
            failed += 1
            print("FAIL %s: %s" % (fn.__name__, e))
        except Exception:
            failed += 1
            print("FAIL %s: unexpected error\n%s" % (fn.__name__, traceback.format_exc()))
    print("shell: %d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
