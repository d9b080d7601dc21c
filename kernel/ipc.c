/* rtlang kernel: IPC wait queues, semaphores and events. */
#include "kinternal.h"

void rt_ipc_wait_init(rt_list_t *list)
{
    rt_list_init(list);
}

/* Queue a suspended thread: FIFO at the tail, PRIO behind threads of equal or higher priority.
 * Interrupts disabled. */
void rt_ipc_enqueue(rt_list_t *list, rt_thread_t thread, rt_uint8_t flag)
{
    rt_list_t *node;

    if (flag != RT_IPC_FLAG_PRIO) {
        rt_list_insert_before(list, &thread->tlist);
        return;
    }
    rt_list_for_each(node, list)
    {
        if (rt_list_entry(node, struct rt_thread, tlist)->current_priority >
            thread->current_priority)
            break;
    }
    rt_list_insert_before(node, &thread->tlist);
}

/* Wake the first waiter; its blocking call returns `error`. Interrupts disabled. */
void rt_ipc_wake_one(rt_list_t *list, rt_err_t error)
{
    rt_thread_t thread = rt_list_entry(list->next, struct rt_thread, tlist);

    thread->error = error;
    rt_thread_resume(thread);
}

rt_bool_t rt_ipc_wake_all(rt_list_t *list, rt_err_t error)
{
    rt_bool_t woke = RT_FALSE;

    while (!rt_list_isempty(list)) {
        rt_ipc_wake_one(list, error);
        woke = RT_TRUE;
    }
    return woke;
}

rt_err_t rt_ipc_block(rt_list_t *list, rt_uint8_t flag, rt_int32_t timeout, int suspend_flag,
                      rt_base_t level)
{
    rt_thread_t thread = rt_thread_self();

    thread->error = -RT_EINTR;
    rt_thread_suspend_with_flag(thread, suspend_flag);
    rt_ipc_enqueue(list, thread, flag);
    if (timeout > 0) {
        rt_tick_t ticks = (rt_tick_t)(timeout > KERNEL_TIMEOUT_MAX ? KERNEL_TIMEOUT_MAX : timeout);

        rt_timer_control(&thread->thread_timer, RT_TIMER_CTRL_SET_TIME, &ticks);
        rt_timer_start(&thread->thread_timer);
    }
    rt_hw_interrupt_enable(level);
    rt_schedule();
    return thread->error;
}

rt_int32_t rt_ipc_remaining(rt_int32_t timeout, rt_tick_t start)
{
    rt_tick_t elapsed;

    if (timeout < 0)
        return timeout;
    elapsed = rt_tick_get() - start;
    return elapsed >= (rt_tick_t)timeout ? 0 : timeout - (rt_int32_t)elapsed;
}

void rt_ipc_destroy_waiters(rt_list_t *list)
{
    rt_base_t level = rt_hw_interrupt_disable();
    rt_bool_t woke = rt_ipc_wake_all(list, -RT_ERROR);

    rt_hw_interrupt_enable(level);
    if (woke)
        rt_schedule();
}

/* ---------------------------------------------------------------------------------------- */
#ifdef RT_USING_SEMAPHORE

static void sem_setup(rt_sem_t sem, rt_uint32_t value, rt_uint8_t flag)
{
    rt_ipc_wait_init(&sem->parent.suspend_thread);
    sem->value = (rt_uint16_t)value;
    sem->max_value = RT_SEM_VALUE_MAX;
    sem->parent.parent.flag = flag;
}

/* A macro, so that a failed assertion names the API function that was called. */
#define sem_check(sem)                                                                   \
    do {                                                                                 \
        RT_ASSERT(sem != RT_NULL);                                                       \
        RT_ASSERT(rt_object_get_type(&sem->parent.parent) == RT_Object_Class_Semaphore); \
    } while (0)

rt_err_t rt_sem_init(rt_sem_t sem, const char *name, rt_uint32_t value, rt_uint8_t flag)
{
    RT_ASSERT(sem != RT_NULL);
    if (value > RT_SEM_VALUE_MAX || (flag != RT_IPC_FLAG_FIFO && flag != RT_IPC_FLAG_PRIO))
        return -RT_EINVAL;
    rt_object_init(&sem->parent.parent, RT_Object_Class_Semaphore, name);
    sem_setup(sem, value, flag);
    return RT_EOK;
}

