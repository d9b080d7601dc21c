/* Test-only msh commands for tests/shell/run.py (linked into the simulator image only). */
#include <rtthread.h>
#include <utest.h>

/* Print each argument between brackets, to check splitting and quoting. */
static int shtest_args(int argc, char **argv)
{
    rt_kprintf("argc=%d\n", argc);
    for (int i = 0; i < argc; i++) {
        rt_kprintf("argv[%d]=[%s]\n", i, argv[i]);
    }
    return argc;
}
/* clang-format off */
MSH_CMD_EXPORT(shtest_args, print the arguments [shell test]);
/* clang-format on */

/* Registered through the legacy macro with an explicit __cmd_ alias. */
static long shtest_alias_impl(void)
{
    rt_kprintf("alias command ran\n");
    return 0;
}
/* clang-format off */
FINSH_FUNCTION_EXPORT_ALIAS(shtest_alias_impl, __cmd_shtest_alias, legacy alias [shell test]);
/* clang-format on */

/* A finsh (non-msh) symbol: must not become an msh command. */
static long shtest_hidden(void)
{
    return 0;
}
FINSH_FUNCTION_EXPORT(shtest_hidden, not an msh command);

static int shtest_parse_uint(const char *s, rt_size_t *value)
{
    rt_size_t n = 0;

    if (*s == '\0') {
        return -RT_EINVAL;
    }
    for (; *s != '\0'; s++) {
        if (*s < '0' || *s > '9' || n > 1000000) {
            return -RT_EINVAL;
        }
        n = n * 10 + (rt_size_t)(*s - '0');
    }
    *value = n;
    return RT_EOK;
}

#ifdef RT_USING_HEAP
/* Allocate, touch and free 8 blocks of SIZE bytes: `free` must come back to its baseline. */
static int shtest_alloc(int argc, char **argv)
{
    void *blocks[8];
    rt_size_t size = 1024;

    if (argc > 2 || (argc == 2 && shtest_parse_uint(argv[1], &size) != RT_EOK)) {
        rt_kprintf("Usage: shtest_alloc [size]\n");
        return -RT_EINVAL;
    }
    for (int i = 0; i < 8; i++) {
        blocks[i] = rt_malloc(size);
        if (blocks[i] != RT_NULL) {
            rt_memset(blocks[i], 0x5a, size);
        }
    }
    for (int i = 7; i >= 0; i--) {
        rt_free(blocks[i]);
    }
    rt_kprintf("allocated and freed 8 x %lu bytes\n", (unsigned long)size);
    return 0;
}
/* clang-format off */
MSH_CMD_EXPORT(shtest_alloc, allocate and free memory [shell test]);
/* clang-format on */
#endif

/* Show a capture result on one line, with \n and \r made visible. */
static void shtest_capture_show(const char *label, int ret, const char *text, rt_size_t needed)
{
    rt_kprintf("%s: ret=%d needed=%lu text=[", label, ret, (unsigned long)needed);
    for (const char *p = text; *p != '\0'; p++) {
        if (*p == '\n') {
            rt_kputs("\\n");
        } else if (*p == '\r') {
            rt_kputs("\\r");
        } else {
            rt_kprintf("%c", *p);
        }
    }
    rt_kprintf("]\n");
}

static void shtest_capture_one(const char *label, const char *line, rt_size_t size)
{
    char buf[160];
    rt_size_t needed = 12345;
    int ret;

    rt_memset(buf, 'Z', sizeof(buf));
    ret = msh_exec_capture(line, size ? buf : RT_NULL, size, &needed);
    if (size == 0) {
        buf[0] = '\0';
    }
    shtest_capture_show(label, ret, buf, needed);
}

/* Runs a capture inside a capture: the inner one must be refused with -RT_EBUSY. */
static int shtest_nested(int argc, char **argv)
{
    char buf[32];

    rt_kprintf("nested ret=%d\n", msh_exec_capture("version", buf, sizeof(buf), RT_NULL));
    return 7;
}
/* clang-format off */
MSH_CMD_EXPORT(shtest_nested, capture inside a capture [shell test]);
/* clang-format on */

static int shtest_capture(int argc, char **argv)
{
    char longline[FINSH_CMD_SIZE + 21];

    rt_memset(longline, 'x', sizeof(longline) - 1);
    longline[sizeof(longline) - 1] = '\0';
    shtest_capture_one("args", "shtest_args a \"b c\" 'd e'", 160);
    shtest_capture_one("small", "shtest_args a", 8);
    shtest_capture_one("sizeonly", "shtest_args a", 0);
    shtest_capture_one("unknown", "nosuchcmd 1 2", 160);
    shtest_capture_one("toolong", longline, 160);
    shtest_capture_one("nested", "shtest_nested", 160);
    shtest_capture_one("empty", "   ", 160);
    rt_kprintf("null: ret=%d\n", msh_exec_capture(RT_NULL, RT_NULL, 0, RT_NULL));
    rt_kprintf("capture: done\n");
    return 0;
}
/* clang-format off */
MSH_CMD_EXPORT(shtest_capture, exercise msh_exec_capture [shell test]);
/* clang-format on */

