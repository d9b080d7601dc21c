/* rtlang kernel: recursive mutexes with (chained) priority inheritance.
 *
 * A mutex's `priority` is the best priority among its waiters (0xff with none); the wait list
 * is kept in priority order. An owner runs at the best of its own init_priority and the
 * `priority` of every mutex it holds. When a waiter's priority changes (it inherited from a
 * mutex it owns), it is re-sorted and the change propagates to the owner it waits for. */
#include "kinternal.h"

#ifdef RT_USING_MUTEX

#define MUTEX_NO_PRIORITY 0xff

/* A macro, so that a failed assertion names the API function that was called. */
#define mutex_check(mutex)                                                             \
    do {                                                                               \
        RT_ASSERT(mutex != RT_NULL);                                                   \
        RT_ASSERT(rt_object_get_type(&mutex->parent.parent) == RT_Object_Class_Mutex); \
    } while (0)

/* Effective priority `thread` should run at. Interrupts disabled. */
rt_uint8_t rt_mutex_thread_priority(rt_thread_t thread)
{
    rt_uint8_t priority = thread->init_priority;
    rt_list_t *node;

    rt_list_for_each(node, &thread->taken_object_list)
    {
        rt_mutex_t mutex = rt_list_entry(node, struct rt_mutex, taken_list);

        if (mutex->priority < priority)
            priority = mutex->priority;
        if (mutex->ceiling_priority < priority)
            priority = mutex->ceiling_priority;
    }
    return priority;
}

/* Recompute mutex->priority from its waiters and re-derive its owner's priority. */
static void mutex_update_owner(rt_mutex_t mutex)
{
    rt_list_t *waiters = &mutex->parent.suspend_thread;

    mutex->priority = rt_list_isempty(waiters)
                          ? MUTEX_NO_PRIORITY
                          : rt_list_entry(waiters->next, struct rt_thread, tlist)->current_priority;
    if (mutex->owner != RT_NULL)
        rt_thread_set_effective_priority(mutex->owner, rt_mutex_thread_priority(mutex->owner));
}

void rt_mutex_waiter_changed(rt_thread_t thread)
{
    rt_mutex_t mutex = (rt_mutex_t)thread->pending_object;

    rt_list_remove(&thread->tlist);
    rt_ipc_enqueue(&mutex->parent.suspend_thread, thread, RT_IPC_FLAG_PRIO);
    mutex_update_owner(mutex);
}

void rt_mutex_drop_thread(rt_mutex_t mutex, rt_thread_t thread)
{
    rt_base_t level = rt_hw_interrupt_disable();

    rt_list_remove(&thread->tlist);
    thread->pending_object = RT_NULL;
    mutex_update_owner(mutex);
    rt_hw_interrupt_enable(level);
}

static void mutex_setup(rt_mutex_t mutex)
{
    rt_ipc_wait_init(&mutex->parent.suspend_thread);
    mutex->ceiling_priority = MUTEX_NO_PRIORITY;
    mutex->priority = MUTEX_NO_PRIORITY;
    mutex->hold = 0;
    mutex->reserved = 0;
    mutex->owner = RT_NULL;
    rt_list_init(&mutex->taken_list);
    /* waiters are always served by priority, whatever flag was given (as RT-Thread 5) */
    mutex->parent.parent.flag = RT_IPC_FLAG_PRIO;
}

rt_err_t rt_mutex_init(rt_mutex_t mutex, const char *name, rt_uint8_t flag)
{
    RT_UNUSED(flag);
    RT_ASSERT(mutex != RT_NULL);
    rt_object_init(&mutex->parent.parent, RT_Object_Class_Mutex, name);
    mutex_setup(mutex);
    return RT_EOK;
}

/* Give the mutex to `thread` (not currently the owner). Interrupts disabled. */
static void mutex_grant(rt_mutex_t mutex, rt_thread_t thread)
{
    mutex->owner = thread;
    mutex->hold = 1;
    rt_list_insert_after(&thread->taken_object_list, &mutex->taken_list);
}

/* The owner let go completely: pass the mutex to the best waiter, if any. Interrupts
 * disabled. Returns RT_TRUE if a thread was woken. */