rt_err_t rt_sem_detach(rt_sem_t sem)
{
    sem_check(sem);
    RT_ASSERT(rt_object_is_systemobject(&sem->parent.parent));
    rt_ipc_destroy_waiters(&sem->parent.suspend_thread);
    rt_object_detach(&sem->parent.parent);
    return RT_EOK;
}

#ifdef RT_USING_HEAP
rt_sem_t rt_sem_create(const char *name, rt_uint32_t value, rt_uint8_t flag)
{
    rt_sem_t sem;

    RT_DEBUG_NOT_IN_INTERRUPT;
    if (value > RT_SEM_VALUE_MAX || (flag != RT_IPC_FLAG_FIFO && flag != RT_IPC_FLAG_PRIO))
        return RT_NULL;
    sem = (rt_sem_t)rt_object_allocate(RT_Object_Class_Semaphore, name);
    if (sem != RT_NULL)
        sem_setup(sem, value, flag);
    return sem;
}

rt_err_t rt_sem_delete(rt_sem_t sem)
{
    RT_DEBUG_NOT_IN_INTERRUPT;
    sem_check(sem);
    RT_ASSERT(!rt_object_is_systemobject(&sem->parent.parent));
    rt_ipc_destroy_waiters(&sem->parent.suspend_thread);
    rt_object_delete(&sem->parent.parent);
    return RT_EOK;
}
#endif

static rt_err_t sem_take(rt_sem_t sem, rt_int32_t timeout, int suspend_flag)
{
    rt_base_t level;
    rt_err_t result;

    sem_check(sem);
    RT_OBJECT_HOOK_CALL(rt_object_trytake_hook, (&sem->parent.parent));
    level = rt_hw_interrupt_disable();
    if (sem->value > 0) {
        sem->value--;
        rt_hw_interrupt_enable(level);
        RT_OBJECT_HOOK_CALL(rt_object_take_hook, (&sem->parent.parent));
        return RT_EOK;
    }
    if (timeout == 0) {
        rt_hw_interrupt_enable(level);
        return -RT_ETIMEOUT;
    }
    RT_DEBUG_SCHEDULER_AVAILABLE(RT_TRUE);
    /* a release hands the count directly to the woken waiter */
    result = rt_ipc_block(&sem->parent.suspend_thread, sem->parent.parent.flag, timeout,
                          suspend_flag, level);
    if (result == RT_EOK)
        RT_OBJECT_HOOK_CALL(rt_object_take_hook, (&sem->parent.parent));
    return result;
}

rt_err_t rt_sem_take(rt_sem_t sem, rt_int32_t timeout)
{
    return sem_take(sem, timeout, RT_UNINTERRUPTIBLE);
}

rt_err_t rt_sem_take_interruptible(rt_sem_t sem, rt_int32_t timeout)
{
    return sem_take(sem, timeout, RT_INTERRUPTIBLE);
}

rt_err_t rt_sem_take_killable(rt_sem_t sem, rt_int32_t timeout)
{
    return sem_take(sem, timeout, RT_KILLABLE);
}

rt_err_t rt_sem_trytake(rt_sem_t sem)
{
    return rt_sem_take(sem, RT_WAITING_NO);
}

rt_err_t rt_sem_release(rt_sem_t sem)
{
    rt_base_t level;
    rt_bool_t need_schedule = RT_FALSE;

    sem_check(sem);
    RT_OBJECT_HOOK_CALL(rt_object_put_hook, (&sem->parent.parent));
    level = rt_hw_interrupt_disable();
    if (!rt_list_isempty(&sem->parent.suspend_thread)) {
        rt_ipc_wake_one(&sem->parent.suspend_thread, RT_EOK);
        need_schedule = RT_TRUE;
    } else if (sem->value < sem->max_value) {
        sem->value++;
    } else {
        rt_hw_interrupt_enable(level);
        return -RT_EFULL;
    }
    rt_hw_interrupt_enable(level);
    if (need_schedule)
        rt_schedule();
    return RT_EOK;
}

