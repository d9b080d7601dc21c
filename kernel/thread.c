/* rtlang kernel: threads (creation, start, suspension, delays, priorities, exit). */
#include "kinternal.h"

#ifdef RT_USING_HOOK
static void (*thread_suspend_hook)(rt_thread_t thread);
static void (*thread_resume_hook)(rt_thread_t thread);
static void (*thread_inited_hook)(rt_thread_t thread);

/* Called (interrupts disabled) when a thread is suspended. */
void rt_thread_suspend_sethook(void (*hook)(rt_thread_t thread))
{
    thread_suspend_hook = hook;
}

/* Called (interrupts disabled) when a thread is resumed. */
void rt_thread_resume_sethook(void (*hook)(rt_thread_t thread))
{
    thread_resume_hook = hook;
}

/* Called when a thread has been initialised or created. */
void rt_thread_inited_sethook(void (*hook)(rt_thread_t thread))
{
    thread_inited_hook = hook;
}
#endif

/* Where a thread goes when its entry function returns (passed to rt_hw_stack_init). */
static void thread_exit_path(void)
{
    rt_thread_exit();
}

/* Derive the ready-bitmap masks from current_priority. */
static void thread_set_priority_fields(rt_thread_t thread, rt_uint8_t priority)
{
    thread->current_priority = priority;
#if RT_THREAD_PRIORITY_MAX > 32
    thread->number = priority >> 3;
    thread->number_mask = 1UL << thread->number;
    thread->high_mask = (rt_uint8_t)(1U << (priority & 0x07));
#else
    thread->number_mask = 1UL << priority;
#endif
}

static void thread_init_fields(rt_thread_t thread, void (*entry)(void *), void *parameter,
                               void *stack, rt_uint32_t stack_size, rt_uint8_t priority,
                               rt_uint32_t tick)
{
    rt_list_init(&thread->tlist);
    thread->entry = (void *)entry;
    thread->parameter = parameter;
    thread->stack_addr = stack;
    thread->stack_size = stack_size;
    thread->error = RT_EOK;
    thread->stat = RT_THREAD_INIT;
    thread->init_priority = priority;
    thread_set_priority_fields(thread, priority);
#ifdef RT_USING_MUTEX
    rt_list_init(&thread->taken_object_list);
    thread->pending_object = RT_NULL;
#endif
#ifdef RT_USING_EVENT
    thread->event_set = 0;
    thread->event_info = 0;
#endif
    thread->init_tick = tick;
    thread->remaining_tick = tick;
    thread->cleanup = RT_NULL;
    thread->user_data = 0;
    thread->console_capture.buf = RT_NULL;
    thread->console_capture.size = 0;
    thread->console_capture.len = 0;
}

/* Common part of rt_thread_init / rt_thread_create; the object is already attached. */
static void thread_setup(rt_thread_t thread, void (*entry)(void *), void *parameter, void *stack,
                         rt_uint32_t stack_size, rt_uint8_t priority, rt_uint32_t tick)
{
    thread_init_fields(thread, entry, parameter, stack, stack_size, priority, tick);
    /* the '#' fill lets the overflow check and "list thread" see how deep the stack went */
    rt_memset(stack, '#', stack_size);
    thread->sp = (void *)rt_hw_stack_init((void *)entry, parameter,
                                          (rt_uint8_t *)stack + stack_size - sizeof(rt_ubase_t),
                                          (void *)thread_exit_path);
    rt_timer_init(&thread->thread_timer, thread->parent.name, rt_thread_timeout, thread, 0,
                  RT_TIMER_FLAG_ONE_SHOT | RT_TIMER_FLAG_HARD_TIMER);
    RT_OBJECT_HOOK_CALL(thread_inited_hook, (thread));
}

/* Smallest stack we accept: room for a context frame plus the guard byte. */
#define THREAD_STACK_MIN (16 * sizeof(rt_ubase_t))

