/* Thread tests: static and dynamic life cycle, delays, suspend / resume, priorities, cleanup. */
#include "ktest.h"

static struct rt_thread s_thread;
static rt_uint8_t s_stack[KT_STACK_SIZE] rt_align(16);
static volatile int s_count;
static volatile int s_cleaned;
static volatile rt_thread_t s_self_seen;

static void counting_entry(void *arg)
{
    s_self_seen = rt_thread_self();
    s_count += (int)(rt_ubase_t)arg;
}

static void thread_cleanup(struct rt_thread *tid)
{
    s_cleaned++;
}

static void test_thread_main_exists(void)
{
    rt_thread_t self = rt_thread_self();
    rt_thread_t idle = rt_thread_idle_gethandler();

    uassert_not_null(self);
    uassert_int_equal(self->stat & RT_THREAD_STAT_MASK, RT_THREAD_RUNNING);
    uassert_true(rt_thread_find(self->parent.name) == self);
    uassert_not_null(idle);
    uassert_int_equal(idle->current_priority, RT_THREAD_PRIORITY_MAX - 1);
    /* rt_application_init created "main"; it may have returned already (then it is gone) */
    if (rt_thread_find("main") != RT_NULL)
        uassert_int_equal(rt_thread_find("main")->init_priority, RT_MAIN_THREAD_PRIORITY);
    uassert_null(rt_thread_find("nosuchth"));
}

static void test_thread_static_lifecycle(void)
{
    rt_err_t err;

    s_count = 0;
    s_cleaned = 0;
    s_self_seen = RT_NULL;
    err = rt_thread_init(&s_thread, "kthst", counting_entry, (void *)7, s_stack, sizeof(s_stack),
                         kt_prio(-1), 10);
    uassert_int_equal(err, RT_EOK);
    s_thread.cleanup = thread_cleanup;
    uassert_int_equal(s_thread.stat & RT_THREAD_STAT_MASK, RT_THREAD_INIT);
    uassert_int_equal(s_thread.current_priority, kt_prio(-1));
    uassert_int_equal(s_thread.init_tick, 10);
    uassert_true(s_thread.stack_addr == s_stack);
    uassert_int_equal(s_thread.stack_size, sizeof(s_stack));
    uassert_true(rt_object_is_systemobject(&s_thread.parent));
    uassert_true(rt_thread_find("kthst") == &s_thread);
    uassert_int_equal(s_count, 0); /* not started yet */
    uassert_int_equal(rt_thread_startup(&s_thread), RT_EOK);
    /* more urgent than us: it has run to completion already */
    uassert_int_equal(s_count, 7);
    uassert_true(s_self_seen == &s_thread);
    uassert_int_equal(s_thread.stat & RT_THREAD_STAT_MASK, RT_THREAD_CLOSE);
    rt_thread_delay(2); /* the idle thread retires it and runs the cleanup callback */
    uassert_int_equal(s_cleaned, 1);
    uassert_null(rt_thread_find("kthst"));
}

static void test_thread_dynamic_lifecycle(void)
{
    rt_thread_t t;

    s_count = 0;
    s_cleaned = 0;
    t = rt_thread_create("kthdy", counting_entry, (void *)3, KT_STACK_SIZE, kt_prio(-1), 10);
    uassert_not_null(t);
    if (t == RT_NULL)
        return;
    uassert_false(rt_object_is_systemobject(&t->parent));
    uassert_int_equal(rt_object_get_type(&t->parent), RT_Object_Class_Thread);
    t->cleanup = thread_cleanup;
    uassert_int_equal(rt_thread_startup(t), RT_EOK);
    uassert_int_equal(s_count, 3);
    rt_thread_delay(2); /* the idle thread frees it and runs the cleanup callback */
    uassert_int_equal(s_cleaned, 1);
    uassert_null(rt_thread_find("kthdy"));
}

static void blocked_entry(void *arg)
{
    s_count++;
    rt_thread_delay(100000); /* deleted / detached long before this ends */
    s_count++;
}

