/* Scheduler tests: critical sections block preemption; a thread woken by an interrupt
 * preempts a busy, less urgent one at once. */
#include "ktest.h"

static volatile int s_ran;
static volatile rt_tick_t s_ran_at;

static void mark_entry(void *arg)
{
    s_ran_at = rt_tick_get();
    s_ran = 1;
}

static void test_sched_critical_nesting(void)
{
    struct kt_worker w;
    rt_uint16_t base = rt_critical_level();

    uassert_int_equal(base, 0);
    s_ran = 0;
    rt_enter_critical();
    rt_enter_critical();
    uassert_int_equal(rt_critical_level(), 2);
    /* a more urgent thread is made ready but must not run while the scheduler is locked,
     * even across tick interrupts */
    kt_worker_start(&w, "kschc", mark_entry, RT_NULL, kt_prio(-1), 10);
    kt_spin_ticks(3);
    uassert_int_equal(s_ran, 0);
    rt_exit_critical();
    uassert_int_equal(rt_critical_level(), 1);
    kt_spin_ticks(2);
    uassert_int_equal(s_ran, 0);
    rt_exit_critical();
    /* unlocked: the pending switch happened inside rt_exit_critical */
    uassert_int_equal(rt_critical_level(), 0);
    uassert_int_equal(s_ran, 1);
    uassert_true(kt_worker_join(&w, 20));
}

static void test_sched_lower_waits(void)
{
    struct kt_worker w;

    /* a less urgent thread does not run while we are busy, only once we block */
    s_ran = 0;
    kt_worker_start(&w, "kschl", mark_entry, RT_NULL, kt_prio(1), 10);
    kt_spin_ticks(3);
    uassert_int_equal(s_ran, 0);
    uassert_true(kt_worker_join(&w, 20));
    uassert_int_equal(s_ran, 1);
}

/* H waits on a semaphore released by a hard timer (tick interrupt) while we spin. */
static struct rt_semaphore s_sem;
static volatile int s_h_done;
static volatile rt_tick_t s_h_woke;
static volatile rt_tick_t s_fired_at;

static void release_cb(void *p)
{
    s_fired_at = rt_tick_get();
    rt_sem_release(&s_sem);
}

static void high_entry(void *arg)
{
    if (rt_sem_take(&s_sem, 100) == RT_EOK) {
        s_h_woke = rt_tick_get();
        s_h_done = 1;
    }
}

static void test_sched_isr_wakes_preempts(void)
{
    struct kt_worker w;
    struct rt_timer tm;
    rt_tick_t t0, seen_at = 0;

    s_h_done = 0;
    rt_sem_init(&s_sem, "ksch", 0, RT_IPC_FLAG_PRIO);
    rt_timer_init(&tm, "ksch", release_cb, RT_NULL, 5, RT_TIMER_FLAG_ONE_SHOT);
    kt_worker_start(&w, "kschh", high_entry, RT_NULL, kt_prio(-1), 10); /* blocks at once */
    t0 = rt_tick_get();
    rt_timer_start(&tm);
    /* busy: we never block, so H can only run by preempting us */
    while (kt_elapsed(t0) < 20) {
        if (s_h_done && seen_at == 0)
            seen_at = rt_tick_get();
    }
    uassert_int_equal(s_h_done, 1);
    uassert_in_range(s_fired_at - t0, 5, 6);
    uassert_in_range(s_h_woke - s_fired_at, 0, 1); /* right after the interrupt */
    uassert_true(seen_at != 0);                    /* H ran while we were still busy */
    uassert_true(kt_worker_join(&w, 20));
    rt_timer_detach(&tm);
    rt_sem_detach(&s_sem);
}

static void testcase(void)
{
    UTEST_UNIT_RUN(test_sched_critical_nesting);
    UTEST_UNIT_RUN(test_sched_lower_waits);
    UTEST_UNIT_RUN(test_sched_isr_wakes_preempts);
}
UTEST_TC_EXPORT(testcase, "testcases.kernel.scheduler_tc", RT_NULL, RT_NULL, 30);
