/* Shared helpers of the kernel test cases (see ktest.h). */
#include "ktest.h"

rt_uint8_t kt_prio(int delta)
{
    /* init_priority: a temporary boost by priority inheritance must not move the base */
    int p = (int)rt_thread_self()->init_priority + delta;

    /* Keep clear of priority 0 and of the idle thread (lowest priority). */
    if (p < 1)
        p = 1;
    if (p > RT_THREAD_PRIORITY_MAX - 2)
        p = RT_THREAD_PRIORITY_MAX - 2;
    return (rt_uint8_t)p;
}

rt_tick_t kt_elapsed(rt_tick_t since)
{
    return rt_tick_get() - since;
}

rt_tick_t kt_spin_ticks(rt_tick_t n)
{
    rt_tick_t start = rt_tick_get();
    rt_tick_t seen;

    while ((seen = kt_elapsed(start)) < n)
        ;
    return seen;
}

rt_bool_t kt_wait_flag(volatile int *flag, rt_tick_t timeout)
{
    rt_tick_t start = rt_tick_get();

    while (*flag == 0 && kt_elapsed(start) < timeout)
        rt_thread_delay(1);
    return *flag != 0;
}

static void kt_worker_entry(void *p)
{
    struct kt_worker *w = p;

    w->fn(w->arg);
    w->done = 1;
}

rt_err_t kt_worker_prepare(struct kt_worker *w, const char *name, void (*fn)(void *), void *arg,
                           rt_uint8_t prio, rt_uint32_t slice)
{
    w->fn = fn;
    w->arg = arg;
    w->done = 0;
    w->tid = rt_thread_create(name, kt_worker_entry, w, KT_STACK_SIZE, prio, slice);
    return w->tid == RT_NULL ? -RT_ENOMEM : RT_EOK;
}

rt_err_t kt_worker_start(struct kt_worker *w, const char *name, void (*fn)(void *), void *arg,
                         rt_uint8_t prio, rt_uint32_t slice)
{
    rt_err_t err = kt_worker_prepare(w, name, fn, arg, prio, slice);

    return err == RT_EOK ? rt_thread_startup(w->tid) : err;
}

rt_bool_t kt_worker_join(struct kt_worker *w, rt_tick_t timeout)
{
    rt_bool_t finished;

    if (w->tid == RT_NULL)
        return RT_TRUE;
    kt_wait_flag(&w->done, timeout);
    /* done is the worker's last store: if it is still 0 the thread object is alive. */
    rt_enter_critical();
    finished = w->done != 0;
    if (!finished)
        rt_thread_delete(w->tid);
    rt_exit_critical();
    w->tid = RT_NULL;
    return finished;
}

rt_size_t kt_heap_used(void)
{
    rt_size_t total = 0, used = 0, max_used = 0;

    rt_memory_info(&total, &used, &max_used);
    return used;
}

rt_size_t kt_wait_heap_used(rt_size_t used, rt_tick_t timeout)
{
    rt_tick_t start = rt_tick_get();
    rt_size_t now;

    while ((now = kt_heap_used()) > used && kt_elapsed(start) < timeout)
        rt_thread_delay(1);
    return now;
}

rt_size_t kt_heap_baseline(rt_tick_t timeout)
{
    rt_tick_t start = rt_tick_get();
    rt_size_t prev = kt_heap_used();
    int stable = 0;

    /* three quiet ticks in a row: nothing left for the idle thread to free */
    while (stable < 3 && kt_elapsed(start) < timeout) {
        rt_size_t now;

        rt_thread_delay(1);
        now = kt_heap_used();
        stable = now == prev ? stable + 1 : 0;
        prev = now;
    }
    return prev;
}

rt_uint32_t kt_rand(rt_uint32_t *seed)
{
    *seed = *seed * 1103515245u + 12345u;
    return (*seed >> 16) & 0x7fff;
}
