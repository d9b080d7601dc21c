/* Host simulator services for firmware code and tests (only on RTL_BOARD=sim). */
#ifndef SIM_H__
#define SIM_H__

#include <rtdef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Simulated interrupt vectors. The lowest pending vector is serviced first. */
#define SIM_IRQ_TICK    0  /* OS tick, RT_TICK_PER_SECOND times a second */
#define SIM_IRQ_UART    1  /* console uart1: bytes arrived on stdin */
#define SIM_IRQ_GPIO    2  /* virtual GPIO: a pin interrupt condition happened */
#define SIM_IRQ_GPIO_IN 3  /* --gpio-in: queued input drives to apply */
#define SIM_IRQ_USER    8  /* first vector free for tests and application drivers */
#define SIM_IRQ_MAX     32 /* number of vectors */

typedef void (*sim_isr_t)(int vector, void *param);

/**
 * Install the handler of a simulated interrupt vector; returns the previous handler (RT_NULL
 * if none). The handler runs in interrupt context (between rt_interrupt_enter/leave, with
 * interrupts disabled) on the host thread of whatever RT thread was running. Thread context,
 * or board init. An out-of-range vector is ignored and RT_NULL returned.
 */
sim_isr_t rt_hw_interrupt_install(int vector, sim_isr_t handler, void *param, const char *name);

/**
 * Make `vector` pending, as a device raising its interrupt line. Callable from anywhere: host
 * helper threads, RT threads, ISRs and host signal handlers (it is async-signal-safe). When
 * called by the running RT thread with interrupts enabled the handler runs before the call
 * returns; otherwise as soon as interrupts are enabled. Raising a pending vector again before
 * it is serviced is coalesced into one handler call. Out-of-range vectors are ignored.
 */
void sim_irq_raise(int vector);

/**
 * End the simulator process with `status` (shell `reboot`, test runners, fatal errors). Stops
 * all interrupt sources first, restores the terminal, flushes logs, then exit()s: never
 * returns. Any context. Concurrent callers: the first one wins, the others block forever.
 */
void sim_exit(int status) __attribute__((noreturn));

/**
 * Number of host threads currently backing RT threads (created by rt_hw_stack_init, released
 * after rt_hw_thread_destroy). Tests use it to check that deleted threads leave nothing
 * behind; the release of a destroyed thread's host thread is asynchronous (within a few ms).
 */
int sim_host_thread_count(void);

/**
 * Size in bytes of the host stack the calling RT thread's C code runs on (its RT stack size
 * scaled, see docs/sim.md), or 0 when not called from an RT thread. For stack-depth limits
 * (e.g. the interpreter's): on the sim, locals live there, not in thread->stack_addr.
 */
rt_size_t sim_host_stack_size(void);

/* Host folder mounted as "/" (the --fs option; default "./fs"), or RT_NULL with --no-fs.
 * Any context. */
const char *sim_fs_root(void);

/* RT_TRUE when called on the host thread of an RT thread (in thread or ISR context), RT_FALSE
 * on host helper threads. Any context, async-signal-safe. */
rt_bool_t sim_is_rt_thread(void);

/* Called by the sim board's rt_hw_board_init() before anything else (internal). */
void sim_cpu_init(void);

/* Register a function sim_exit() runs before exiting, e.g. to restore the terminal
 * (at most 8; internal to the board). Returns 0, or -1 when the table is full. */
int sim_atexit(void (*fn)(void));

#ifdef __cplusplus
}
#endif

#endif /* SIM_H__ */
