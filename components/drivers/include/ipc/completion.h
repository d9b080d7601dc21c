/* Completion (RT-Thread's rt_completion): one thread waits until another thread or an ISR
 * signals that something finished. Needs no kernel object (no name, nothing to detach). */
#ifndef COMPLETION_H__
#define COMPLETION_H__

#include <rtthread.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RT_UNCOMPLETED 0
#define RT_COMPLETED   1

struct rt_completion {
    rt_uint32_t flag;
    rt_list_t suspended_list; /* the waiting thread (at most one) */
};

/* Initialise as not completed. Any context. */
void rt_completion_init(struct rt_completion *completion);
/**
 * Wait until the completion is done, then consume it (back to not completed). Returns RT_EOK,
 * -RT_ETIMEOUT after `timeout` ticks (RT_WAITING_FOREVER: no limit; 0: do not wait),
 * -RT_EBUSY if another thread is already waiting, -RT_EINVAL for NULL, or the thread's error
 * if it was woken otherwise. Thread context only.
 */
rt_err_t rt_completion_wait(struct rt_completion *completion, rt_int32_t timeout);
/* Mark done and wake the waiter, if any. Idempotent until consumed. ISR: yes. */
void rt_completion_done(struct rt_completion *completion);

#ifdef __cplusplus
}
#endif

#endif /* COMPLETION_H__ */