rt_err_t rt_sem_control(rt_sem_t sem, int cmd, void *arg)
{
    rt_ubase_t value = (rt_ubase_t)arg;
    rt_base_t level;

    sem_check(sem);
    if (cmd == RT_IPC_CMD_RESET) {
        /* as RT-Thread: the value is the argument itself, truncated to 16 bits */
        value = (rt_uint16_t)value;
        level = rt_hw_interrupt_disable();
        rt_ipc_wake_all(&sem->parent.suspend_thread, -RT_ERROR);
        sem->value = (rt_uint16_t)(value < sem->max_value ? value : sem->max_value);
        rt_hw_interrupt_enable(level);
        rt_schedule();
        return RT_EOK;
    }
    if (cmd == RT_IPC_CMD_SET_VLIMIT) {
        if (value == 0 || value > RT_SEM_VALUE_MAX)
            return -RT_EINVAL;
        level = rt_hw_interrupt_disable();
        sem->max_value = (rt_uint16_t)value;
        if (sem->value > value)
            sem->value = (rt_uint16_t)value;
        rt_hw_interrupt_enable(level);
        return RT_EOK;
    }
    return -RT_ERROR;
}
#endif /* RT_USING_SEMAPHORE */

/* ---------------------------------------------------------------------------------------- */
#ifdef RT_USING_EVENT

/* A macro, so that a failed assertion names the API function that was called. */
#define event_check(event)                                                             \
    do {                                                                               \
        RT_ASSERT(event != RT_NULL);                                                   \
        RT_ASSERT(rt_object_get_type(&event->parent.parent) == RT_Object_Class_Event); \
    } while (0)

static void event_setup(rt_event_t event, rt_uint8_t flag)
{
    rt_ipc_wait_init(&event->parent.suspend_thread);
    event->set = 0;
    event->parent.parent.flag = flag;
}

rt_err_t rt_event_init(rt_event_t event, const char *name, rt_uint8_t flag)
{
    RT_ASSERT(event != RT_NULL);
    if (flag != RT_IPC_FLAG_FIFO && flag != RT_IPC_FLAG_PRIO)
        return -RT_EINVAL;
    rt_object_init(&event->parent.parent, RT_Object_Class_Event, name);
    event_setup(event, flag);
    return RT_EOK;
}

rt_err_t rt_event_detach(rt_event_t event)
{
    event_check(event);
    RT_ASSERT(rt_object_is_systemobject(&event->parent.parent));
    rt_ipc_destroy_waiters(&event->parent.suspend_thread);
    rt_object_detach(&event->parent.parent);
    return RT_EOK;
}

#ifdef RT_USING_HEAP
rt_event_t rt_event_create(const char *name, rt_uint8_t flag)
{
    rt_event_t event;

    RT_DEBUG_NOT_IN_INTERRUPT;
    if (flag != RT_IPC_FLAG_FIFO && flag != RT_IPC_FLAG_PRIO)
        return RT_NULL;
    event = (rt_event_t)rt_object_allocate(RT_Object_Class_Event, name);
    if (event != RT_NULL)
        event_setup(event, flag);
    return event;
}

rt_err_t rt_event_delete(rt_event_t event)
{
    RT_DEBUG_NOT_IN_INTERRUPT;
    event_check(event);
    RT_ASSERT(!rt_object_is_systemobject(&event->parent.parent));
    rt_ipc_destroy_waiters(&event->parent.suspend_thread);
    rt_object_delete(&event->parent.parent);
    return RT_EOK;
}
#endif

/* Bits of `set` that satisfy a wait for `wanted` with option `opt`, 0 if not satisfied. */
static rt_uint32_t event_match(rt_uint32_t set, rt_uint32_t wanted, rt_uint8_t opt)
{
    if (opt & RT_EVENT_FLAG_AND)
        return (set & wanted) == wanted ? wanted : 0;
    return set & wanted;
}