static rt_bool_t mutex_handoff(rt_mutex_t mutex)
{
    rt_thread_t old = mutex->owner;
    rt_thread_t next;

    rt_list_remove(&mutex->taken_list);
    mutex->owner = RT_NULL;
    mutex->hold = 0;
    if (old != RT_NULL)
        rt_thread_set_effective_priority(old, rt_mutex_thread_priority(old));
    if (rt_list_isempty(&mutex->parent.suspend_thread)) {
        mutex->priority = MUTEX_NO_PRIORITY;
        return RT_FALSE;
    }
    next = rt_list_entry(mutex->parent.suspend_thread.next, struct rt_thread, tlist);
    rt_list_remove(&next->tlist);
    next->pending_object = RT_NULL;
    mutex_grant(mutex, next);
    mutex_update_owner(mutex);
    next->error = RT_EOK;
    rt_thread_resume(next);
    return RT_TRUE;
}

/* Force-release every mutex a closing thread still holds. Interrupts disabled. */
void rt_mutex_release_all(rt_thread_t thread)
{
    while (!rt_list_isempty(&thread->taken_object_list)) {
        rt_mutex_t mutex =
            rt_list_entry(thread->taken_object_list.next, struct rt_mutex, taken_list);

        mutex_handoff(mutex);
    }
}

/* Wake all waiters with -RT_ERROR and drop the owner's inheritance (object going away). */
static void mutex_destroy(rt_mutex_t mutex)
{
    rt_base_t level = rt_hw_interrupt_disable();

    while (!rt_list_isempty(&mutex->parent.suspend_thread)) {
        rt_thread_t thread =
            rt_list_entry(mutex->parent.suspend_thread.next, struct rt_thread, tlist);

        thread->pending_object = RT_NULL;
        rt_ipc_wake_one(&mutex->parent.suspend_thread, -RT_ERROR);
    }
    if (mutex->owner != RT_NULL) {
        rt_thread_t owner = mutex->owner;

        rt_list_remove(&mutex->taken_list);
        mutex->owner = RT_NULL;
        rt_thread_set_effective_priority(owner, rt_mutex_thread_priority(owner));
    }
    rt_hw_interrupt_enable(level);
    rt_schedule();
}

rt_err_t rt_mutex_detach(rt_mutex_t mutex)
{
    mutex_check(mutex);
    RT_ASSERT(rt_object_is_systemobject(&mutex->parent.parent));
    mutex_destroy(mutex);
    rt_object_detach(&mutex->parent.parent);
    return RT_EOK;
}

#ifdef RT_USING_HEAP
rt_mutex_t rt_mutex_create(const char *name, rt_uint8_t flag)
{
    rt_mutex_t mutex;

    RT_UNUSED(flag);
    RT_DEBUG_NOT_IN_INTERRUPT;
    mutex = (rt_mutex_t)rt_object_allocate(RT_Object_Class_Mutex, name);
    if (mutex != RT_NULL)
        mutex_setup(mutex);
    return mutex;
}

rt_err_t rt_mutex_delete(rt_mutex_t mutex)
{
    RT_DEBUG_NOT_IN_INTERRUPT;
    mutex_check(mutex);
    RT_ASSERT(!rt_object_is_systemobject(&mutex->parent.parent));
    mutex_destroy(mutex);
    rt_object_delete(&mutex->parent.parent);
    return RT_EOK;
}
#endif

/* Block on a mutex owned by someone else, lending our priority to the owner chain. */
static rt_err_t mutex_wait(rt_mutex_t mutex, rt_thread_t thread, rt_int32_t timeout,
                           int suspend_flag, rt_base_t level)
{
    thread->pending_object = &mutex->parent.parent;
    thread->error = -RT_EINTR;
    rt_thread_suspend_with_flag(thread, suspend_flag);
    rt_ipc_enqueue(&mutex->parent.suspend_thread, thread, RT_IPC_FLAG_PRIO);
    mutex_update_owner(mutex);
    if (timeout > 0) {
        rt_tick_t ticks = (rt_tick_t)(timeout > KERNEL_TIMEOUT_MAX ? KERNEL_TIMEOUT_MAX : timeout);

        rt_timer_control(&thread->thread_timer, RT_TIMER_CTRL_SET_TIME, &ticks);
        rt_timer_start(&thread->thread_timer);
    }
    rt_hw_interrupt_enable(level);
    rt_schedule();
    /* on RT_EOK the releasing thread already made us the owner */
    return thread->error;
}

