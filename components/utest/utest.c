/* utest runner: test-case table, per-case thread with timeout, RT-Thread log format, msh
 * commands utest_run and utest_list. */
#include <rtthread.h>
#include "utest.h"

/* Bounds of the UtestTcTab section; weak so that an image without test cases still links. */
extern const struct utest_tc_export __start_UtestTcTab[] __attribute__((weak));
extern const struct utest_tc_export __stop_UtestTcTab[] __attribute__((weak));

#define UTEST_PRINT(lvl, fmt, ...) rt_kprintf("[" lvl "/utest] " fmt "\n", ##__VA_ARGS__)

static struct utest local_utest;
static rt_uint32_t case_failed; /* failed asserts in the running test case (all units) */
static rt_uint8_t utest_log_lv = UTEST_LOG_ASSERT;
static rt_bool_t utest_busy;

void utest_log_lv_set(rt_uint8_t lv)
{
    if (lv == UTEST_LOG_ALL || lv == UTEST_LOG_ASSERT) {
        utest_log_lv = lv;
    }
}

utest_t utest_handle_get(void)
{
    return &local_utest;
}

rt_size_t utest_tc_count(void)
{
    if (__start_UtestTcTab == RT_NULL || __stop_UtestTcTab == RT_NULL) {
        return 0;
    }
    return (rt_size_t)(__stop_UtestTcTab - __start_UtestTcTab);
}

void utest_unit_run(test_unit_func func, const char *unit_func_name)
{
    if (utest_log_lv == UTEST_LOG_ALL) {
        UTEST_PRINT("D", "[==========] utest unit name: (%s)", unit_func_name);
    }
    local_utest.error = UTEST_PASSED;
    local_utest.passed_num = 0;
    local_utest.failed_num = 0;
    if (func != RT_NULL) {
        func();
    }
}

/* ---- assertions ------------------------------------------------------------------------ */

static const char *utest_basename(const char *path)
{
    const char *base = path;

    for (const char *p = path; p != RT_NULL && *p != '\0'; p++) {
        if (*p == '/' || *p == '\\') {
            base = p + 1;
        }
    }
    return base ? base : "?";
}

/* Record one assertion; on failure print where it happened and why. */
static rt_bool_t utest_record(rt_bool_t ok, const char *file, int line, const char *func,
                              const char *msg)
{
    rt_enter_critical();
    if (ok) {
        local_utest.passed_num++;
    } else {
        local_utest.failed_num++;
        local_utest.error = UTEST_FAILED;
        case_failed++;
    }
    rt_exit_critical();
    if (!ok) {
        UTEST_PRINT("E",
                    "[  ASSERT  ] [ unit     ] at (%s); line number: (%d); file: (%s); msg: %s",
                    func, line, utest_basename(file), msg);
    } else if (utest_log_lv == UTEST_LOG_ALL) {
        UTEST_PRINT("D", "[    OK    ] [ unit     ] (%s:%d) is passed", func, line);
    }
    return ok;
}

rt_bool_t utest_assert(int value, const char *file, int line, const char *func, const char *msg)
{
    return utest_record(value != 0, file, line, func, msg ? msg : "(assertion failed)");
}

static const char *utest_cmp_text(enum utest_cmp cmp)
{
    switch (cmp) {
    case UTEST_CMP_EQ: return "not equal to";
    case UTEST_CMP_NE: return "equal to";
    case UTEST_CMP_LT: return "not less than";
    case UTEST_CMP_LE: return "not less than or equal to";
    case UTEST_CMP_GT: return "not greater than";
    default: return "not greater than or equal to";
    }
}

static rt_bool_t utest_cmp_holds(long long a, long long b, enum utest_cmp cmp)
{
    switch (cmp) {
    case UTEST_CMP_EQ: return a == b;
    case UTEST_CMP_NE: return a != b;
    case UTEST_CMP_LT: return a < b;
    case UTEST_CMP_LE: return a <= b;
    case UTEST_CMP_GT: return a > b;
    default: return a >= b;
    }
}

rt_bool_t utest_assert_int(long long a, long long b, enum utest_cmp cmp, const char *file, int line,
                           const char *func, const char *expr)
{
    char msg[160];
    rt_bool_t ok = utest_cmp_holds(a, b, cmp);

    if (!ok) {
        rt_snprintf(msg, sizeof(msg), "(%lld) %s (%lld) [%s]", a, utest_cmp_text(cmp), b, expr);
    }
    return utest_record(ok, file, line, func, ok ? "" : msg);
}

