/* Shared helpers of the kernel test cases: relative priorities, tick-based waits, workers. */
#ifndef KTEST_H__
#define KTEST_H__

#include <rtthread.h>
#include <rthw.h>
#include "utest.h"

#ifndef KT_STACK_SIZE
#define KT_STACK_SIZE 1024
#endif

/*
 * Own priority of the calling thread (not a temporary inherited one) moved by delta (negative =
 * more urgent), kept clear of 0 and of the idle priority. Tests place their helper threads
 * relative to the utest thread so they work whatever priority it runs at.
 */
rt_uint8_t kt_prio(int delta);

/* Ticks elapsed since `since` (wrap-safe). */
rt_tick_t kt_elapsed(rt_tick_t since);

/* Busy-wait, without blocking, until n ticks have elapsed. Returns the ticks actually seen. */
rt_tick_t kt_spin_ticks(rt_tick_t n);

/* Sleep one tick at a time until *flag != 0 or timeout ticks passed; returns *flag != 0. */
rt_bool_t kt_wait_flag(volatile int *flag, rt_tick_t timeout);

/*
 * A dynamic helper thread that sets `done` when its function returns, so the test can wait
 * for it without touching the (then freed) thread object.
 */
struct kt_worker {
    rt_thread_t tid;
    void (*fn)(void *arg);
    void *arg;
    volatile int done;
};

/* Create a worker without starting it (rt_thread_startup(w->tid) later); RT_EOK or
 * -RT_ENOMEM. Creating is the slow part on some ports: tests that time a start use this. */
rt_err_t kt_worker_prepare(struct kt_worker *w, const char *name, void (*fn)(void *), void *arg,
                           rt_uint8_t prio, rt_uint32_t slice);

/* Create and start a worker; returns RT_EOK or -RT_ENOMEM. */
rt_err_t kt_worker_start(struct kt_worker *w, const char *name, void (*fn)(void *), void *arg,
                         rt_uint8_t prio, rt_uint32_t slice);

/*
 * Wait up to timeout ticks for the worker to finish. A worker still running then is deleted
 * (so a failed test cannot leave threads behind) and RT_FALSE is returned.
 */
rt_bool_t kt_worker_join(struct kt_worker *w, rt_tick_t timeout);

/* Wait (up to timeout ticks) until the idle thread has freed closed threads: heap use is
 * back at `used` or below. Returns the last heap use seen. */
rt_size_t kt_wait_heap_used(rt_size_t used, rt_tick_t timeout);

/* Current heap use in bytes (rt_memory_info). */
rt_size_t kt_heap_used(void);

/*
 * Heap use once the system is quiet: threads closed earlier (e.g. the previous test case's
 * thread) are freed by the idle thread some time later, so sleep until the use stops falling
 * (at most timeout ticks). Use it to take the baseline of a leak check.
 */
rt_size_t kt_heap_baseline(rt_tick_t timeout);

/* Deterministic pseudo-random numbers (LCG with an explicit seed). */
rt_uint32_t kt_rand(rt_uint32_t *seed);

#endif /* KTEST_H__ */
