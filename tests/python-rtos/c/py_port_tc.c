/* The `python` command seen from C: exit statuses, the stack check, and that a session gives
 * every byte of the kernel heap back. Runs on both boards (utest testcases.python.port). */
#include <rtthread.h>
#include <finsh.h>
#include <utest.h>

#define PY_TC_STACK 12288 /* enough for the interpreter (PY_PORT_STACK_MIN is 6 KB) */

struct py_run {
    const char *cmd;
    int result;
    struct rt_semaphore done;
};

static void py_run_entry(void *param)
{
    struct py_run *run = param;
    char line[96];

    rt_strncpy(line, run->cmd, sizeof(line) - 1);
    line[sizeof(line) - 1] = '\0';
    run->result = msh_exec(line, rt_strlen(line));
    rt_sem_release(&run->done);
}

/* Runs one msh command line in a new thread with `stack` bytes; returns its result. */
static int run_in_thread(const char *cmd, rt_uint32_t stack)
{
    struct py_run run = {cmd, -9999};
    rt_thread_t t;

    rt_sem_init(&run.done, "pytc", 0, RT_IPC_FLAG_FIFO);
    t = rt_thread_create("pytc", py_run_entry, &run, stack, RT_THREAD_PRIORITY_MAX - 4, 20);
    if (t == RT_NULL) {
        rt_sem_detach(&run.done);
        return -10000;
    }
    rt_thread_startup(t);
    rt_sem_take(&run.done, rt_tick_from_millisecond(20000));
    rt_sem_detach(&run.done);
    rt_thread_mdelay(20); /* let the idle thread free the ended thread */
    return run.result;
}

static rt_size_t heap_used(void)
{
    rt_size_t total, used, max;

    rt_memory_info(&total, &used, &max);
    return used;
}

static void test_exit_status(void)
{
    uassert_int_equal(run_in_thread("python -X heapsize=16k -c \"x = 1\"", PY_TC_STACK), 0);
    uassert_int_equal(
        run_in_thread("python -X heapsize=16k -c \"import sys; sys.exit(3)\"", PY_TC_STACK), 3);
    uassert_int_equal(run_in_thread("python -X heapsize=16k -c \"raise ValueError\"", PY_TC_STACK),
                      1);
    uassert_int_equal(run_in_thread("python -X heapsize=16k -c \"(\"", PY_TC_STACK),
                      1); /* SyntaxError */
    uassert_int_equal(run_in_thread("python -X heapsize=zz -c 1", PY_TC_STACK), 1);
}

static void test_small_stack_refused(void)
{
    /* Refused with a message instead of overflowing a 2 KB stack. */
    uassert_int_equal(run_in_thread("python -X heapsize=16k -c \"x = 1\"", 2048), 1);
}

static void test_heap_given_back(void)
{
    rt_size_t before;

    run_in_thread("python -X heapsize=16k -c \"x = 1\"",
                  PY_TC_STACK); /* settle one-time allocations */
    before = heap_used();
    uassert_int_equal(run_in_thread("python -X heapsize=16k -c \"import rtthread as r; "
                                    "s = r.Semaphore(); l = [0]*99\"",
                                    PY_TC_STACK),
                      0);
    uassert_int_equal(heap_used(), before);
}

static void testcase(void)
{
    UTEST_UNIT_RUN(test_exit_status);
    UTEST_UNIT_RUN(test_small_stack_refused);
    UTEST_UNIT_RUN(test_heap_given_back);
}
UTEST_TC_EXPORT(testcase, "testcases.python.port", RT_NULL, RT_NULL, 60);
