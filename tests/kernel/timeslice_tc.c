/* Time-slice tests: busy threads of equal priority rotate, each running for its own slice. */
#include "ktest.h"

#define KTS_THREADS 2
#define KTS_WINDOW  160 /* ticks the busy threads get */

/*
 * The scheduler hook records, in kernel ticks, when each busy thread is switched in and out:
 * the kernel's own slice accounting, whatever the host does to the simulator's threads.
 */
struct kts_state {
    rt_thread_t tid;
    volatile rt_uint32_t turns; /* times it was switched in */
    volatile rt_uint32_t span;  /* ticks it held the CPU, summed over its turns */
    volatile rt_tick_t since;   /* tick of the last switch-in */
    volatile int running;
};

static struct kts_state s_st[KTS_THREADS];
static volatile int s_stop;
static volatile rt_uint32_t s_loops[KTS_THREADS]; /* proof that each one really ran */

static void kts_hook(rt_thread_t from, rt_thread_t to)
{
    rt_tick_t now = rt_tick_get();
    int i;

    for (i = 0; i < KTS_THREADS; i++) {
        if (from == s_st[i].tid && s_st[i].running) {
            s_st[i].span += now - s_st[i].since;
            s_st[i].running = 0;
        }
        if (to == s_st[i].tid) {
            s_st[i].since = now;
            s_st[i].running = 1;
            s_st[i].turns++;
        }
    }
}

static void busy_entry(void *arg)
{
    int me = (int)(rt_ubase_t)arg;

    while (!s_stop)
        s_loops[me]++;
}

/* Two busy threads one level less urgent than us share the CPU while we sleep. */
static void run_pair(rt_uint32_t slice_a, rt_uint32_t slice_b)
{
    struct kt_worker w[KTS_THREADS];
    rt_uint32_t slice[KTS_THREADS] = {slice_a, slice_b};
    rt_uint32_t min_turns = KTS_WINDOW / (slice_a + slice_b) - 3;
    rt_uint32_t longest = slice_a > slice_b ? slice_a : slice_b;
    int i;

    rt_memset((void *)s_st, 0, sizeof(s_st));
    s_stop = 0;
    for (i = 0; i < KTS_THREADS; i++) {
        s_loops[i] = 0;
        uassert_int_equal(kt_worker_prepare(&w[i], "ktsbusy", busy_entry, (void *)(rt_ubase_t)i,
                                            kt_prio(1), slice[i]),
                          RT_EOK);
        s_st[i].tid = w[i].tid;
    }
    rt_scheduler_sethook(kts_hook);
    for (i = 0; i < KTS_THREADS; i++)
        rt_thread_startup(w[i].tid);
    rt_thread_delay(KTS_WINDOW);
    rt_scheduler_sethook(RT_NULL);
    s_stop = 1;
    for (i = 0; i < KTS_THREADS; i++)
        uassert_true(kt_worker_join(&w[i], 20));
    LOG_I("slices %u:%u -> spans %u:%u ticks, turns %u:%u", (unsigned)slice_a, (unsigned)slice_b,
          (unsigned)s_st[0].span, (unsigned)s_st[1].span, (unsigned)s_st[0].turns,
          (unsigned)s_st[1].turns);
    /* the pair had the CPU for the whole window, shared in proportion to the slices (give or
     * take the slice cut off at either end of the window) */
    uassert_in_range(s_st[0].span + s_st[1].span, KTS_WINDOW - 2, KTS_WINDOW + 1);
    for (i = 0; i < KTS_THREADS; i++) {
        rt_uint32_t fair = KTS_WINDOW * slice[i] / (slice_a + slice_b);

        uassert_value_greater_equal(s_st[i].turns, min_turns);
        uassert_in_range(s_st[i].span, fair - longest, fair + longest);
        uassert_value_greater(s_loops[i], 0);
    }
}

static void test_timeslice_equal(void)
{
    rt_uint32_t a, b;

    run_pair(4, 4);
    a = s_st[0].span;
    b = s_st[1].span;
    /* equal slices: equal shares within 25% */
    uassert_value_less_equal(4 * a, 5 * b);
    uassert_value_less_equal(4 * b, 5 * a);
}

static void test_timeslice_ratio(void)
{
    rt_uint32_t a, b;

    run_pair(2, 6);
    a = s_st[0].span;
    b = s_st[1].span;
    /* slices 2 and 6 ticks: B runs about three times as long as A */
    uassert_value_greater_equal(b, 2 * a);
    uassert_value_less_equal(b, 4 * a);
}

static void testcase(void)
{
    UTEST_UNIT_RUN(test_timeslice_equal);
    UTEST_UNIT_RUN(test_timeslice_ratio);
}
UTEST_TC_EXPORT(testcase, "testcases.kernel.timeslice_tc", RT_NULL, RT_NULL, 30);
