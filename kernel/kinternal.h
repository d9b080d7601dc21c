/* rtlang kernel: declarations shared between kernel source files (not public API). */
#ifndef KINTERNAL_H__
#define KINTERNAL_H__

#include <rthw.h>
#include <rtthread.h>

/* Timeouts longer than this are clamped (timers need init_tick < RT_TICK_MAX / 2). */
#define KERNEL_TIMEOUT_MAX ((rt_int32_t)(RT_TICK_MAX / 2 - 1))

/* Priority range check that stays warning-free when RT_THREAD_PRIORITY_MAX is 256. */
rt_inline rt_bool_t kernel_priority_valid(rt_uint32_t priority)
{
    return priority < RT_THREAD_PRIORITY_MAX;
}
#define KERNEL_PRIORITY_VALID(p) kernel_priority_valid(p)

/* scheduler.c */
rt_bool_t rt_sched_is_started(void);
void rt_sched_insert_head(struct rt_thread *thread);

/* thread.c */
void rt_thread_set_effective_priority(rt_thread_t thread, rt_uint8_t priority);
void rt_thread_close_locked(rt_thread_t thread);

/* ipc.c: wait-list helpers, all called with interrupts disabled */
void rt_ipc_wait_init(rt_list_t *list);
void rt_ipc_enqueue(rt_list_t *list, rt_thread_t thread, rt_uint8_t flag);
void rt_ipc_wake_one(rt_list_t *list, rt_err_t error);
rt_bool_t rt_ipc_wake_all(rt_list_t *list, rt_err_t error);
/* Block the running thread on `list` for at most `timeout` ticks; enables interrupts with
 * `level`, runs the scheduler and returns the thread's wake-up error (RT_EOK if woken by the
 * resource, -RT_ETIMEOUT, -RT_ERROR when the object went away, -RT_EINTR). */
rt_err_t rt_ipc_block(rt_list_t *list, rt_uint8_t flag, rt_int32_t timeout, int suspend_flag,
                      rt_base_t level);
/* Wake every waiter with -RT_ERROR (the object goes away) and reschedule. */
void rt_ipc_destroy_waiters(rt_list_t *list);
/* Remaining timeout after waiting since `start` (for retry loops); 0 when used up. */
rt_int32_t rt_ipc_remaining(rt_int32_t timeout, rt_tick_t start);

/* mutex.c: priority inheritance */
#ifdef RT_USING_MUTEX
rt_uint8_t rt_mutex_thread_priority(rt_thread_t thread);
void rt_mutex_waiter_changed(rt_thread_t thread);
void rt_mutex_release_all(rt_thread_t thread);
#endif

/* kservice.c */
void rt_kernel_halt(void);

/* kprintf.c: printf to rt_hw_console_output() (fatal / diagnostic messages) */
void rt_kernel_report(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* object.c */
#ifdef RT_USING_HOOK
extern void (*rt_object_take_hook)(struct rt_object *object);
extern void (*rt_object_trytake_hook)(struct rt_object *object);
extern void (*rt_object_put_hook)(struct rt_object *object);
#endif

#endif /* KINTERNAL_H__ */