static rt_err_t mutex_take(rt_mutex_t mutex, rt_int32_t timeout, int suspend_flag)
{
    rt_thread_t thread = rt_thread_self();
    rt_base_t level;
    rt_err_t result = RT_EOK;

    mutex_check(mutex);
    RT_DEBUG_IN_THREAD_CONTEXT;
    RT_OBJECT_HOOK_CALL(rt_object_trytake_hook, (&mutex->parent.parent));
    level = rt_hw_interrupt_disable();
    if (mutex->owner == thread) {
        if (mutex->hold >= RT_MUTEX_HOLD_MAX)
            result = -RT_EFULL;
        else
            mutex->hold++;
    } else if (mutex->owner == RT_NULL) {
        mutex_grant(mutex, thread);
        rt_thread_set_effective_priority(thread, rt_mutex_thread_priority(thread));
    } else if (timeout == 0) {
        result = -RT_ETIMEOUT;
    } else {
        RT_DEBUG_SCHEDULER_AVAILABLE(RT_TRUE);
        result = mutex_wait(mutex, thread, timeout, suspend_flag, level);
        level = rt_hw_interrupt_disable();
    }
    rt_hw_interrupt_enable(level);
    if (result == RT_EOK)
        RT_OBJECT_HOOK_CALL(rt_object_take_hook, (&mutex->parent.parent));
    return result;
}

rt_err_t rt_mutex_take(rt_mutex_t mutex, rt_int32_t time)
{
    return mutex_take(mutex, time, RT_UNINTERRUPTIBLE);
}

rt_err_t rt_mutex_take_interruptible(rt_mutex_t mutex, rt_int32_t time)
{
    return mutex_take(mutex, time, RT_INTERRUPTIBLE);
}

rt_err_t rt_mutex_take_killable(rt_mutex_t mutex, rt_int32_t time)
{
    return mutex_take(mutex, time, RT_KILLABLE);
}

rt_err_t rt_mutex_trytake(rt_mutex_t mutex)
{
    return rt_mutex_take(mutex, RT_WAITING_NO);
}

rt_err_t rt_mutex_release(rt_mutex_t mutex)
{
    rt_thread_t thread = rt_thread_self();
    rt_bool_t need_schedule = RT_FALSE;
    rt_base_t level;

    mutex_check(mutex);
    RT_DEBUG_IN_THREAD_CONTEXT;
    level = rt_hw_interrupt_disable();
    if (mutex->owner != thread) {
        rt_hw_interrupt_enable(level);
        thread->error = -RT_ERROR;
        return -RT_ERROR;
    }
    RT_OBJECT_HOOK_CALL(rt_object_put_hook, (&mutex->parent.parent));
    if (--mutex->hold == 0) {
        mutex_handoff(mutex);
        need_schedule = RT_TRUE; /* a woken waiter or our own lowered priority */
    }
    rt_hw_interrupt_enable(level);
    if (need_schedule)
        rt_schedule();
    return RT_EOK;
}

rt_err_t rt_mutex_control(rt_mutex_t mutex, int cmd, void *arg)
{
    RT_UNUSED(cmd);
    RT_UNUSED(arg);
    mutex_check(mutex);
    return -RT_ERROR;
}

rt_uint8_t rt_mutex_setprioceiling(rt_mutex_t mutex, rt_uint8_t priority)
{
    rt_base_t level;
    rt_uint8_t old;

    mutex_check(mutex);
    if (!KERNEL_PRIORITY_VALID(priority))
        priority = MUTEX_NO_PRIORITY;
    level = rt_hw_interrupt_disable();
    old = mutex->ceiling_priority;
    mutex->ceiling_priority = priority;
    if (mutex->owner != RT_NULL)
        rt_thread_set_effective_priority(mutex->owner, rt_mutex_thread_priority(mutex->owner));
    rt_hw_interrupt_enable(level);
    rt_schedule();
    return old;
}

rt_uint8_t rt_mutex_getprioceiling(rt_mutex_t mutex)
{
    mutex_check(mutex);
    return mutex->ceiling_priority;
}

#endif /* RT_USING_MUTEX */