/* The entry function may be RT_NULL until the thread is started (rt_thread_startup checks). */
static rt_bool_t thread_args_valid(rt_uint32_t stack_size, rt_uint8_t priority, rt_uint32_t tick)
{
    return stack_size >= THREAD_STACK_MIN && KERNEL_PRIORITY_VALID(priority) && tick > 0;
}

rt_err_t rt_thread_init(struct rt_thread *thread, const char *name, void (*entry)(void *parameter),
                        void *parameter, void *stack_start, rt_uint32_t stack_size,
                        rt_uint8_t priority, rt_uint32_t tick)
{
    RT_ASSERT(thread != RT_NULL);
    if (thread == RT_NULL || stack_start == RT_NULL ||
        !thread_args_valid(stack_size, priority, tick))
        return -RT_EINVAL;
    rt_object_init(&thread->parent, RT_Object_Class_Thread, name);
    thread_setup(thread, entry, parameter, stack_start, stack_size, priority, tick);
    return RT_EOK;
}

#ifdef RT_USING_HEAP
rt_thread_t rt_thread_create(const char *name, void (*entry)(void *parameter), void *parameter,
                             rt_uint32_t stack_size, rt_uint8_t priority, rt_uint32_t tick)
{
    rt_thread_t thread;
    void *stack;

    stack_size = RT_ALIGN(stack_size, RT_ALIGN_SIZE);
    if (!thread_args_valid(stack_size, priority, tick))
        return RT_NULL;
    thread = (rt_thread_t)rt_object_allocate(RT_Object_Class_Thread, name);
    if (thread == RT_NULL)
        return RT_NULL;
    stack = RT_KERNEL_MALLOC(stack_size);
    if (stack == RT_NULL) {
        rt_object_delete(&thread->parent);
        return RT_NULL;
    }
    thread_setup(thread, entry, parameter, stack, stack_size, priority, tick);
    return thread;
}
#endif

/* Take a thread out of whatever list it is in and mark it closed. Interrupts disabled. */
void rt_thread_close_locked(rt_thread_t thread)
{
    rt_uint8_t stat = thread->stat & RT_THREAD_STAT_MASK;

    if (stat == RT_THREAD_READY) {
        rt_schedule_remove_thread(thread);
    } else if ((stat & RT_THREAD_SUSPEND_MASK) == RT_THREAD_SUSPEND_MASK) {
#ifdef RT_USING_MUTEX
        if (thread->pending_object != RT_NULL)
            rt_mutex_drop_thread((rt_mutex_t)thread->pending_object, thread);
#endif
        rt_list_remove(&thread->tlist);
    }
    rt_timer_detach(&thread->thread_timer);
#ifdef RT_USING_MUTEX
    rt_mutex_release_all(thread);
#endif
    thread->stat = RT_THREAD_CLOSE;
    thread->error = RT_EOK; /* a stale errno is meaningless once closed ("ps" shows OK) */
    rt_hw_thread_destroy(thread);
}

static rt_bool_t thread_is_closed(rt_thread_t thread)
{
    return (thread->stat & RT_THREAD_STAT_MASK) == RT_THREAD_CLOSE;
}

/* Close `thread`; a static one leaves its container now, a dynamic one when idle frees it. */
static void thread_close(rt_thread_t thread)
{
    rt_bool_t is_static = rt_object_is_systemobject(&thread->parent);

    rt_thread_close_locked(thread);
    if (is_static)
        rt_object_detach(&thread->parent);
    if (!is_static || thread->cleanup != RT_NULL)
        rt_thread_defunct_enqueue(thread);
}

rt_err_t rt_thread_detach(rt_thread_t thread)
{
    rt_base_t level;

    RT_ASSERT(thread != RT_NULL);
    level = rt_hw_interrupt_disable();
    if (thread_is_closed(thread)) {
        rt_hw_interrupt_enable(level);
        return RT_EOK;
    }
    RT_ASSERT(rt_object_get_type(&thread->parent) == RT_Object_Class_Thread);
    RT_ASSERT(rt_object_is_systemobject(&thread->parent));
    thread_close(thread);
    rt_hw_interrupt_enable(level);
    rt_schedule();
    return RT_EOK;
}