rt_err_t rt_event_send(rt_event_t event, rt_uint32_t set)
{
    rt_list_t *node, *next;
    rt_uint32_t to_clear = 0;
    rt_bool_t need_schedule = RT_FALSE;
    rt_base_t level;

    event_check(event);
    if (set == 0)
        return -RT_ERROR;
    RT_OBJECT_HOOK_CALL(rt_object_put_hook, (&event->parent.parent));
    level = rt_hw_interrupt_disable();
    event->set |= set;
    rt_list_for_each_safe(node, next, &event->parent.suspend_thread)
    {
        rt_thread_t thread = rt_list_entry(node, struct rt_thread, tlist);
        rt_uint32_t got = event_match(event->set, thread->event_set, thread->event_info);

        if (got == 0)
            continue;
        thread->event_set = got;
        if (thread->event_info & RT_EVENT_FLAG_CLEAR)
            to_clear |= got;
        thread->error = RT_EOK;
        rt_thread_resume(thread);
        need_schedule = RT_TRUE;
    }
    event->set &= ~to_clear;
    rt_hw_interrupt_enable(level);
    if (need_schedule)
        rt_schedule();
    return RT_EOK;
}

static rt_bool_t event_option_valid(rt_uint8_t opt)
{
    rt_uint8_t mode = opt & (RT_EVENT_FLAG_AND | RT_EVENT_FLAG_OR);

    return (mode == RT_EVENT_FLAG_AND || mode == RT_EVENT_FLAG_OR) &&
           (opt & ~(RT_EVENT_FLAG_AND | RT_EVENT_FLAG_OR | RT_EVENT_FLAG_CLEAR)) == 0;
}

static rt_err_t event_recv(rt_event_t event, rt_uint32_t set, rt_uint8_t opt, rt_int32_t timeout,
                           rt_uint32_t *recved, int suspend_flag)
{
    rt_thread_t thread = rt_thread_self();
    rt_base_t level;
    rt_uint32_t got;
    rt_err_t result;

    event_check(event);
    if (set == 0 || !event_option_valid(opt))
        return -RT_EINVAL;
    RT_OBJECT_HOOK_CALL(rt_object_trytake_hook, (&event->parent.parent));
    level = rt_hw_interrupt_disable();
    got = event_match(event->set, set, opt);
    if (got != 0) {
        if (opt & RT_EVENT_FLAG_CLEAR)
            event->set &= ~got;
        rt_hw_interrupt_enable(level);
        if (recved != RT_NULL)
            *recved = got;
        RT_OBJECT_HOOK_CALL(rt_object_take_hook, (&event->parent.parent));
        return RT_EOK;
    }
    if (timeout == 0) {
        rt_hw_interrupt_enable(level);
        return -RT_ETIMEOUT;
    }
    RT_DEBUG_SCHEDULER_AVAILABLE(RT_TRUE);
    thread->event_set = set;
    thread->event_info = opt;
    result = rt_ipc_block(&event->parent.suspend_thread, event->parent.parent.flag, timeout,
                          suspend_flag, level);
    if (result != RT_EOK)
        return result;
    if (recved != RT_NULL)
        *recved = thread->event_set;
    RT_OBJECT_HOOK_CALL(rt_object_take_hook, (&event->parent.parent));
    return RT_EOK;
}

rt_err_t rt_event_recv(rt_event_t event, rt_uint32_t set, rt_uint8_t opt, rt_int32_t timeout,
                       rt_uint32_t *recved)
{
    return event_recv(event, set, opt, timeout, recved, RT_UNINTERRUPTIBLE);
}

rt_err_t rt_event_recv_interruptible(rt_event_t event, rt_uint32_t set, rt_uint8_t opt,
                                     rt_int32_t timeout, rt_uint32_t *recved)
{
    return event_recv(event, set, opt, timeout, recved, RT_INTERRUPTIBLE);
}

rt_err_t rt_event_recv_killable(rt_event_t event, rt_uint32_t set, rt_uint8_t opt,
                                rt_int32_t timeout, rt_uint32_t *recved)
{
    return event_recv(event, set, opt, timeout, recved, RT_KILLABLE);
}

rt_err_t rt_event_control(rt_event_t event, int cmd, void *arg)
{
    rt_base_t level;

    RT_UNUSED(arg);
    event_check(event);
    if (cmd != RT_IPC_CMD_RESET)
        return -RT_ERROR;
    level = rt_hw_interrupt_disable();
    rt_ipc_wake_all(&event->parent.suspend_thread, -RT_ERROR);
    event->set = 0;
    rt_hw_interrupt_enable(level);
    rt_schedule();
    return RT_EOK;
}
#endif /* RT_USING_EVENT */