rt_bool_t utest_assert_range(long long v, long long min, long long max, rt_bool_t inside,
                             const char *file, int line, const char *func, const char *expr)
{
    char msg[160];
    rt_bool_t ok = (v >= min && v <= max) == !!inside;

    if (!ok) {
        rt_snprintf(msg, sizeof(msg), "(%lld) %s [%lld, %lld] [%s]", v,
                    inside ? "not in range" : "in range", min, max, expr);
    }
    return utest_record(ok, file, line, func, ok ? "" : msg);
}

rt_bool_t utest_assert_ptr(const void *p, rt_bool_t want_null, const char *file, int line,
                           const char *func, const char *expr)
{
    char msg[128];
    rt_bool_t ok = (p == RT_NULL) == !!want_null;

    if (!ok && want_null) {
        rt_snprintf(msg, sizeof(msg), "(%p) is not NULL [%s]", p, expr);
    } else if (!ok) {
        rt_snprintf(msg, sizeof(msg), "(NULL) is NULL [%s]", expr);
    }
    return utest_record(ok, file, line, func, ok ? "" : msg);
}

/* Quote a string for a message, or NULL; long strings are cut to keep the line readable. */
static void utest_quote(char *dst, rt_size_t size, const char *s)
{
    if (s == RT_NULL) {
        rt_snprintf(dst, size, "NULL");
    } else if (rt_strlen(s) > 40) {
        rt_snprintf(dst, size, "\"%.40s\"...", s);
    } else {
        rt_snprintf(dst, size, "\"%s\"", s);
    }
}

rt_bool_t utest_assert_string(const char *a, const char *b, rt_bool_t equal, const char *file,
                              int line, const char *func, const char *msg)
{
    char qa[52], qb[52], text[200];
    rt_bool_t same = (a == RT_NULL || b == RT_NULL) ? a == b : rt_strcmp(a, b) == 0;
    rt_bool_t ok = same == !!equal;

    if (!ok) {
        utest_quote(qa, sizeof(qa), a);
        utest_quote(qb, sizeof(qb), b);
        rt_snprintf(text, sizeof(text), "(%s) %s (%s) [%s]", qa,
                    equal ? "not equal to" : "equal to", qb, msg);
    }
    return utest_record(ok, file, line, func, ok ? "" : text);
}

rt_bool_t utest_assert_buf(const char *a, const char *b, rt_size_t sz, rt_bool_t equal,
                           const char *file, int line, const char *func, const char *msg)
{
    char text[160];
    rt_size_t i = 0;
    rt_bool_t ok;

    if (a == RT_NULL || b == RT_NULL) {
        rt_snprintf(text, sizeof(text), "NULL buffer [%s]", msg);
        return utest_record(RT_FALSE, file, line, func, text);
    }
    while (i < sz && a[i] == b[i]) {
        i++;
    }
    ok = (i == sz) == !!equal;
    if (!ok && equal) {
        rt_snprintf(text, sizeof(text), "buffers differ at offset %lu: (0x%02x) != (0x%02x) [%s]",
                    (unsigned long)i, (unsigned)(rt_uint8_t)a[i], (unsigned)(rt_uint8_t)b[i], msg);
    } else if (!ok) {
        rt_snprintf(text, sizeof(text), "buffers are equal (%lu bytes) [%s]", (unsigned long)sz,
                    msg);
    }
    return utest_record(ok, file, line, func, ok ? "" : text);
}

/* ---- running test cases ----------------------------------------------------------------- */

#ifdef RT_USING_HEAP
static struct rt_semaphore tc_done;
static volatile rt_bool_t tc_finished; /* set with the scheduler locked, see utest_tc_call */

static void utest_tc_entry(void *parameter)
{
    const struct utest_tc_export *tc = parameter;

    tc->tc();
    rt_enter_critical();
    tc_finished = RT_TRUE;
    rt_sem_release(&tc_done);
    rt_exit_critical();
}