static void test_thread_delete_detach_blocked(void)
{
    rt_thread_t t;

    /* a dynamic thread deleted while it sleeps never resumes; cleanup runs */
    s_count = 0;
    s_cleaned = 0;
    t = rt_thread_create("kthdel", blocked_entry, RT_NULL, KT_STACK_SIZE, kt_prio(-1), 10);
    uassert_not_null(t);
    if (t == RT_NULL)
        return;
    t->cleanup = thread_cleanup;
    rt_thread_startup(t);
    uassert_int_equal(s_count, 1);
    uassert_int_equal(rt_thread_delete(t), RT_EOK);
    rt_thread_delay(3);
    uassert_int_equal(s_count, 1);
    uassert_int_equal(s_cleaned, 1);
    uassert_null(rt_thread_find("kthdel"));

    /* same with a static thread and detach */
    s_count = 0;
    s_cleaned = 0;
    uassert_int_equal(rt_thread_init(&s_thread, "kthdet", blocked_entry, RT_NULL, s_stack,
                                     sizeof(s_stack), kt_prio(-1), 10),
                      RT_EOK);
    s_thread.cleanup = thread_cleanup;
    rt_thread_startup(&s_thread);
    uassert_int_equal(s_count, 1);
    uassert_int_equal(rt_thread_detach(&s_thread), RT_EOK);
    rt_thread_delay(3);
    uassert_int_equal(s_count, 1);
    uassert_int_equal(s_cleaned, 1);
    uassert_null(rt_thread_find("kthdet"));
}

/* --- suspend / resume --- */
static volatile int s_spin_stop;

static void spinner_entry(void *arg)
{
    while (!s_spin_stop)
        s_count++;
}

static void test_thread_suspend_resume(void)
{
    struct kt_worker w;
    int frozen;

    s_count = 0;
    s_spin_stop = 0;
    /* less urgent than us: it spins only while we sleep, and is READY whenever we run */
    uassert_int_equal(kt_worker_start(&w, "kthsp", spinner_entry, RT_NULL, kt_prio(1), 10), RT_EOK);
    rt_thread_delay(3);
    uassert_true(s_count > 0);
    uassert_int_equal(rt_thread_suspend(w.tid), RT_EOK);
    uassert_true((w.tid->stat & RT_THREAD_SUSPEND_MASK) != 0);
    frozen = s_count;
    rt_thread_delay(5);
    uassert_int_equal(s_count, frozen);
    uassert_int_equal(rt_thread_resume(w.tid), RT_EOK);
    uassert_int_equal(w.tid->stat & RT_THREAD_STAT_MASK, RT_THREAD_READY);
    uassert_int_equal(rt_thread_resume(w.tid), -RT_ERROR); /* not suspended */
    rt_thread_delay(3);
    uassert_true(s_count > frozen);
    s_spin_stop = 1;
    uassert_true(kt_worker_join(&w, 20));
}

/* A thread may suspend itself (then call rt_schedule); another thread resumes it. A thread
 * that is already blocked cannot be suspended (RT-Thread: only READY/RUNNING ones). */
static void self_suspender(void *arg)
{
    s_count = 1;
    rt_thread_suspend(rt_thread_self());
    rt_schedule();
    s_count = 2;
}

static void test_thread_self_suspend(void)
{
    struct kt_worker w;

    s_count = 0;
    uassert_int_equal(kt_worker_start(&w, "kthss", self_suspender, RT_NULL, kt_prio(-1), 10),
                      RT_EOK);
    uassert_int_equal(s_count, 1);
    rt_thread_delay(3);
    uassert_int_equal(s_count, 1); /* stays suspended: no timeout */
    uassert_int_equal(rt_thread_resume(w.tid), RT_EOK);
    uassert_int_equal(s_count, 2); /* more urgent: ran on at once */
    uassert_true(kt_worker_join(&w, 20));

    s_count = 0;
    uassert_int_equal(kt_worker_start(&w, "kthsb", blocked_entry, RT_NULL, kt_prio(-1), 10),
                      RT_EOK);
    uassert_int_equal(s_count, 1); /* sleeping in rt_thread_delay */
    uassert_int_equal(rt_thread_suspend(w.tid), -RT_ERROR);
    uassert_true(kt_worker_join(&w, 0) == RT_FALSE); /* still sleeping: deleted */
}

/* --- priorities --- */
static void test_thread_change_priority(void)
{
    rt_thread_t self = rt_thread_self();
    rt_uint8_t orig = self->current_priority;
    rt_uint8_t p = kt_prio(2);
    rt_thread_t t;

    uassert_int_equal(rt_thread_control(self, RT_THREAD_CTRL_CHANGE_PRIORITY, &p), RT_EOK);
    uassert_int_equal(self->current_priority, p);
    uassert_int_equal(self->init_priority, p);
    uassert_int_equal(rt_thread_control(self, RT_THREAD_CTRL_CHANGE_PRIORITY, &orig), RT_EOK);
    uassert_int_equal(self->current_priority, orig);

    /* raising a ready, less urgent thread above us lets it run at once */
    s_count = 0;
    t = rt_thread_create("kthpr", counting_entry, (void *)1, KT_STACK_SIZE, kt_prio(1), 10);
    uassert_not_null(t);
    if (t == RT_NULL)
        return;
    rt_thread_startup(t);
    uassert_int_equal(s_count, 0); /* ready but less urgent */
    p = kt_prio(-1);
    uassert_int_equal(rt_thread_control(t, RT_THREAD_CTRL_CHANGE_PRIORITY, &p), RT_EOK);
    uassert_int_equal(s_count, 1);
    rt_thread_delay(2);
}

