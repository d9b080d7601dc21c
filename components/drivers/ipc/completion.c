/* Completion: a one-waiter "done" flag built on thread suspend/resume, no kernel object. */
#include <rthw.h>
#include <rtthread.h>
#include <rtdevice.h>

void rt_completion_init(struct rt_completion *completion)
{
    RT_ASSERT(completion != RT_NULL);
    completion->flag = RT_UNCOMPLETED;
    rt_list_init(&completion->suspended_list);
}

/* Block the calling thread on the completion (interrupts disabled by the caller, restored
 * here) and return the error it was woken with. */
static rt_err_t completion_block(struct rt_completion *completion, rt_int32_t timeout,
                                 rt_base_t level)
{
    rt_thread_t thread = rt_thread_self();
    rt_tick_t ticks = (rt_tick_t)timeout;

    thread->error = RT_EOK;
    rt_thread_suspend(thread);
    rt_list_insert_before(&completion->suspended_list, &thread->tlist);
    if (timeout > 0) {
        rt_timer_control(&thread->thread_timer, RT_TIMER_CTRL_SET_TIME, &ticks);
        rt_timer_start(&thread->thread_timer);
    }
    rt_hw_interrupt_enable(level);
    rt_schedule();
    return thread->error;
}

rt_err_t rt_completion_wait(struct rt_completion *completion, rt_int32_t timeout)
{
    rt_err_t result = RT_EOK;
    rt_base_t level;

    if (completion == RT_NULL)
        return -RT_EINVAL;
    level = rt_hw_interrupt_disable();
    if (completion->flag != RT_COMPLETED) {
        if (timeout == 0) {
            rt_hw_interrupt_enable(level);
            return -RT_ETIMEOUT;
        }
        if (!rt_list_isempty(&completion->suspended_list)) {
            rt_hw_interrupt_enable(level);
            return -RT_EBUSY;
        }
        result = completion_block(completion, timeout, level);
        level = rt_hw_interrupt_disable();
    }
    if (result == RT_EOK)
        completion->flag = RT_UNCOMPLETED;
    rt_hw_interrupt_enable(level);
    return result;
}

void rt_completion_done(struct rt_completion *completion)
{
    rt_base_t level;

    if (completion == RT_NULL)
        return;
    level = rt_hw_interrupt_disable();
    if (completion->flag == RT_COMPLETED) {
        rt_hw_interrupt_enable(level);
        return;
    }
    completion->flag = RT_COMPLETED;
    if (!rt_list_isempty(&completion->suspended_list)) {
        rt_thread_t thread =
            rt_list_entry(completion->suspended_list.next, struct rt_thread, tlist);

        rt_thread_resume(thread); /* takes it off suspended_list */
        rt_hw_interrupt_enable(level);
        rt_schedule();
        return;
    }
    rt_hw_interrupt_enable(level);
}
