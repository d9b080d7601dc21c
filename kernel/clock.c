/* rtlang kernel: the OS tick counter and time slices. */
#include "kinternal.h"

static volatile rt_tick_t clock_tick;

rt_tick_t rt_tick_get(void)
{
    return clock_tick;
}

void rt_tick_set(rt_tick_t tick)
{
    rt_base_t level = rt_hw_interrupt_disable();

    clock_tick = tick;
    rt_hw_interrupt_enable(level);
}

/* Charge the tick to the running thread's time slice; an exhausted slice yields. */
static void clock_charge_slice(void)
{
    rt_thread_t thread = rt_thread_self();

    if (thread == RT_NULL || (thread->stat & RT_THREAD_STAT_MASK) != RT_THREAD_RUNNING)
        return;
    if (thread->remaining_tick > 0)
        thread->remaining_tick--;
    if (thread->remaining_tick == 0) {
        thread->remaining_tick = thread->init_tick;
        thread->stat |= RT_THREAD_STAT_YIELD;
        rt_schedule(); /* in the tick ISR: the switch happens at interrupt exit */
    }
}

void rt_tick_increase(void)
{
    rt_base_t level = rt_hw_interrupt_disable();

    clock_tick++;
    clock_charge_slice();
    rt_hw_interrupt_enable(level);
    rt_timer_check();
}

rt_tick_t rt_tick_from_millisecond(rt_int32_t ms)
{
    rt_uint64_t ticks;

    if (ms < 0)
        return (rt_tick_t)RT_WAITING_FOREVER;
    /* rounded up, so that a non-zero delay never becomes zero ticks */
    ticks = ((rt_uint64_t)ms * RT_TICK_PER_SECOND + 999) / 1000;
    return (rt_tick_t)ticks;
}

rt_tick_t rt_tick_get_millisecond(void)
{
#if 1000 % RT_TICK_PER_SECOND == 0
    return rt_tick_get() * (1000U / RT_TICK_PER_SECOND);
#else
    return (rt_tick_t)((rt_uint64_t)rt_tick_get() * 1000U / RT_TICK_PER_SECOND);
#endif
}
