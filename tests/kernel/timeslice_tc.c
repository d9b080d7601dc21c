/* Time-slice tests: busy threads of equal priority rotate, each running for its own slice. */
#include "ktest.h"

#define KTS_THREADS 2
#define KTS_WINDOW  160 /* ticks the busy threads get */

/*
 * Each busy thread notices when it takes over from the other one. The ticks between two
 * take-overs are the previous runner's span: a late switch-in (host load on the simulator)
 * shortens one span and lengthens the next by the same amount, so the sums stay fair.
 */
struct kts_state {
    volatile rt_uint32_t turns; /* times it took over from the other busy thread */
    volatile rt_uint32_t span;  /* ticks it ran, summed over its completed turns */
};

static struct kts_state s_st[KTS_THREADS];
static volatile int s_last_runner;
static volatile rt_tick_t s_turn_at;
static volatile int s_stop;

static void busy_entry(void *arg)
{
    int me = (int)(rt_ubase_t)arg;

    while (!s_stop) {
        if (s_last_runner != me) {
            rt_tick_t now = rt_tick_get();
            int prev = s_last_runner;

            if (prev >= 0)
                s_st[prev].span += now - s_turn_at;
            s_turn_at = now;
            s_last_runner = me;
            s_st[me].turns++;
        }
    }
}

/* Two busy threads one level less urgent than us share the CPU while we sleep. */
static void run_pair(rt_uint32_t slice_a, rt_uint32_t slice_b)
{
    struct kt_worker w[KTS_THREADS];
    rt_uint32_t slice[KTS_THREADS] = {slice_a, slice_b};
    rt_uint32_t min_turns = KTS_WINDOW / (slice_a + slice_b) - 3;
    int i;

    rt_memset(s_st, 0, sizeof(s_st));
    s_last_runner = -1;
    s_stop = 0;
    for (i = 0; i < KTS_THREADS; i++)
        uassert_int_equal(kt_worker_start(&w[i], "ktsbusy", busy_entry, (void *)(rt_ubase_t)i,
                                          kt_prio(1), slice[i]),
                          RT_EOK);
    rt_thread_delay(KTS_WINDOW);
    s_stop = 1;
    for (i = 0; i < KTS_THREADS; i++)
        uassert_true(kt_worker_join(&w[i], 20));
    LOG_I("slices %u:%u -> spans %u:%u ticks, turns %u:%u", (unsigned)slice_a, (unsigned)slice_b,
          (unsigned)s_st[0].span, (unsigned)s_st[1].span, (unsigned)s_st[0].turns,
          (unsigned)s_st[1].turns);
    for (i = 0; i < KTS_THREADS; i++) {
        uassert_value_greater_equal(s_st[i].turns, min_turns);
        uassert_value_greater(s_st[i].span, 0);
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