/* Run tc->tc in thread "utest"; on timeout delete it. Returns RT_EOK or -RT_ETIMEOUT. */
static rt_err_t utest_tc_call(const struct utest_tc_export *tc)
{
    rt_int32_t wait = RT_WAITING_FOREVER;
    rt_thread_t thread;
    rt_err_t err;

    rt_sem_init(&tc_done, "utdone", 0, RT_IPC_FLAG_FIFO);
    thread = rt_thread_create("utest", utest_tc_entry, (void *)tc, UTEST_THR_STACK_SIZE,
                              UTEST_THR_PRIORITY, 10);
    if (thread == RT_NULL) {
        UTEST_PRINT("W", "[ WARNING  ] [ testcase ] no memory for a test thread, running inline");
        tc->tc();
        rt_sem_detach(&tc_done);
        return RT_EOK;
    }
    if (tc->run_timeout > 0 && tc->run_timeout < RT_UINT32_MAX / 2 / RT_TICK_PER_SECOND) {
        wait = (rt_int32_t)(tc->run_timeout * RT_TICK_PER_SECOND);
    }
    tc_finished = RT_FALSE;
    rt_thread_startup(thread);
    err = rt_sem_take(&tc_done, wait);
    /* A thread that finished may already be freed by idle: only delete one still running. */
    rt_enter_critical();
    if (!tc_finished) {
        rt_thread_delete(thread);
    }
    rt_exit_critical();
    rt_sem_detach(&tc_done);
    return err == RT_EOK ? RT_EOK : -RT_ETIMEOUT;
}
#else
static rt_err_t utest_tc_call(const struct utest_tc_export *tc)
{
    tc->tc(); /* no heap for a test thread: the timeout cannot be enforced */
    return RT_EOK;
}
#endif

/* init, test function, cleanup; returns RT_TRUE if the test case passed. */
static rt_bool_t utest_tc_body(const struct utest_tc_export *tc)
{
    rt_bool_t passed = RT_TRUE;

    if (tc->init != RT_NULL && tc->init() != RT_EOK) {
        UTEST_PRINT("E", "[  FAILED  ] [ result   ] testcase init (%s)", tc->name);
        return RT_FALSE;
    }
    if (tc->tc == RT_NULL) {
        UTEST_PRINT("E", "[  FAILED  ] [ result   ] testcase (%s) has no test function", tc->name);
        passed = RT_FALSE;
    } else if (utest_tc_call(tc) != RT_EOK) {
        UTEST_PRINT("E", "[ TIMEOUT  ] [ testcase ] (%s) still running after %u s, stopped",
                    tc->name, (unsigned)tc->run_timeout);
        passed = RT_FALSE;
    }
    passed = passed && case_failed == 0;
    if (passed) {
        UTEST_PRINT("I", "[  PASSED  ] [ result   ] testcase (%s)", tc->name);
    } else {
        UTEST_PRINT("E", "[  FAILED  ] [ result   ] testcase (%s)", tc->name);
    }
    if (tc->cleanup != RT_NULL && tc->cleanup() != RT_EOK) {
        UTEST_PRINT("E", "[  FAILED  ] [ result   ] testcase cleanup (%s)", tc->name);
        passed = RT_FALSE;
    }
    return passed;
}

rt_bool_t utest_testcase_run_one(const struct utest_tc_export *tc)
{
    rt_bool_t passed;

    if (tc == RT_NULL || tc->name == RT_NULL) {
        return RT_FALSE;
    }
    UTEST_PRINT("I", "[----------] [ testcase ] (%s) started", tc->name);
    rt_memset(&local_utest, 0, sizeof(local_utest));
    case_failed = 0;
    passed = utest_tc_body(tc);
    UTEST_PRINT("I", "[----------] [ testcase ] (%s) finished", tc->name);
    return passed;
}

/* Exact name, a prefix ending at a '.' boundary, or "prefix*". */
static rt_bool_t utest_name_matches(const char *name, const char *pattern)
{
    rt_size_t n;

    if (pattern == RT_NULL || pattern[0] == '\0') {
        return RT_TRUE;
    }
    n = rt_strlen(pattern);
    if (pattern[n - 1] == '*') {
        return rt_strncmp(name, pattern, n - 1) == 0;
    }
    return rt_strncmp(name, pattern, n) == 0 && (name[n] == '\0' || name[n] == '.');
}

#define UTEST_FAILED_NAMES 16 /* failed test cases named again before the summary */

struct utest_totals {
    rt_uint32_t passed;
    rt_uint32_t failed;
    const char *failed_names[UTEST_FAILED_NAMES];
};

/* Repeat the failed test cases at the end, where a long log is easiest to read. */
static void utest_print_failed(const struct utest_totals *totals)
{
    for (rt_uint32_t i = 0; i < totals->failed && i < UTEST_FAILED_NAMES; i++) {
        UTEST_PRINT("E", "[  FAILED  ] [ summary  ] testcase (%s)", totals->failed_names[i]);
    }
    if (totals->failed > UTEST_FAILED_NAMES) {
        UTEST_PRINT("E", "[  FAILED  ] [ summary  ] ... and %u more",
                    (unsigned)(totals->failed - UTEST_FAILED_NAMES));
    }
}