#ifdef RT_USING_HEAP
rt_err_t rt_thread_delete(rt_thread_t thread)
{
    rt_base_t level;
    rt_bool_t free_now;

    RT_ASSERT(thread != RT_NULL);
    level = rt_hw_interrupt_disable();
    if (thread_is_closed(thread)) {
        rt_hw_interrupt_enable(level);
        return RT_EOK;
    }
    RT_ASSERT(rt_object_get_type(&thread->parent) == RT_Object_Class_Thread);
    RT_ASSERT(!rt_object_is_systemobject(&thread->parent));
    /* Another thread's stack is not in use: free it now rather than waiting for the idle
     * thread (which must still run cleanup callbacks and free threads deleting themselves). */
    free_now = thread != rt_thread_self() && thread->cleanup == RT_NULL;
    if (free_now)
        rt_thread_close_locked(thread);
    else
        thread_close(thread);
    rt_hw_interrupt_enable(level);
    if (free_now) {
        RT_KERNEL_FREE(thread->stack_addr);
        rt_object_delete(&thread->parent);
    }
    rt_schedule();
    return RT_EOK;
}
#endif

void rt_thread_exit(void)
{
    rt_thread_t thread = rt_thread_self();
    rt_base_t level = rt_hw_interrupt_disable();

    RT_ASSERT(rt_critical_level() == 0);
    thread_close(thread);
    rt_hw_interrupt_enable(level);
    /* a closed thread is never picked again: on ports that switch from an interrupt (PendSV)
     * the switch happens once interrupts are enabled, here or inside rt_schedule() */
    rt_schedule();
    RT_ASSERT(0);
    for (;;) {
    }
}

rt_thread_t rt_thread_find(char *name)
{
    return (rt_thread_t)rt_object_find(name, RT_Object_Class_Thread);
}

rt_err_t rt_thread_get_name(rt_thread_t thread, char *name, rt_uint8_t name_size)
{
    return thread == RT_NULL ? -RT_EINVAL : rt_object_get_name(&thread->parent, name, name_size);
}

rt_err_t rt_thread_startup(rt_thread_t thread)
{
    rt_base_t level;

    RT_ASSERT(thread != RT_NULL);
    level = rt_hw_interrupt_disable();
    if ((thread->stat & RT_THREAD_STAT_MASK) != RT_THREAD_INIT || thread->entry == RT_NULL) {
        rt_hw_interrupt_enable(level);
        return -RT_EINVAL;
    }
    thread_set_priority_fields(thread, thread->init_priority);
    thread->stat = RT_THREAD_SUSPEND;
    rt_thread_resume(thread);
    rt_hw_interrupt_enable(level);
    if (rt_thread_self() != RT_NULL)
        rt_schedule();
    return RT_EOK;
}

rt_err_t rt_thread_yield(void)
{
    rt_thread_t thread = rt_thread_self();
    rt_base_t level = rt_hw_interrupt_disable();

    thread->remaining_tick = thread->init_tick;
    thread->stat |= RT_THREAD_STAT_YIELD;
    rt_hw_interrupt_enable(level);
    rt_schedule();
    return RT_EOK;
}

static rt_uint8_t thread_suspend_stat(int suspend_flag)
{
    switch (suspend_flag) {
    case RT_INTERRUPTIBLE: return RT_THREAD_SUSPEND_INTERRUPTIBLE;
    case RT_KILLABLE: return RT_THREAD_SUSPEND_KILLABLE;
    default: return RT_THREAD_SUSPEND_UNINTERRUPTIBLE;
    }
}