/* ---- utest self-test: failing asserts report values; init failure; timeout --------------- */

static void shtest_tc_pass(void)
{
    uassert_true(1);
    uassert_int_equal(2 + 2, 4);
    uassert_str_equal("abc", "abc");
    uassert_in_range(5, 1, 10);
}

static void shtest_tc_fail(void)
{
    int three = 3;
    const char *p = RT_NULL;

    uassert_int_equal(three, 5);
    uassert_int_not_equal(three, 3);
    uassert_value_less(7, 2);
    uassert_value_greater_equal(-4, 9);
    uassert_in_range(three, 10, 20);
    uassert_not_in_range(three, 0, 9);
    uassert_str_equal("hello", "help");
    uassert_str_not_equal("same", "same");
    uassert_buf_equal("abcd", "abXd", 4);
    uassert_not_null(p);
    uassert_false(three == 3);
}

static rt_err_t shtest_init_fails(void)
{
    return -RT_ERROR;
}

static void shtest_tc_hang(void)
{
    rt_thread_mdelay(60000);
}

static void shtest_unit_a(void)
{
    uassert_int_equal(1, 2);
}

static void shtest_unit_b(void)
{
    rt_kprintf("unit b must not run\n");
}

static void shtest_tc_units(void)
{
    UTEST_UNIT_RUN(shtest_unit_a);
    UTEST_UNIT_RUN(shtest_unit_b);
}

static int shtest_utest(int argc, char **argv)
{
    static const struct utest_tc_export cases[] = {
        {"shtest.pass", 5, RT_NULL, shtest_tc_pass, RT_NULL},
        {"shtest.fail", 5, RT_NULL, shtest_tc_fail, RT_NULL},
        {"shtest.initfail", 5, shtest_init_fails, shtest_tc_pass, RT_NULL},
        {"shtest.units", 5, RT_NULL, shtest_tc_units, RT_NULL},
        {"shtest.timeout", 1, RT_NULL, shtest_tc_hang, RT_NULL},
    };

    for (rt_size_t i = 0; i < RT_ARRAY_SIZE(cases); i++) {
        rt_kprintf("result %s=%d\n", cases[i].name, utest_testcase_run_one(&cases[i]));
    }
    return 0;
}
/* clang-format off */
MSH_CMD_EXPORT(shtest_utest, utest self-test with failing cases [shell test]);
/* clang-format on */

/* ---- IPC objects with waiting threads, for the "suspend thread" column of `list` ---------- */

#if defined(RT_USING_HEAP) && defined(RT_USING_MUTEX) && defined(RT_USING_SEMAPHORE)
static rt_sem_t ipc_sem;
static rt_mutex_t ipc_mutex;

/* Holds the mutex, then blocks on the semaphore until `shtest_ipc stop`. */
static void ipc_owner_entry(void *parameter)
{
    rt_mutex_take(ipc_mutex, RT_WAITING_FOREVER);
    rt_sem_take(ipc_sem, RT_WAITING_FOREVER);
    rt_mutex_release(ipc_mutex);
}

/* Blocks on the mutex held by the owner. */
static void ipc_waiter_entry(void *parameter)
{
    if (rt_mutex_take(ipc_mutex, RT_WAITING_FOREVER) == RT_EOK) {
        rt_mutex_release(ipc_mutex);
    }
}

static int shtest_ipc_start(void)
{
    rt_thread_t owner, waiter;

    ipc_sem = rt_sem_create("tsem", 0, RT_IPC_FLAG_FIFO);
    ipc_mutex = rt_mutex_create("tmtx", RT_IPC_FLAG_PRIO);
    owner = rt_thread_create("towner", ipc_owner_entry, RT_NULL, 4096, 18, 10);
    waiter = rt_thread_create("twait", ipc_waiter_entry, RT_NULL, 4096, 19, 10);
    if (ipc_sem == RT_NULL || ipc_mutex == RT_NULL || owner == RT_NULL || waiter == RT_NULL) {
        rt_kprintf("shtest_ipc: out of memory\n");
        return -RT_ENOMEM;
    }
    rt_thread_startup(owner);
    rt_thread_startup(waiter);
    rt_thread_mdelay(20);
    return 0;
}

static int shtest_ipc_stop(void)
{
    rt_sem_release(ipc_sem);
    rt_thread_mdelay(50); /* both threads finish */
    rt_sem_delete(ipc_sem);
    rt_mutex_delete(ipc_mutex);
    ipc_sem = RT_NULL;
    ipc_mutex = RT_NULL;
    return 0;
}

