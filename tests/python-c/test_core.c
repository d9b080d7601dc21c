/* Internal tests of the rtpy core through the embedding API: API misuse,
 * pending exceptions and tracebacks, SystemExit, MemoryError injected at
 * every allocation of some scripts (the VM must stay usable), recursion and
 * nesting limits, interrupts, scheduling, teardown and re-creation.
 * Prints one line per failure and ends with "N passed, N failed". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "rtpy.h"

static int passed, failed;

#define CHECK(cond)                                                \
    do {                                                           \
        if (cond) {                                                \
            passed++;                                              \
        } else {                                                   \
            failed++;                                              \
            printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); \
        }                                                          \
    } while (0)

/* Output captured per stream. */
static char out[2][8192];
static size_t out_len[2];

static void cap_write(void *user, int fd, const char *buf, size_t len)
{
    int i = fd == 2 ? 1 : 0;
    size_t room = sizeof(out[i]) - 1 - out_len[i];
    if (len > room) {
        len = room;
    }
    memcpy(out[i] + out_len[i], buf, len);
    out_len[i] += len;
    out[i][out_len[i]] = 0;
}

static void cap_reset(void)
{
    out_len[0] = out_len[1] = 0;
    out[0][0] = out[1][0] = 0;
}

static rtpy_hal hal = {.write = cap_write, .vstack_size = 8192, .stack_size = 256 * 1024};

#define HEAP (512 * 1024)
static char *buffer;

static rtpy_vm *make_vm(void)
{
    rtpy_vm *vm = rtpy_create(buffer, rtpy_overhead(&hal) + HEAP, &hal);
    cap_reset();
    return vm;
}

static int run(rtpy_vm *vm, const char *src)
{
    return rtpy_exec(vm, src, strlen(src), "t.py", RTPY_MODE_FILE, NULL);
}

static void test_misuse(void)
{
    char small[256];
    CHECK(rtpy_create(NULL, 100000, &hal) == NULL);
    CHECK(rtpy_create(buffer, 100000, NULL) == NULL);
    CHECK(rtpy_create(small, sizeof(small), &hal) == NULL);
    rtpy_hal nowrite = hal;
    nowrite.write = NULL;
    CHECK(rtpy_create(buffer, rtpy_overhead(&hal) + HEAP, &nowrite) == NULL);
    CHECK(rtpy_exec(NULL, "1", 1, "x", RTPY_MODE_FILE, NULL) == RTPY_EINVAL);
    rtpy_vm *vm = make_vm();
    CHECK(vm != NULL);
    CHECK(rtpy_exec(vm, NULL, 0, "x", RTPY_MODE_FILE, NULL) == RTPY_EINVAL);
    CHECK(rtpy_exec(vm, "1", 1, "x", 7, NULL) == RTPY_EINVAL);
    CHECK(rtpy_call(vm, 0, 0, NULL, NULL) == RTPY_EINVAL);
    CHECK(rtpy_exec_code(vm, PY_MK_SMALL(3)) == RTPY_EINVAL);
    CHECK(rtpy_set_argv(vm, -1, NULL) == RTPY_EINVAL);
    CHECK(rtpy_exception(vm) == 0);
    rtpy_print_exception(vm); /* nothing pending: no output */
    CHECK(out_len[1] == 0);
    rtpy_destroy(vm);
    rtpy_destroy(NULL);
    rtpy_print_exception(NULL);
    CHECK(rtpy_exit_status(NULL) == 1);
}

static void test_run_and_call(void)
{
    rtpy_vm *vm = make_vm();
    CHECK(run(vm, "def add(a, b):\n    return a + b\nprint('hi', add(2, 3))\n") == RTPY_OK);
    CHECK(strcmp(out[0], "hi 5\n") == 0);
    rtpy_val fn, r;
    CHECK(rtpy_get_global(vm, "add", &fn) == RTPY_OK);
    rtpy_val args[2] = {PY_MK_SMALL(40), PY_MK_SMALL(2)};
    CHECK(rtpy_call(vm, fn, 2, args, &r) == RTPY_OK);
    CHECK(r == PY_MK_SMALL(42));
    CHECK(rtpy_exec(vm, "add(1, 2) * 10", 14, "e", RTPY_MODE_EVAL, &r) == RTPY_OK);
    CHECK(r == PY_MK_SMALL(30));
    rtpy_val code;
    CHECK(rtpy_compile(vm, "x = 7\n", 6, "c", RTPY_MODE_FILE, &code) == RTPY_OK);
    CHECK(rtpy_exec_code(vm, code) == RTPY_OK);
    CHECK(rtpy_get_global(vm, "x", &r) == RTPY_OK && r == PY_MK_SMALL(7));
    CHECK(rtpy_get_global(vm, "nope", &r) == RTPY_EXC);
    rtpy_clear_exception(vm);
    /* calling a non-callable gives a pending TypeError */
    CHECK(rtpy_call(vm, PY_MK_SMALL(1), 0, NULL, NULL) == RTPY_EXC);
    rtpy_clear_exception(vm);
    rtpy_destroy(vm);
}