rt_err_t rt_thread_suspend_with_flag(rt_thread_t thread, int suspend_flag)
{
    rt_base_t level;
    rt_uint8_t stat;

    RT_ASSERT(thread != RT_NULL);
    level = rt_hw_interrupt_disable();
    stat = thread->stat & RT_THREAD_STAT_MASK;
    if (stat != RT_THREAD_READY && stat != RT_THREAD_RUNNING) {
        rt_hw_interrupt_enable(level);
        return -RT_ERROR;
    }
    if (stat == RT_THREAD_READY)
        rt_schedule_remove_thread(thread);
    thread->stat = thread_suspend_stat(suspend_flag) | (thread->stat & ~RT_THREAD_STAT_MASK);
    rt_timer_stop(&thread->thread_timer);
    RT_OBJECT_HOOK_CALL(thread_suspend_hook, (thread));
    rt_hw_interrupt_enable(level);
    return RT_EOK;
}

rt_err_t rt_thread_suspend(rt_thread_t thread)
{
    return rt_thread_suspend_with_flag(thread, RT_UNINTERRUPTIBLE);
}

rt_err_t rt_thread_resume(rt_thread_t thread)
{
    rt_base_t level;

    RT_ASSERT(thread != RT_NULL);
    level = rt_hw_interrupt_disable();
    if ((thread->stat & RT_THREAD_SUSPEND_MASK) != RT_THREAD_SUSPEND_MASK ||
        thread_is_closed(thread)) {
        rt_hw_interrupt_enable(level);
        return -RT_ERROR;
    }
#ifdef RT_USING_MUTEX
    if (thread->pending_object != RT_NULL)
        rt_mutex_drop_thread((rt_mutex_t)thread->pending_object, thread);
#endif
    rt_list_remove(&thread->tlist);
    rt_timer_stop(&thread->thread_timer);
    rt_schedule_insert_thread(thread);
    RT_OBJECT_HOOK_CALL(thread_resume_hook, (thread));
    rt_hw_interrupt_enable(level);
    return RT_EOK;
}

void rt_thread_timeout(void *parameter)
{
    rt_thread_t thread = (rt_thread_t)parameter;
    rt_base_t level = rt_hw_interrupt_disable();

    if ((thread->stat & RT_THREAD_SUSPEND_MASK) != RT_THREAD_SUSPEND_MASK) {
        rt_hw_interrupt_enable(level); /* woken by someone else meanwhile */
        return;
    }
    thread->error = -RT_ETIMEOUT;
    rt_thread_resume(thread);
    rt_hw_interrupt_enable(level);
    rt_schedule();
}

/* Suspend the running thread for `tick` ticks (interrupts disabled by the caller). */
static void thread_sleep_locked(rt_thread_t thread, rt_tick_t tick)
{
    if (tick > (rt_tick_t)KERNEL_TIMEOUT_MAX)
        tick = (rt_tick_t)KERNEL_TIMEOUT_MAX;
    thread->error = -RT_EINTR;
    rt_thread_suspend_with_flag(thread, RT_UNINTERRUPTIBLE);
    rt_timer_control(&thread->thread_timer, RT_TIMER_CTRL_SET_TIME, &tick);
    rt_timer_start(&thread->thread_timer);
}

/* Map the wake-up reason of a sleep to its result: the timer expiring is success. */
static rt_err_t thread_sleep_result(rt_thread_t thread)
{
    if (thread->error == -RT_ETIMEOUT)
        thread->error = RT_EOK;
    return thread->error;
}

rt_err_t rt_thread_sleep(rt_tick_t tick)
{
    rt_thread_t thread = rt_thread_self();
    rt_base_t level;

    RT_DEBUG_SCHEDULER_AVAILABLE(RT_TRUE);
    if (tick == 0)
        return rt_thread_yield();
    level = rt_hw_interrupt_disable();
    thread_sleep_locked(thread, tick);
    rt_hw_interrupt_enable(level);
    rt_schedule();
    return thread_sleep_result(thread);
}