static int shtest_ipc(int argc, char **argv)
{
    if (argc == 2 && rt_strcmp(argv[1], "start") == 0 && ipc_sem == RT_NULL) {
        return shtest_ipc_start();
    }
    if (argc == 2 && rt_strcmp(argv[1], "stop") == 0 && ipc_sem != RT_NULL) {
        return shtest_ipc_stop();
    }
    rt_kprintf("Usage: shtest_ipc start|stop\n");
    return -RT_EINVAL;
}
/* clang-format off */
MSH_CMD_EXPORT(shtest_ipc, create IPC objects with waiting threads [shell test]);
/* clang-format on */
#endif

/* ---- argument completion hook with a fixed set of names ---------------------------------- */

static const char *const complete_names[] = {"alpha.txt", "alpine/", "beta.py"};
static finsh_complete_hook_t complete_saved;
static rt_bool_t complete_on;

static int shtest_complete_hook(const char *word, char *out, rt_size_t out_size, rt_bool_t list)
{
    rt_size_t n = rt_strlen(word), common = 0;
    int matches = 0;

    for (rt_size_t i = 0; i < RT_ARRAY_SIZE(complete_names); i++) {
        const char *name = complete_names[i];

        if (rt_strncmp(name, word, n) != 0) {
            continue;
        }
        if (list) {
            rt_kprintf("%s\n", name);
        } else if (matches == 0) {
            rt_strncpy(out, name, out_size - 1);
            out[out_size - 1] = '\0';
            common = rt_strlen(out);
        }
        while (common > 0 && rt_strncmp(out, name, common) != 0) {
            common--;
        }
        matches++;
    }
    if (!list && matches > 0) {
        out[common] = '\0';
    }
    return matches;
}

static int shtest_complete(int argc, char **argv)
{
    if (argc == 2 && rt_strcmp(argv[1], "on") == 0 && !complete_on) {
        complete_saved = finsh_set_complete_hook(shtest_complete_hook);
        complete_on = RT_TRUE;
        return 0;
    }
    if (argc == 2 && rt_strcmp(argv[1], "off") == 0 && complete_on) {
        finsh_set_complete_hook(complete_saved);
        complete_on = RT_FALSE;
        return 0;
    }
    rt_kprintf("Usage: shtest_complete on|off\n");
    return -RT_EINVAL;
}
/* clang-format off */
MSH_CMD_EXPORT(shtest_complete, install a test argument-completion hook [shell test]);
/* clang-format on */

/* Echo of typed characters on or off (finsh_set_echo). */
static int shtest_echo(int argc, char **argv)
{
    if (argc == 2 && (rt_strcmp(argv[1], "on") == 0 || rt_strcmp(argv[1], "off") == 0)) {
        finsh_set_echo(argv[1][1] == 'n');
        return 0;
    }
    rt_kprintf("Usage: shtest_echo on|off (now %s)\n", finsh_get_echo() ? "on" : "off");
    return -RT_EINVAL;
}
/* clang-format off */
MSH_CMD_EXPORT(shtest_echo, switch the shell echo [shell test]);
/* clang-format on */

/* ---- startup hook: with RTL_SHELL_TEST_STARTUP set, report from tshell before the prompt -- */

#include <stdlib.h> /* getenv: this file is built into the simulator only */

static finsh_startup_hook_t startup_next;

static void shtest_startup_hook(void)
{
    rt_thread_t self = rt_thread_self();

    rt_kprintf("startup hook ran in %s\n", self ? self->parent.name : "?");
    if (startup_next != RT_NULL) {
        startup_next();
    }
}

/* ENV level: after components (which may install their own hook, chained here). */
static int shtest_startup_init(void)
{
    if (getenv("RTL_SHELL_TEST_STARTUP") != RT_NULL) {
        startup_next = finsh_set_startup_hook(shtest_startup_hook);
    }
    return 0;
}
INIT_ENV_EXPORT(shtest_startup_init);

/* ---- many objects: `list` prints them in batches -------------------------------------------- */

#if defined(RT_USING_HEAP) && defined(RT_USING_SEMAPHORE)
#define SHTEST_SEMS 20
static rt_sem_t many_sems[SHTEST_SEMS];

static int shtest_sems(int argc, char **argv)
{
    char name[RT_NAME_MAX];
    int create = argc == 2 && rt_strcmp(argv[1], "create") == 0;

    if (argc != 2 || (!create && rt_strcmp(argv[1], "delete") != 0)) {
        rt_kprintf("Usage: shtest_sems create|delete\n");
        return -RT_EINVAL;
    }
    for (int i = 0; i < SHTEST_SEMS; i++) {
        if (create && many_sems[i] == RT_NULL) {
            rt_snprintf(name, sizeof(name), "ms%02d", i);
            many_sems[i] = rt_sem_create(name, (rt_uint32_t)i, RT_IPC_FLAG_FIFO);
        } else if (!create && many_sems[i] != RT_NULL) {
            rt_sem_delete(many_sems[i]);
            many_sems[i] = RT_NULL;
        }
    }
    return 0;
}
/* clang-format off */
MSH_CMD_EXPORT(shtest_sems, create or delete 20 semaphores [shell test]);
/* clang-format on */
#endif
