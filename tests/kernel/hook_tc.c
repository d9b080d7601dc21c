/* Hook tests: the scheduler hook sees every switch, the idle hook runs while all sleep, object
 * and thread hooks fire. */
#include "ktest.h"

static volatile int s_switches;
static volatile int s_to_idle, s_from_idle_to_me;
static rt_thread_t s_me;
static rt_thread_t s_idle;

static void sched_hook(rt_thread_t from, rt_thread_t to)
{
    s_switches++;
    if (from == s_me && to == s_idle)
        s_to_idle++;
    if (from == s_idle && to == s_me)
        s_from_idle_to_me++;
}

static void test_hook_scheduler(void)
{
    s_me = rt_thread_self();
    s_idle = rt_thread_idle_gethandler();
    s_switches = s_to_idle = s_from_idle_to_me = 0;
    rt_scheduler_sethook(sched_hook);
    /* each sleep switches us out (to idle, nothing else is ready) and back in */
    rt_thread_delay(2);
    rt_thread_delay(2);
    rt_thread_delay(2);
    rt_scheduler_sethook(RT_NULL);
    uassert_value_greater_equal(s_switches, 6);
    uassert_value_greater_equal(s_to_idle, 3);
    uassert_value_greater_equal(s_from_idle_to_me, 3);
    s_switches = 0;
    rt_thread_delay(2);
    uassert_int_equal(s_switches, 0); /* removed */
}

static volatile int s_idle_runs, s_idle_runs2;
static volatile rt_thread_t s_idle_ctx;

static void idle_hook(void)
{
    s_idle_runs++;
    s_idle_ctx = rt_thread_self();
}

static void idle_hook2(void)
{
    s_idle_runs2++;
}

static void test_hook_idle(void)
{
    int n;

    s_idle_runs = s_idle_runs2 = 0;
    uassert_int_equal(rt_thread_idle_sethook(idle_hook), RT_EOK);
    uassert_int_equal(rt_thread_idle_sethook(idle_hook2), RT_EOK);
    rt_thread_delay(5);
    uassert_value_greater(s_idle_runs, 0);
    uassert_value_greater(s_idle_runs2, 0);
    uassert_true(s_idle_ctx == rt_thread_idle_gethandler());
    uassert_int_equal(rt_thread_idle_delhook(idle_hook), RT_EOK);
    uassert_int_equal(rt_thread_idle_delhook(idle_hook), -RT_ENOSYS); /* not installed */
    n = s_idle_runs;
    rt_thread_delay(5);
    uassert_int_equal(s_idle_runs, n);
    uassert_value_greater(s_idle_runs2, 0);
    uassert_int_equal(rt_thread_idle_delhook(idle_hook2), RT_EOK);
}

static void fill_hook(void)
{
}

static void test_hook_idle_table_full(void)
{
    /* RT_IDLE_HOOK_LIST_SIZE slots; the next one is refused with -RT_EFULL */
    static void (*const hooks[])(void) = {fill_hook, idle_hook, idle_hook2};
    int i, ok = 0;

    for (i = 0; i < RT_IDLE_HOOK_LIST_SIZE && i < (int)RT_ARRAY_SIZE(hooks); i++)
        ok += rt_thread_idle_sethook(hooks[i]) == RT_EOK;
    if (RT_IDLE_HOOK_LIST_SIZE <= (int)RT_ARRAY_SIZE(hooks)) {
        uassert_int_equal(ok, RT_IDLE_HOOK_LIST_SIZE);
        uassert_int_equal(rt_thread_idle_sethook(fill_hook), -RT_EFULL);
    } else {
        uassert_int_equal(ok, RT_ARRAY_SIZE(hooks));
    }
    for (i = 0; i < ok; i++)
        rt_thread_idle_delhook(hooks[i]);
    uassert_int_equal(rt_thread_idle_sethook(fill_hook), RT_EOK);
    uassert_int_equal(rt_thread_idle_delhook(fill_hook), RT_EOK);
}

static volatile int s_attached, s_detached, s_taken, s_put, s_trytaken;
static struct rt_object *volatile s_hook_obj;

static void attach_hook(struct rt_object *o)
{
    if (o == s_hook_obj)
        s_attached++;
}

static void detach_hook(struct rt_object *o)
{
    if (o == s_hook_obj)
        s_detached++;
}

static void take_hook(struct rt_object *o)
{
    if (o == s_hook_obj)
        s_taken++;
}

static void trytake_hook(struct rt_object *o)
{
    if (o == s_hook_obj)
        s_trytaken++;
}

static void put_hook(struct rt_object *o)
{
    if (o == s_hook_obj)
        s_put++;
}

static void test_hook_object(void)
{
    struct rt_semaphore sem;

    s_attached = s_detached = s_taken = s_put = s_trytaken = 0;
    s_hook_obj = &sem.parent.parent;
    rt_object_attach_sethook(attach_hook);
    rt_object_detach_sethook(detach_hook);
    rt_object_take_sethook(take_hook);
    rt_object_trytake_sethook(trytake_hook);
    rt_object_put_sethook(put_hook);
    rt_sem_init(&sem, "khook", 1, RT_IPC_FLAG_FIFO);
    rt_sem_take(&sem, RT_WAITING_FOREVER);
    rt_sem_release(&sem);
    rt_sem_detach(&sem);
    rt_object_attach_sethook(RT_NULL);
    rt_object_detach_sethook(RT_NULL);
    rt_object_take_sethook(RT_NULL);
    rt_object_trytake_sethook(RT_NULL);
    rt_object_put_sethook(RT_NULL);
    uassert_int_equal(s_attached, 1);
    uassert_int_equal(s_detached, 1);
    uassert_int_equal(s_trytaken, 1); /* every take attempt */
    uassert_int_equal(s_taken, 1);    /* successful takes */
    uassert_int_equal(s_put, 1);
}

static volatile int s_asserts;
static const char *volatile s_assert_ex;
static const char *volatile s_assert_func;
static volatile rt_size_t s_assert_line;

static void assert_hook(const char *ex, const char *func, rt_size_t line)
{
    s_asserts++;
    s_assert_ex = ex;
    s_assert_func = func;
    s_assert_line = line;
}

/* With an assert hook installed a failed RT_ASSERT calls it (with the expression, function
 * and line) instead of halting; a holding one does not. */
static void test_hook_assert(void)
{
    volatile int two = 2;
    int line;

    s_asserts = 0;
    rt_assert_set_hook(assert_hook);
    RT_ASSERT(two + two == 4);
    line = __LINE__ + 1;
    RT_ASSERT(two + two == 5);
    rt_assert_set_hook(RT_NULL);
#if defined(RT_DEBUG) || defined(RT_USING_DEBUG)
    uassert_int_equal(s_asserts, 1);
    uassert_str_equal(s_assert_ex, "two + two == 5");
    uassert_str_equal(s_assert_func, "test_hook_assert");
    uassert_int_equal(s_assert_line, line);
#else
    uassert_int_equal(s_asserts, 0); /* RT_ASSERT compiled out */
#endif
}

static void testcase(void)
{
    UTEST_UNIT_RUN(test_hook_scheduler);
    UTEST_UNIT_RUN(test_hook_idle);
    UTEST_UNIT_RUN(test_hook_idle_table_full);
    UTEST_UNIT_RUN(test_hook_object);
    UTEST_UNIT_RUN(test_hook_assert);
}
UTEST_TC_EXPORT(testcase, "testcases.kernel.hook_tc", RT_NULL, RT_NULL, 30);