static void test_thread_control_startup_close(void)
{
    s_count = 0;
    uassert_int_equal(rt_thread_init(&s_thread, "kthct", blocked_entry, RT_NULL, s_stack,
                                     sizeof(s_stack), kt_prio(-1), 10),
                      RT_EOK);
    uassert_int_equal(rt_thread_control(&s_thread, RT_THREAD_CTRL_STARTUP, RT_NULL), RT_EOK);
    uassert_int_equal(s_count, 1);
    uassert_int_equal(rt_thread_control(&s_thread, RT_THREAD_CTRL_CLOSE, RT_NULL), RT_EOK);
    rt_thread_delay(2);
    uassert_null(rt_thread_find("kthct"));
    uassert_int_equal(s_count, 1);
}

/* --- yield: equal priority threads take turns --- */
#define KYIELD_ROUNDS 5
static volatile int s_trace[2 * KYIELD_ROUNDS];
static volatile int s_trace_n;

static void yielder(void *arg)
{
    int i;

    for (i = 0; i < KYIELD_ROUNDS; i++) {
        if (s_trace_n < 2 * KYIELD_ROUNDS)
            s_trace[s_trace_n++] = (int)(rt_ubase_t)arg;
        rt_thread_yield();
    }
}

static void test_thread_yield(void)
{
    struct kt_worker a, b;
    int i, alternating = 1;

    s_trace_n = 0;
    /* both less urgent than us and long slices: only yield makes them alternate */
    rt_enter_critical();
    kt_worker_start(&a, "kthya", yielder, (void *)0, kt_prio(1), 1000);
    kt_worker_start(&b, "kthyb", yielder, (void *)1, kt_prio(1), 1000);
    rt_exit_critical();
    uassert_true(kt_worker_join(&a, 50));
    uassert_true(kt_worker_join(&b, 50));
    uassert_int_equal(s_trace_n, 2 * KYIELD_ROUNDS);
    for (i = 1; i < s_trace_n; i++)
        alternating &= s_trace[i] != s_trace[i - 1];
    uassert_true(alternating);
    /* yield with nobody else at our priority returns at once */
    uassert_int_equal(rt_thread_yield(), RT_EOK);
}

static void test_thread_delay_variants(void)
{
    rt_tick_t t0, tick;
    int i;

    t0 = rt_tick_get();
    uassert_int_equal(rt_thread_mdelay(10), RT_EOK);
    uassert_in_range(kt_elapsed(t0), rt_tick_from_millisecond(10),
                     rt_tick_from_millisecond(10) + 1);
    t0 = rt_tick_get();
    uassert_int_equal(rt_thread_sleep(3), RT_EOK);
    uassert_in_range(kt_elapsed(t0), 3, 4);
    /* delay_until keeps a fixed period whatever the work done in between */
    tick = rt_tick_get();
    t0 = tick;
    for (i = 1; i <= 4; i++) {
        kt_spin_ticks(1);
        uassert_int_equal(rt_thread_delay_until(&tick, 4), RT_EOK);
        uassert_int_equal(tick, t0 + 4 * i);
        uassert_in_range(kt_elapsed(t0), 4 * i, 4 * i + 1);
    }
    /* already late: returns at once and restarts the period from now */
    tick = rt_tick_get() - 10;
    t0 = rt_tick_get();
    uassert_int_equal(rt_thread_delay_until(&tick, 4), RT_EOK);
    uassert_in_range(kt_elapsed(t0), 0, 1);
    uassert_in_range(tick - t0, 0, 1);
    /* a delay of 0 ticks just yields */
    t0 = rt_tick_get();
    uassert_int_equal(rt_thread_delay(0), RT_EOK);
    uassert_in_range(kt_elapsed(t0), 0, 1);
}

static void testcase(void)
{
    UTEST_UNIT_RUN(test_thread_main_exists);
    UTEST_UNIT_RUN(test_thread_static_lifecycle);
    UTEST_UNIT_RUN(test_thread_dynamic_lifecycle);
    UTEST_UNIT_RUN(test_thread_delete_detach_blocked);
    UTEST_UNIT_RUN(test_thread_suspend_resume);
    UTEST_UNIT_RUN(test_thread_self_suspend);
    UTEST_UNIT_RUN(test_thread_change_priority);
    UTEST_UNIT_RUN(test_thread_control_startup_close);
    UTEST_UNIT_RUN(test_thread_yield);
    UTEST_UNIT_RUN(test_thread_delay_variants);
}
UTEST_TC_EXPORT(testcase, "testcases.kernel.thread_tc", RT_NULL, RT_NULL, 30);
