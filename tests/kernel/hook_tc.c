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

/* Thread, heap, memory-pool and timer hooks see the operations on our own objects. */
static rt_thread_t volatile s_watch_thread;
static volatile int s_inited, s_suspended, s_resumed;
static void *volatile s_watch_ptr;
static volatile rt_size_t s_malloc_size;
static volatile int s_mallocs, s_frees, s_mp_allocs, s_mp_frees, s_tm_enter, s_tm_exit;
static struct rt_timer *volatile s_watch_timer;
static volatile int s_tm_order_ok;

static void inited_hook(rt_thread_t t)
{
    if (rt_strcmp(t->parent.name, "khookt") == 0)
        s_inited++;
}

static void suspend_hook(rt_thread_t t)
{
    s_suspended += t == s_watch_thread;
}

static void resume_hook(rt_thread_t t)
{
    s_resumed += t == s_watch_thread;
}

static void malloc_hook(void *ptr, rt_size_t size)
{
    if (size == 1234) {
        s_mallocs++;
        s_watch_ptr = ptr;
        s_malloc_size = size;
    }
}

static void free_hook(void *ptr)
{
    s_frees += ptr != RT_NULL && ptr == s_watch_ptr;
}

static void mp_alloc_hook(struct rt_mempool *mp, void *block)
{
    s_mp_allocs += rt_strcmp(mp->parent.name, "khookp") == 0;
}

static void mp_free_hook(struct rt_mempool *mp, void *block)
{
    s_mp_frees += rt_strcmp(mp->parent.name, "khookp") == 0;
}

static void timer_enter_hook(struct rt_timer *t)
{
    s_tm_enter += t == s_watch_timer;
}

static void timer_exit_hook(struct rt_timer *t)
{
    s_tm_exit += t == s_watch_timer;
}

static void hooked_timer_cb(void *p)
{
    s_tm_order_ok = s_tm_enter == 1 && s_tm_exit == 0;
}

static void sleeper_entry(void *arg)
{
    rt_thread_delay(2);
}

static void test_hook_thread(void)
{
    struct kt_worker w;

    s_inited = s_suspended = s_resumed = 0;
    rt_thread_inited_sethook(inited_hook);
    rt_thread_suspend_sethook(suspend_hook);
    rt_thread_resume_sethook(resume_hook);
    kt_worker_prepare(&w, "khookt", sleeper_entry, RT_NULL, kt_prio(-1), 10);
    s_watch_thread = w.tid;
    rt_thread_startup(w.tid); /* sleeps: suspended, then resumed by its timer */
    uassert_true(kt_worker_join(&w, 20));
    rt_thread_inited_sethook(RT_NULL);
    rt_thread_suspend_sethook(RT_NULL);
    rt_thread_resume_sethook(RT_NULL);
    uassert_int_equal(s_inited, 1);
    uassert_value_greater_equal(s_suspended, 1);
    uassert_value_greater_equal(s_resumed, 1);
}

static void test_hook_heap_and_pool(void)
{
    void *p;
    rt_mp_t mp;

    s_mallocs = s_frees = s_mp_allocs = s_mp_frees = 0;
    rt_malloc_sethook(malloc_hook);
    rt_free_sethook(free_hook);
    p = rt_malloc(1234);
    rt_free(p);
    rt_malloc_sethook(RT_NULL);
    rt_free_sethook(RT_NULL);
    uassert_int_equal(s_mallocs, 1);
    uassert_true(s_watch_ptr == p);
    uassert_int_equal(s_frees, 1);

    mp = rt_mp_create("khookp", 2, 16);
    uassert_not_null(mp);
    if (mp == RT_NULL)
        return;
    rt_mp_alloc_sethook(mp_alloc_hook);
    rt_mp_free_sethook(mp_free_hook);
    rt_mp_free(rt_mp_alloc(mp, 0));
    rt_mp_alloc_sethook(RT_NULL);
    rt_mp_free_sethook(RT_NULL);
    rt_mp_delete(mp);
    uassert_int_equal(s_mp_allocs, 1);
    uassert_int_equal(s_mp_frees, 1);
}

static void test_hook_timer(void)
{
    struct rt_timer tm;

    s_tm_enter = s_tm_exit = s_tm_order_ok = 0;
    rt_timer_init(&tm, "khooktm", hooked_timer_cb, RT_NULL, 2, RT_TIMER_FLAG_ONE_SHOT);
    s_watch_timer = &tm;
    rt_timer_enter_sethook(timer_enter_hook);
    rt_timer_exit_sethook(timer_exit_hook);
    rt_timer_start(&tm);
    rt_thread_delay(5);
    rt_timer_enter_sethook(RT_NULL);
    rt_timer_exit_sethook(RT_NULL);
    rt_timer_detach(&tm);
    uassert_int_equal(s_tm_enter, 1);
    uassert_int_equal(s_tm_exit, 1);
    uassert_int_equal(s_tm_order_ok, 1); /* the callback ran between enter and exit */
}

static void testcase(void)
{
    UTEST_UNIT_RUN(test_hook_scheduler);
    UTEST_UNIT_RUN(test_hook_idle);
    UTEST_UNIT_RUN(test_hook_idle_table_full);
    UTEST_UNIT_RUN(test_hook_object);
    UTEST_UNIT_RUN(test_hook_assert);
    UTEST_UNIT_RUN(test_hook_thread);
    UTEST_UNIT_RUN(test_hook_heap_and_pool);
    UTEST_UNIT_RUN(test_hook_timer);
}
UTEST_TC_EXPORT(testcase, "testcases.kernel.hook_tc", RT_NULL, RT_NULL, 30);