static void test_exceptions(void)
{
    rtpy_vm *vm = make_vm();
    CHECK(run(vm, "def f():\n    return y\nf()\n") == RTPY_EXC);
    CHECK(rtpy_exception(vm) != 0);
    rtpy_print_exception(vm);
    CHECK(strstr(out[1], "Traceback (most recent call last):\n") != NULL);
    CHECK(strstr(out[1], "  File \"t.py\", line 3, in <module>\n") != NULL);
    CHECK(strstr(out[1], "  File \"t.py\", line 2, in f\n") != NULL);
    CHECK(strstr(out[1], "NameError: name 'y' is not defined\n") != NULL);
    CHECK(rtpy_exception(vm) == 0);
    cap_reset();
    CHECK(run(vm, "x = (1,\n") == RTPY_EXC);
    rtpy_print_exception(vm);
    CHECK(strstr(out[1], "SyntaxError") != NULL);
    cap_reset();
    CHECK(run(vm, "import sys\nsys.exit(3)\n") == RTPY_EXIT);
    CHECK(rtpy_exit_status(vm) == 3);
    CHECK(run(vm, "raise SystemExit\n") == RTPY_EXIT);
    CHECK(rtpy_exit_status(vm) == 0);
    CHECK(run(vm, "print('still alive')\n") == RTPY_OK);
    CHECK(strstr(out[0], "still alive") != NULL);
    rtpy_destroy(vm);
}

static void test_limits(void)
{
    rtpy_vm *vm = make_vm();
    CHECK(run(vm, "def r(n):\n    return r(n + 1)\nr(0)\n") == RTPY_EXC);
    rtpy_print_exception(vm);
    CHECK(strstr(out[1], "RecursionError: maximum recursion depth exceeded") != NULL);
    cap_reset();
    /* recursion through natives (C stack) */
    CHECK(run(vm, "class A:\n    def __repr__(self):\n        return repr(self)\nrepr(A())\n") ==
          RTPY_EXC);
    rtpy_print_exception(vm);
    CHECK(strstr(out[1], "RecursionError") != NULL);
    cap_reset();
    /* deeply nested source: a clean SyntaxError, no C stack overflow */
    size_t n = 5000;
    char *src = malloc(2 * n + 8);
    memset(src, '(', n);
    memset(src + n, ')', n);
    strcpy(src + 2 * n, "\n");
    CHECK(run(vm, src) == RTPY_EXC);
    rtpy_clear_exception(vm);
    memset(src, '[', n);
    memset(src + n, ']', n);
    CHECK(run(vm, src) == RTPY_EXC);
    rtpy_clear_exception(vm);
    free(src);
    CHECK(run(vm, "print(sum(range(10)))\n") == RTPY_OK);
    CHECK(strstr(out[0], "45\n") != NULL);
    rtpy_destroy(vm);
}

static void test_interrupt_and_schedule(void)
{
    rtpy_vm *vm = make_vm();
    rtpy_interrupt(vm);
    CHECK(run(vm, "while True:\n    pass\n") == RTPY_EXC);
    rtpy_print_exception(vm);
    CHECK(strstr(out[1], "KeyboardInterrupt") != NULL);
    cap_reset();
    rtpy_interrupt(vm);
    CHECK(run(vm, "sorted(range(3000), key=lambda x: -x)\n") == RTPY_EXC);
    rtpy_clear_exception(vm);
    CHECK(run(vm, "hits = []\ndef cb(a):\n    hits.append(a)\n") == RTPY_OK);
    rtpy_val cb;
    CHECK(rtpy_get_global(vm, "cb", &cb) == RTPY_OK);
    CHECK(rtpy_pin(vm, cb) == RTPY_OK);
    CHECK(rtpy_schedule(vm, cb, PY_MK_SMALL(5)) == RTPY_OK);
    int rs = run(vm, "for i in range(10):\n    pass\nprint(hits)\n");
    if (rs != RTPY_OK) {
        rtpy_print_exception(vm);
        printf("  %s", out[1]);
    }
    CHECK(rs == RTPY_OK);
    CHECK(strstr(out[0], "[5]") != NULL);
    int full = 0;
    for (int i = 0; i < 9; i++) {
        full |= rtpy_schedule(vm, cb, PY_MK_SMALL(i)) != RTPY_OK;
    }
    CHECK(full);
    rtpy_unpin(vm, cb);
    rtpy_destroy(vm);
}

/* Run src with the k-th allocation failing for every k until it succeeds;
 * each failure must be a MemoryError (or a clean success), and the VM must
 * run a follow-up script afterwards. */
