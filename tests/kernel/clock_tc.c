/* Clock tests: tick counting, millisecond conversion with rounding, delay accuracy. */
#include "ktest.h"

/* ceil(ms * RT_TICK_PER_SECOND / 1000), the documented rounding of rt_tick_from_millisecond */
static rt_tick_t ms_to_ticks(rt_int32_t ms)
{
    return (rt_tick_t)(((rt_uint64_t)ms * RT_TICK_PER_SECOND + 999) / 1000);
}

static void test_clock_tick_advances(void)
{
    rt_tick_t t0 = rt_tick_get();
    rt_tick_t t1;

    rt_thread_delay(3);
    t1 = rt_tick_get();
    uassert_in_range(t1 - t0, 3, 4);
    /* the tick also advances while we do not sleep */
    uassert_value_greater_equal(kt_spin_ticks(2), 2);
}

static void test_clock_from_millisecond(void)
{
    static const rt_int32_t ms[] = {0,   1,   2,    9,    10,   11,    99,     100,
                                    101, 999, 1000, 1001, 1500, 12345, 3600000};
    rt_size_t i;

    for (i = 0; i < RT_ARRAY_SIZE(ms); i++)
        uassert_int_equal(rt_tick_from_millisecond(ms[i]), ms_to_ticks(ms[i]));
    /* a whole second is exactly RT_TICK_PER_SECOND; any nonzero time is at least one tick */
    uassert_int_equal(rt_tick_from_millisecond(1000), RT_TICK_PER_SECOND);
    uassert_int_equal(rt_tick_from_millisecond(1), (RT_TICK_PER_SECOND + 999) / 1000);
    uassert_value_greater_equal(rt_tick_from_millisecond(1), 1);
    /* negative means "forever" */
    uassert_int_equal(rt_tick_from_millisecond(-1), (rt_tick_t)RT_WAITING_FOREVER);
    uassert_int_equal(rt_tick_from_millisecond(-500), (rt_tick_t)RT_WAITING_FOREVER);
}

static void test_clock_millisecond(void)
{
    rt_tick_t t = rt_tick_get();
    rt_tick_t ms = rt_tick_get_millisecond();
    rt_tick_t t2 = rt_tick_get();

    uassert_in_range(ms, (rt_uint64_t)t * 1000 / RT_TICK_PER_SECOND,
                     (rt_uint64_t)t2 * 1000 / RT_TICK_PER_SECOND);
}

static void test_clock_delay_accuracy(void)
{
    static const rt_tick_t n[] = {1, 2, 3, 5, 8, 13};
    rt_size_t i;
    int rep;

    for (rep = 0; rep < 2; rep++) {
        for (i = 0; i < RT_ARRAY_SIZE(n); i++) {
            rt_tick_t t0 = rt_tick_get();

            uassert_int_equal(rt_thread_delay(n[i]), RT_EOK);
            uassert_in_range(kt_elapsed(t0), n[i], n[i] + 1);
        }
    }
}

static void test_clock_mdelay_accuracy(void)
{
    static const rt_int32_t ms[] = {1, 5, 12};
    rt_size_t i;

    for (i = 0; i < RT_ARRAY_SIZE(ms); i++) {
        rt_tick_t t0 = rt_tick_get();

        uassert_int_equal(rt_thread_mdelay(ms[i]), RT_EOK);
        uassert_in_range(kt_elapsed(t0), ms_to_ticks(ms[i]), ms_to_ticks(ms[i]) + 1);
    }
}

/*
 * Tick wrap-around: delays and timers that span the wrap of the 32-bit tick counter behave
 * exactly as elsewhere. The tick is moved close to the wrap for the test and put back to where
 * it would have been afterwards, so that every other timeout in the system stays consistent.
 */
static volatile int s_wrap_fires, s_wrap_periodic;
static volatile rt_tick_t s_wrap_at, s_wrap_last_gap, s_wrap_prev;

static void wrap_oneshot(void *p)
{
    s_wrap_fires++;
    s_wrap_at = rt_tick_get();
}

static void wrap_periodic(void *p)
{
    rt_tick_t now = rt_tick_get();

    if (s_wrap_periodic > 0 && now - s_wrap_prev != 4)
        s_wrap_last_gap = now - s_wrap_prev; /* remember a wrong period */
    s_wrap_prev = now;
    s_wrap_periodic++;
}

static void test_clock_wraparound(void)
{
    struct rt_timer once, every;
    rt_tick_t old = rt_tick_get();
    rt_tick_t base = RT_TICK_MAX - 6;
    rt_tick_t t0, t1;

    s_wrap_fires = s_wrap_periodic = 0;
    s_wrap_last_gap = 0;
    rt_timer_init(&once, "kwrap1", wrap_oneshot, RT_NULL, 10, RT_TIMER_FLAG_ONE_SHOT);
    rt_timer_init(&every, "kwrap2", wrap_periodic, RT_NULL, 4, RT_TIMER_FLAG_PERIODIC);
    rt_tick_set(base);
    t0 = rt_tick_get();
    rt_timer_start(&once);
    rt_timer_start(&every);
    rt_thread_delay(21);
    t1 = rt_tick_get();
    rt_timer_stop(&every);
    rt_tick_set(old + (rt_tick_get() - base));

    uassert_in_range(t1 - t0, 21, 22);
    uassert_value_less(t1, 100); /* it did wrap */
    uassert_int_equal(s_wrap_fires, 1);
    uassert_in_range(s_wrap_at - t0, 10, 11);
    uassert_in_range(s_wrap_periodic, 5, 6);
    uassert_int_equal(s_wrap_last_gap, 0);
    rt_timer_detach(&once);
    rt_timer_detach(&every);
}

static void testcase(void)
{
    UTEST_UNIT_RUN(test_clock_tick_advances);
    UTEST_UNIT_RUN(test_clock_from_millisecond);
    UTEST_UNIT_RUN(test_clock_millisecond);
    UTEST_UNIT_RUN(test_clock_delay_accuracy);
    UTEST_UNIT_RUN(test_clock_mdelay_accuracy);
    UTEST_UNIT_RUN(test_clock_wraparound);
}
UTEST_TC_EXPORT(testcase, "testcases.kernel.clock_tc", RT_NULL, RT_NULL, 30);
