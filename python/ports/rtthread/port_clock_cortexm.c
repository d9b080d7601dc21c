/* Fine clock on Cortex-M: the kernel tick plus the SysTick counter's progress within it. */
#include <rtthread.h>

#define SYST_LOAD (*(volatile rt_uint32_t *)0xE000E014u)
#define SYST_VAL  (*(volatile rt_uint32_t *)0xE000E018u)

rt_uint64_t py_port_ticks_us(void);

rt_uint64_t py_port_ticks_us(void)
{
    rt_tick_t tick;
    rt_uint32_t val, load = SYST_LOAD + 1;

    /* SysTick counts down and reloads at each tick: re-read when a tick passed meanwhile. */
    do {
        tick = rt_tick_get();
        val = SYST_VAL;
    } while (tick != rt_tick_get());
    return (rt_uint64_t)tick * (1000000u / RT_TICK_PER_SECOND) +
           (rt_uint64_t)(load - val) * (1000000u / RT_TICK_PER_SECOND) / load;
}