static void test_memory_errors(const char *src)
{
    rtpy_vm *vm = make_vm();
    int bad = 0, runs = 0;
    for (size_t k = 1; k < 20000; k++) {
        py_gc_fail_after(vm, k);
        int r = run(vm, src);
        py_gc_fail_after(vm, 0);
        runs++;
        if (r == RTPY_EXC) {
            rtpy_val e = rtpy_exception(vm);
            if (!py_isinstance(vm, e, &py_type_MemoryError)) {
                cap_reset();
                rtpy_print_exception(vm);
                printf("  unexpected at allocation %zu: %s", k, out[1]);
                bad++;
            }
            rtpy_clear_exception(vm);
        } else if (r != RTPY_OK) {
            bad++;
        }
        cap_reset();
        if (run(vm, "z = [str(i) for i in range(50)]\nprint(len(z))\n") != RTPY_OK ||
            strcmp(out[0], "50\n") != 0) {
            printf("  VM unusable after failing allocation %zu\n", k);
            bad++;
            break;
        }
        if (r == RTPY_OK) {
            break;
        }
    }
    CHECK(bad == 0);
    CHECK(runs > 1);
    rtpy_destroy(vm);
}

static void test_heap_exhaustion(void)
{
    rtpy_vm *vm = make_vm();
    CHECK(run(vm, "x = []\nwhile True:\n    x.append('abc' * 100)\n") == RTPY_EXC);
    CHECK(py_isinstance(vm, rtpy_exception(vm), &py_type_MemoryError));
    rtpy_clear_exception(vm);
    CHECK(run(vm, "x = None\nimport gc\ngc.collect()\nprint(len([i for i in range(1000)]))\n") ==
          RTPY_OK);
    CHECK(strstr(out[0], "1000\n") != NULL);
    rtpy_destroy(vm);
}

static void test_teardown_recreate(void)
{
    for (int i = 0; i < 3; i++) {
        rtpy_vm *vm = make_vm();
        CHECK(vm != NULL);
        CHECK(run(vm, "class A:\n    pass\na = A()\na.x = [1, 2, 3]\nprint(a.x)\n") == RTPY_OK);
        CHECK(strcmp(out[0], "[1, 2, 3]\n") == 0);
        rtpy_destroy(vm);
    }
}

static int n_cands;
static char last_cand[64];

static void count_cand(void *data, const char *s, size_t n)
{
    n_cands++;
    if (n < sizeof(last_cand)) {
        memcpy(last_cand, s, n);
        last_cand[n] = 0;
    }
}

static void test_repl_helpers(void)
{
    CHECK(rtpy_input_complete("1 + 1\n", 6) == 1);
    CHECK(rtpy_input_complete("if x:\n", 6) == 0);
    CHECK(rtpy_input_complete("if x:\n    y()\n", 14) == 0);
    CHECK(rtpy_input_complete("if x:\n    y()\n\n", 15) == 1);
    CHECK(rtpy_input_complete("f(1,\n", 5) == 0);
    CHECK(rtpy_input_complete("s = '''abc\n", 11) == 0);
    CHECK(rtpy_input_complete("x = 1 + \\\n", 10) == 0);
    rtpy_vm *vm = make_vm();
    CHECK(rtpy_repl_exec(vm, "1 + 2\n", 6) == RTPY_OK);
    CHECK(strcmp(out[0], "3\n") == 0);
    cap_reset();
    CHECK(rtpy_repl_exec(vm, "None\n", 5) == RTPY_OK);
    CHECK(out_len[0] == 0);
    CHECK(rtpy_repl_exec(vm, "1/0\n", 4) == RTPY_EXC);
    CHECK(strstr(out[1], "ZeroDivisionError: division by zero") != NULL);
    run(vm, "import sys\nabcdef = 1\n");
    CHECK(rtpy_complete(vm, "abc", 3, NULL, NULL) == 0);
    n_cands = 0;
    CHECK(rtpy_complete(vm, "x = abcd", 8, count_cand, NULL) == 1);
    CHECK(strcmp(last_cand, "abcdef") == 0);
    CHECK(rtpy_complete(vm, "sys.ar", 6, count_cand, NULL) == 1);
    CHECK(strcmp(last_cand, "argv") == 0);
    CHECK(rtpy_complete(vm, "pri", 3, count_cand, NULL) == 1);
    CHECK(strcmp(last_cand, "print") == 0);
    rtpy_destroy(vm);
}

int main(void)
{
    buffer = malloc(rtpy_overhead(&hal) + HEAP);
    test_misuse();
    test_run_and_call();
    test_exceptions();
    test_limits();
    test_interrupt_and_schedule();
    test_heap_exhaustion();
    test_teardown_recreate();
    test_repl_helpers();
    test_memory_errors("x = [i * i for i in range(20)]\nd = {str(k): k for k in x}\n");
    test_memory_errors("class P:\n    def __init__(self, v):\n        self.v = v\n"
                       "    def __repr__(self):\n        return 'P(%d)' % self.v\n"
                       "ps = [P(i) for i in range(10)]\ns = repr(ps)\n");
    test_memory_errors("def g(n):\n    for i in range(n):\n        yield str(i) * 3\n"
                       "t = ''.join(g(20))\ntry:\n    {}['k']\nexcept KeyError as e:\n"
                       "    m = str(e)\nf = 2 ** 100 // 3\n");
    free(buffer);
    printf("python-c: %d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
