/* Interrupt tests: nesting counter, enter / leave hooks, masking really stops the tick. */
#include "ktest.h"

static volatile rt_uint32_t s_enter_cnt, s_leave_cnt;
static volatile int s_nest_in_hook;

static void enter_hook(void)
{
    s_enter_cnt++;
    s_nest_in_hook = rt_interrupt_get_nest();
}

static void leave_hook(void)
{
    s_leave_cnt++;
}

static void test_irq_nest_counter(void)
{
    rt_uint8_t n0, n1, n2, n3, n4;
    rt_base_t level;

    /* masked, so that a real interrupt cannot run while we pretend to be one */
    level = rt_hw_interrupt_disable();
    n0 = rt_interrupt_get_nest();
    rt_interrupt_enter();
    n1 = rt_interrupt_get_nest();
    rt_interrupt_enter();
    n2 = rt_interrupt_get_nest();
    rt_interrupt_leave();
    n3 = rt_interrupt_get_nest();
    rt_interrupt_leave();
    n4 = rt_interrupt_get_nest();
    rt_hw_interrupt_enable(level);
    uassert_int_equal(n0, 0);
    uassert_int_equal(n1, 1);
    uassert_int_equal(n2, 2);
    uassert_int_equal(n3, 1);
    uassert_int_equal(n4, 0);
    uassert_int_equal(rt_interrupt_get_nest(), 0);
}

static void test_irq_hooks(void)
{
    rt_uint32_t e0, l0, e1, l1;
    rt_base_t level;

    s_enter_cnt = s_leave_cnt = 0;
    rt_interrupt_enter_sethook(enter_hook);
    rt_interrupt_leave_sethook(leave_hook);
    /* direct calls run the hooks (masked: no tick interrupt in between) */
    level = rt_hw_interrupt_disable();
    e0 = s_enter_cnt;
    l0 = s_leave_cnt;
    rt_interrupt_enter();
    rt_interrupt_leave();
    e1 = s_enter_cnt;
    l1 = s_leave_cnt;
    rt_hw_interrupt_enable(level);
    uassert_int_equal(e1 - e0, 1);
    uassert_int_equal(l1 - l0, 1);
    uassert_int_equal(s_nest_in_hook, 1); /* the enter hook runs after the count went up */
    /* and the tick interrupt goes through rt_interrupt_enter / leave too */
    e0 = s_enter_cnt;
    l0 = s_leave_cnt;
    rt_thread_delay(5);
    rt_interrupt_enter_sethook(RT_NULL);
    rt_interrupt_leave_sethook(RT_NULL);
    uassert_value_greater_equal(s_enter_cnt - e0, 5);
    uassert_value_greater_equal(s_leave_cnt - l0, 5);
    e0 = s_enter_cnt;
    rt_thread_delay(3);
    uassert_int_equal(s_enter_cnt, e0); /* removed */
}

#define KIRQ_MASKED_MAX 16 /* generous bound of the masked time, in ticks */

/* Loop iterations that take about `ticks` ticks with interrupts enabled. */
static rt_uint32_t calibrate(rt_tick_t ticks)
{
    rt_tick_t t0;
    rt_uint32_t n = 0;
    volatile rt_tick_t sink;

    rt_thread_delay(1); /* start on a fresh tick */
    t0 = rt_tick_get();
    while (kt_elapsed(t0) < ticks) {
        sink = rt_tick_get();
        n++;
    }
    (void)sink;
    return n;
}

static rt_tick_t masked_spin(rt_uint32_t n)
{
    volatile rt_tick_t sink = 0;
    rt_tick_t t0 = rt_tick_get();
    rt_uint32_t i;

    for (i = 0; i < n; i++)
        sink = rt_tick_get() - t0;
    return sink;
}

/*
 * While masked the tick must not advance at all. Once unmasked it continues; a port may also
 * deliver the ticks that fell due meanwhile (catch up), so the first delay after unmasking may
 * end up to the masked time late, never early.
 */
static void test_irq_disable_masks_tick(void)
{
    rt_uint32_t n = calibrate(4);
    rt_base_t level, inner;
    rt_tick_t t0, advanced;

    uassert_value_greater(n, 0);
    level = rt_hw_interrupt_disable();
    advanced = masked_spin(2 * n); /* about 4..8 ticks' worth of work */
    rt_hw_interrupt_enable(level);
    uassert_int_equal(advanced, 0);
    t0 = rt_tick_get();
    rt_thread_delay(2);
    uassert_in_range(kt_elapsed(t0), 2, 3 + KIRQ_MASKED_MAX);

    /* nested disable: the inner enable restores "disabled" */
    level = rt_hw_interrupt_disable();
    inner = rt_hw_interrupt_disable();
    rt_hw_interrupt_enable(inner);
    advanced = masked_spin(2 * n);
    rt_hw_interrupt_enable(level);
    uassert_int_equal(advanced, 0);
    /* and the tick runs on while we spin unmasked */
    uassert_value_greater_equal(kt_spin_ticks(2), 2);
}

static void testcase(void)
{
    UTEST_UNIT_RUN(test_irq_nest_counter);
    UTEST_UNIT_RUN(test_irq_hooks);
    UTEST_UNIT_RUN(test_irq_disable_masks_tick);
}
UTEST_TC_EXPORT(testcase, "testcases.kernel.irq_tc", RT_NULL, RT_NULL, 30);
