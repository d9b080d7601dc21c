/* rtlang kernel: the contract between the kernel and a CPU / board port (libcpu + bsp).
 *
 * Everything here is implemented by the port unless marked "kernel default". The kernel is
 * uniprocessor: at most one thread runs at a time, and "interrupts disabled" means that neither
 * an interrupt handler nor a context switch can run until they are enabled again. */
#ifndef RT_HW_H__
#define RT_HW_H__

#include <rtthread.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------------------------
 * Interrupt masking (libcpu)
 * ------------------------------------------------------------------------------------------ */

/**
 * Disable interrupts and return the previous mask state.
 *
 * Called by the kernel, drivers and applications from any context (thread or ISR, with
 * interrupts already disabled or not); calls nest: each must be paired with
 * rt_hw_interrupt_enable(level) in reverse order. After it returns no interrupt handler
 * (including the tick) runs and no context switch happens on this CPU.
 */
rt_base_t rt_hw_interrupt_disable(void);

/**
 * Restore the interrupt mask state returned by the matching rt_hw_interrupt_disable().
 * Interrupts are enabled again only when `level` says they were enabled before. Pending
 * interrupts (and a context switch requested with rt_hw_context_switch_interrupt()) are
 * delivered once they are enabled. Any context.
 */
void rt_hw_interrupt_enable(rt_base_t level);

/* ------------------------------------------------------------------------------------------
 * Thread contexts (libcpu)
 * ------------------------------------------------------------------------------------------ */

/**
 * Prepare the initial context of a new thread on its stack.
 *
 * Called by the kernel in rt_thread_init()/rt_thread_create() (thread context, or before the
 * scheduler starts) with interrupts enabled or disabled.
 * @param tentry     the thread's entry function, `void entry(void *parameter)`
 * @param parameter  its argument
 * @param stack_addr highest usable address of the stack: stack_addr + stack_size -
 *                   sizeof(rt_ubase_t); stacks grow downwards; the port aligns it as its ABI
 *                   requires
 * @param texit      function to run when the entry function returns, `void texit(void)`; it
 *                   is the kernel's thread-exit path and never returns
 * @return the value the kernel stores in thread->sp. The first switch to the thread starts
 *         tentry(parameter) with interrupts enabled. A port whose contexts do not live on the
 *         stack (the host simulator) may return any pointer it can recognise later; it must
 *         not write below stack_addr - stack_size + sizeof(rt_ubase_t) (the kernel checks the
 *         lowest bytes of the stack for overflow).
 */
rt_uint8_t *rt_hw_stack_init(void *tentry, void *parameter, rt_uint8_t *stack_addr, void *texit);

/**
 * Switch from the running thread to another one, from thread context.
 *
 * Called by the scheduler with interrupts disabled, never from an ISR.
 * @param from address of the running thread's `sp` member (rt_ubase_t)&from_thread->sp:
 *             the port saves the current context and stores its handle there
 * @param to   address of the next thread's `sp` member
 * The call returns in the `from` thread when it is switched back to, with the interrupt state
 * it had when it called (still disabled: the scheduler re-enables them itself).
 */
void rt_hw_context_switch(rt_ubase_t from, rt_ubase_t to);

/**
 * Start the first thread; never returns.
 *
 * Called once by rt_system_scheduler_start() with interrupts disabled. `to` is the address of
 * the first thread's `sp` member. The thread starts with interrupts enabled. The calling
 * (startup) context is abandoned.
 */
void rt_hw_context_switch_to(rt_ubase_t to);

/**
 * Request a context switch from interrupt context.
 *
 * Called by the scheduler, with interrupts disabled, when rt_schedule() runs inside an ISR
 * (between rt_interrupt_enter() and rt_interrupt_leave()). The switch must not happen now but
 * when the outermost interrupt handler returns. If called several times before that, the
 * first `from` is kept and the last `to` wins.
 * @param from        address of from_thread->sp
 * @param to          address of to_thread->sp
 * @param from_thread the thread that was interrupted
 * @param to_thread   the thread to run after the interrupt
 */
void rt_hw_context_switch_interrupt(rt_ubase_t from, rt_ubase_t to, rt_thread_t from_thread,
                                    rt_thread_t to_thread);

/**
 * rtlang addition: release a thread's port resources. Kernel default: does nothing (weak).
 *
 * Called by the kernel with interrupts disabled once `thread` is closed (rt_thread_detach,
 * rt_thread_delete, or the thread's entry returned / rt_thread_exit) and will never be switched
 * to again, before its stack may be freed. It may be the thread that is running right now
 * (a thread exiting itself): the kernel then switches away from it immediately afterwards with
 * rt_hw_context_switch(), whose `from` context will never be resumed. Ports that keep per-
 * thread host resources (the simulator's host threads) release or schedule their release here.
 * Must not block and must not call kernel services.
 */
void rt_hw_thread_destroy(rt_thread_t thread);

/* ------------------------------------------------------------------------------------------
 * Interrupt controller (optional; ports that have one)
 * ------------------------------------------------------------------------------------------ */
typedef void (*rt_isr_handler_t)(int vector, void *param);

/* Initialise the interrupt controller. Called by the board's rt_hw_board_init(). */
void rt_hw_interrupt_init(void);

/* Mask / unmask one interrupt source. Any context. */
void rt_hw_interrupt_mask(int vector);
void rt_hw_interrupt_umask(int vector);

/* ------------------------------------------------------------------------------------------
 * Board and console (bsp)
 * ------------------------------------------------------------------------------------------ */

/**
 * Initialise the board. Called first thing by rtthread_startup(), with interrupts disabled
 * and the scheduler not started. It must set up the OS tick (calling rt_tick_increase() from
 * the tick interrupt between rt_interrupt_enter()/rt_interrupt_leave(), RT_TICK_PER_SECOND
 * times a second; the tick may start firing only once interrupts are enabled by the first
 * thread), call rt_system_heap_init() when RT_USING_HEAP, run rt_components_board_init(), and
 * set the console with rt_console_set_device(RT_CONSOLE_DEVICE_NAME) when RT_USING_CONSOLE.
 */
void rt_hw_board_init(void);

/**
 * Write a NUL-terminated string to the board's raw console, converting nothing ("\n" is sent
 * as is; the kernel adds no "\r"). Used by rt_kprintf()/rt_kputs() when no console device is
 * set, and for fatal messages. Any context, also with interrupts disabled; must not block
 * on kernel objects. Kernel default: none, the port must provide it.
 */
void rt_hw_console_output(const char *str);

/**
 * Read one character from the board's raw console without blocking. Returns the character
 * (0..255) or -1 when none is available. Thread context. Used by shells polling the console
 * before a console device exists.
 */
int rt_hw_console_getchar(void);

/**
 * Busy-wait at least `us` microseconds without giving up the CPU. Any context.
 */
void rt_hw_us_delay(rt_uint32_t us);

/**
 * Reset the CPU / restart the system. Does not return. Thread context.
 */
void rt_hw_cpu_reset(void);

/**
 * Stop the system; does not return. The kernel calls it, with interrupts disabled, to halt
 * after a fatal error (failed RT_ASSERT, thread stack overflow) once the message has been
 * printed. The host simulator ends the process with a non-zero exit status; a board may
 * power off or loop forever.
 */
void rt_hw_cpu_shutdown(void);

#ifdef __cplusplus
}
#endif

#endif /* RT_HW_H__ */