rt_err_t rt_thread_delay(rt_tick_t tick)
{
    return rt_thread_sleep(tick);
}

rt_err_t rt_thread_mdelay(rt_int32_t ms)
{
    return rt_thread_sleep(rt_tick_from_millisecond(ms < 0 ? 0 : ms));
}

rt_err_t rt_thread_delay_until(rt_tick_t *tick, rt_tick_t inc_tick)
{
    rt_thread_t thread = rt_thread_self();
    rt_base_t level;
    rt_tick_t elapsed;

    RT_ASSERT(tick != RT_NULL);
    RT_DEBUG_SCHEDULER_AVAILABLE(RT_TRUE);
    level = rt_hw_interrupt_disable();
    elapsed = rt_tick_get() - *tick;
    thread->error = RT_EOK;
    if (elapsed >= inc_tick) {
        /* already late: no sleep, and the period restarts from now (as RT-Thread) */
        *tick = rt_tick_get();
        rt_hw_interrupt_enable(level);
        return RT_EOK;
    }
    *tick += inc_tick;
    thread_sleep_locked(thread, inc_tick - elapsed);
    rt_hw_interrupt_enable(level);
    rt_schedule();
    return thread_sleep_result(thread);
}

/* Change the effective priority, keeping queues ordered. Interrupts disabled. */
void rt_thread_set_effective_priority(rt_thread_t thread, rt_uint8_t priority)
{
    rt_uint8_t stat = thread->stat & RT_THREAD_STAT_MASK;

    if (thread->current_priority == priority)
        return;
    if (stat == RT_THREAD_READY) {
        rt_schedule_remove_thread(thread);
        thread_set_priority_fields(thread, priority);
        rt_schedule_insert_thread(thread);
        return;
    }
    thread_set_priority_fields(thread, priority);
#ifdef RT_USING_MUTEX
    if ((stat & RT_THREAD_SUSPEND_MASK) == RT_THREAD_SUSPEND_MASK &&
        thread->pending_object != RT_NULL)
        rt_mutex_waiter_changed(thread);
#endif
}

static rt_err_t thread_change_priority(rt_thread_t thread, const rt_uint8_t *arg)
{
    rt_base_t level;
    rt_uint8_t effective;

    if (arg == RT_NULL || !KERNEL_PRIORITY_VALID(*arg))
        return -RT_EINVAL;
    level = rt_hw_interrupt_disable();
    thread->init_priority = *arg;
    effective = *arg;
#ifdef RT_USING_MUTEX
    effective = rt_mutex_thread_priority(thread);
#endif
    if ((thread->stat & RT_THREAD_STAT_MASK) == RT_THREAD_INIT)
        thread_set_priority_fields(thread, effective);
    else
        rt_thread_set_effective_priority(thread, effective);
    rt_hw_interrupt_enable(level);
    rt_schedule();
    return RT_EOK;
}

static rt_err_t thread_close_cmd(rt_thread_t thread)
{
#ifdef RT_USING_HEAP
    if (!rt_object_is_systemobject(&thread->parent))
        return rt_thread_delete(thread);
#endif
    return rt_thread_detach(thread);
}

rt_err_t rt_thread_control(rt_thread_t thread, int cmd, void *arg)
{
    RT_ASSERT(thread != RT_NULL);
    switch (cmd) {
    case RT_THREAD_CTRL_CHANGE_PRIORITY: return thread_change_priority(thread, (rt_uint8_t *)arg);
    case RT_THREAD_CTRL_STARTUP: return rt_thread_startup(thread);
    case RT_THREAD_CTRL_CLOSE: return thread_close_cmd(thread);
    case RT_THREAD_CTRL_INFO:
    case RT_THREAD_CTRL_BIND_CPU: return RT_EOK; /* nothing to report / one CPU only */
    default: return -RT_EINVAL;
    }
}