static rt_uint32_t utest_run_pass(const char *pattern, struct utest_totals *totals)
{
    rt_uint32_t matched = 0;
    rt_size_t count = utest_tc_count();

    for (rt_size_t i = 0; i < count; i++) {
        const struct utest_tc_export *tc = &__start_UtestTcTab[i];

        if (tc->name == RT_NULL || !utest_name_matches(tc->name, pattern)) {
            continue;
        }
        matched++;
        if (utest_testcase_run_one(tc)) {
            totals->passed++;
        } else if (totals->failed++ < UTEST_FAILED_NAMES) {
            totals->failed_names[totals->failed - 1] = tc->name;
        }
    }
    return matched;
}

static rt_bool_t utest_claim(void)
{
    rt_bool_t claimed = RT_FALSE;

    rt_enter_critical();
    if (!utest_busy) {
        utest_busy = RT_TRUE;
        claimed = RT_TRUE;
    }
    rt_exit_critical();
    return claimed;
}

static int utest_run_loops(const char *pattern, rt_uint32_t loops)
{
    struct utest_totals totals = {0};

    if (!utest_claim()) {
        UTEST_PRINT("E", "[==========] [ utest    ] a test run is already in progress");
        return -RT_EBUSY;
    }
    for (rt_uint32_t loop = 1; loop <= loops; loop++) {
        UTEST_PRINT("I", "[==========] [ utest    ] loop %u/%u", (unsigned)loop, (unsigned)loops);
        UTEST_PRINT("I", "[==========] [ utest    ] started");
        if (utest_run_pass(pattern, &totals) == 0) {
            UTEST_PRINT("E", "[==========] [ utest    ] Not find (%s)", pattern ? pattern : "");
        }
        UTEST_PRINT("I", "[==========] [ utest    ] finished");
    }
    utest_print_failed(&totals);
    rt_kprintf("utest: %u passed, %u failed\n", (unsigned)totals.passed, (unsigned)totals.failed);
    utest_busy = RT_FALSE;
    return (int)totals.failed;
}

int utest_run_all(const char *pattern)
{
    return utest_run_loops(pattern, 1);
}

/* ---- msh commands ----------------------------------------------------------------------- */

static void utest_usage(void)
{
    rt_kprintf("Usage: utest_run [-thread] [-v] [testcase name | prefix* ] [loop num]\n");
    rt_kprintf("  runs all test cases when no name is given; -v prints every passed assert\n");
}

static rt_bool_t utest_parse_loops(const char *s, rt_uint32_t *loops)
{
    rt_uint32_t n = 0;

    if (s[0] == '\0') {
        return RT_FALSE;
    }
    for (; *s != '\0'; s++) {
        if (*s < '0' || *s > '9' || n > 100000) {
            return RT_FALSE;
        }
        n = n * 10 + (rt_uint32_t)(*s - '0');
    }
    *loops = n;
    return n > 0;
}

static int utest_run(int argc, char **argv)
{
    const char *pattern = RT_NULL;
    rt_uint32_t loops = 1;
    rt_uint8_t saved_lv = utest_log_lv;
    int i = 1, ret;

    for (; i < argc && argv[i][0] == '-'; i++) {
        if (rt_strcmp(argv[i], "-v") == 0) {
            utest_log_lv = UTEST_LOG_ALL;
        } else if (rt_strcmp(argv[i], "-thread") != 0) { /* test cases always get a thread */
            utest_usage();
            utest_log_lv = saved_lv;
            return -RT_EINVAL;
        }
    }
    if (i < argc) {
        pattern = argv[i++];
    }
    if ((i < argc && !utest_parse_loops(argv[i++], &loops)) || i < argc) {
        utest_usage();
        utest_log_lv = saved_lv;
        return -RT_EINVAL;
    }
    ret = utest_run_loops(pattern, loops);
    utest_log_lv = saved_lv;
    return ret;
}
/* clang-format off */
MSH_CMD_EXPORT(utest_run, utest_run [-v] [testcase name | prefix*] [loop num]);
/* clang-format on */

static int utest_list(int argc, char **argv)
{
    rt_size_t count = utest_tc_count();

    UTEST_PRINT("I", "Commands list : ");
    for (rt_size_t i = 0; i < count; i++) {
        const struct utest_tc_export *tc = &__start_UtestTcTab[i];

        UTEST_PRINT("I", "[testcase name]:%s; [run timeout]:%u", tc->name ? tc->name : "?",
                    (unsigned)tc->run_timeout);
    }
    return 0;
}
MSH_CMD_EXPORT(utest_list, output all utest testcase);
