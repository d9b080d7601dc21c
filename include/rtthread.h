/* rtlang kernel: public API (RT-Thread 5.x compatible).
 *
 * Conventions: functions returning rt_err_t give RT_EOK or a negated error code (-RT_ETIMEOUT,
 * -RT_EFULL...). "ISR: yes" means the function may be called from interrupt context (between
 * rt_interrupt_enter() and rt_interrupt_leave()); "ISR: no" functions may block or must not
 * be used there. Timeouts are in ticks: RT_WAITING_NO (0) never blocks, RT_WAITING_FOREVER (-1)
 * blocks without limit, a positive value blocks at most that many ticks. */
#ifndef RT_THREAD_H__
#define RT_THREAD_H__

#include <rtconfig.h>
#include <rtdef.h>
#include <rtservice.h>
#include <rtatomic.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ==========================================================================================
 * Kernel objects
 * ========================================================================================== */

/* Registers the object system (no-op kept for compatibility). */
void rt_system_object_init(void);
/* Container of class `type` (without the Static bit), or RT_NULL. ISR: yes. */
struct rt_object_information *rt_object_get_information(enum rt_object_class_type type);
/* Number of live objects of class `type`. ISR: yes. */
int rt_object_get_length(enum rt_object_class_type type);
/* Store up to `maxlen` objects of class `type` in `pointers`; returns how many. ISR: yes. */
int rt_object_get_pointers(enum rt_object_class_type type, rt_object_t *pointers, int maxlen);
/* Call iter(object, data) for each object of class `type` until it returns non-RT_EOK.
 * Returns RT_EOK, or -RT_EINVAL for an unknown type. The iterator runs in a critical section
 * (scheduler locked) and must not block. ISR: no. */
rt_err_t rt_object_for_each(rt_uint8_t type, rt_object_iter_t iter, void *data);

/* Initialise a static object and add it to its container; name is truncated to
 * RT_NAME_MAX - 1 characters (RT_NULL gives ""). ISR: yes. */
void rt_object_init(struct rt_object *object, enum rt_object_class_type type, const char *name);
/* Remove a static object from its container. ISR: yes. */
void rt_object_detach(rt_object_t object);
#ifdef RT_USING_HEAP
/* Allocate and initialise a dynamic object of class `type`; RT_NULL when out of memory. ISR: no */
rt_object_t rt_object_allocate(enum rt_object_class_type type, const char *name);
/* Remove a dynamic object from its container and free it. ISR: no. */
void rt_object_delete(rt_object_t object);
#endif
/* RT_TRUE if the object was initialised statically (rt_object_init). ISR: yes. */
rt_bool_t rt_object_is_systemobject(rt_object_t object);
/* Class of the object (without the Static bit). ISR: yes. */
rt_uint8_t rt_object_get_type(rt_object_t object);
/* Find an object of class `type` by name, RT_NULL if none. ISR: no. */
rt_object_t rt_object_find(const char *name, rt_uint8_t type);
/* Copy the object's name into name[name_size]; -RT_EINVAL on bad arguments. ISR: yes. */
rt_err_t rt_object_get_name(rt_object_t object, char *name, rt_uint8_t name_size);

#ifdef RT_USING_HOOK
void rt_object_attach_sethook(void (*hook)(struct rt_object *object));
void rt_object_detach_sethook(void (*hook)(struct rt_object *object));
void rt_object_trytake_sethook(void (*hook)(struct rt_object *object));
void rt_object_take_sethook(void (*hook)(struct rt_object *object));
void rt_object_put_sethook(void (*hook)(struct rt_object *object));
#endif

/* ==========================================================================================
 * Clock and timers
 * ========================================================================================== */

/* Ticks since boot (wraps around). ISR: yes. */
rt_tick_t rt_tick_get(void);
/* Set the tick counter. ISR: yes. */
void rt_tick_set(rt_tick_t tick);
/* Advance the clock by one tick: time slices, hard timers. Called by the port's tick ISR. */
void rt_tick_increase(void);
/* Milliseconds to ticks, rounded up; negative values give RT_WAITING_FOREVER. ISR: yes. */
rt_tick_t rt_tick_from_millisecond(rt_int32_t ms);
/* Milliseconds since boot (wraps around). ISR: yes. */
rt_tick_t rt_tick_get_millisecond(void);

void rt_system_timer_init(void);
void rt_system_timer_thread_init(void);

/* Initialise a static timer (stopped). flag: RT_TIMER_FLAG_ONE_SHOT / PERIODIC |
 * HARD_TIMER / SOFT_TIMER. ISR: yes. */
void rt_timer_init(rt_timer_t timer, const char *name, void (*timeout)(void *parameter),
                   void *parameter, rt_tick_t time, rt_uint8_t flag);
/* Stop and detach a static timer. Returns RT_EOK. ISR: yes. */
rt_err_t rt_timer_detach(rt_timer_t timer);
#ifdef RT_USING_HEAP
/* Create a timer; RT_NULL when out of memory. ISR: no. */
rt_timer_t rt_timer_create(const char *name, void (*timeout)(void *parameter), void *parameter,
                           rt_tick_t time, rt_uint8_t flag);
/* Stop and free a created timer. Returns RT_EOK. ISR: no. */
rt_err_t rt_timer_delete(rt_timer_t timer);
#endif
/* (Re)start the timer: it fires init_tick ticks from now. RT_EOK, or -RT_ERROR when
 * init_tick is too large (>= RT_TICK_MAX / 2). ISR: yes. */
rt_err_t rt_timer_start(rt_timer_t timer);
/* Stop the timer; -RT_ERROR if it was not running. ISR: yes. */
rt_err_t rt_timer_stop(rt_timer_t timer);
/* RT_TIMER_CTRL_* commands (see rtdef.h). RT_EOK, -RT_EINVAL for unknown commands. ISR: yes */
rt_err_t rt_timer_control(rt_timer_t timer, int cmd, void *arg);
/* Absolute tick of the next hard-timer expiry, RT_TICK_MAX if none. ISR: yes. */
rt_tick_t rt_timer_next_timeout_tick(void);
/* Run expired hard timers; called by rt_tick_increase(). */
void rt_timer_check(void);
#ifdef RT_USING_HOOK
void rt_timer_enter_sethook(void (*hook)(struct rt_timer *timer));
void rt_timer_exit_sethook(void (*hook)(struct rt_timer *timer));
#endif

/* ==========================================================================================
 * Threads
 * ========================================================================================== */

/* Initialise a static thread (state INIT; start it with rt_thread_startup). priority must be
 * < RT_THREAD_PRIORITY_MAX, tick > 0 is its time slice. RT_EOK or -RT_EINVAL. ISR: no. */
rt_err_t rt_thread_init(struct rt_thread *thread, const char *name, void (*entry)(void *parameter),
                        void *parameter, void *stack_start, rt_uint32_t stack_size,
                        rt_uint8_t priority, rt_uint32_t tick);
/* Close a static thread: it never runs again, leaves the thread container at once, releases
 * the mutexes it holds; its cleanup callback runs later in the idle thread. Detaching an
 * already closed thread returns RT_EOK. Detaching itself does not return. ISR: no. */
rt_err_t rt_thread_detach(rt_thread_t thread);
#ifdef RT_USING_HEAP
/* Create a thread with a heap stack; RT_NULL on bad arguments (priority, tick 0, stack
 * smaller than 16 words) or out of memory. ISR: no. */
rt_thread_t rt_thread_create(const char *name, void (*entry)(void *parameter), void *parameter,
                             rt_uint32_t stack_size, rt_uint8_t priority, rt_uint32_t tick);
/* Close a created thread and release the mutexes it holds. Another thread is freed at once;
 * a thread deleting itself (no return) or one with a cleanup callback is freed by the idle
 * thread. Deleting an already closed thread returns RT_EOK. ISR: no. */
rt_err_t rt_thread_delete(rt_thread_t thread);
#endif
/* The running thread (RT_NULL before the scheduler starts). ISR: yes. */
rt_thread_t rt_thread_self(void);
/* Find a thread by name. ISR: no. */
rt_thread_t rt_thread_find(char *name);
/* Make an INIT thread ready. RT_EOK, -RT_EINVAL if it was already started or has no entry
 * function. ISR: yes. */
rt_err_t rt_thread_startup(rt_thread_t thread);
/* Move the running thread behind its equal-priority peers. Returns RT_EOK. ISR: no. */
rt_err_t rt_thread_yield(void);
/* Sleep `tick` ticks (0: just yield). RT_EOK, or -RT_EINTR if woken early. ISR: no. */
rt_err_t rt_thread_delay(rt_tick_t tick);
/* Sleep until *tick + inc_tick and advance *tick by inc_tick (periodic loops); when that
 * time has already passed, return at once and set *tick to the current tick. ISR: no. */
rt_err_t rt_thread_delay_until(rt_tick_t *tick, rt_tick_t inc_tick);
/* Sleep `ms` milliseconds. ISR: no. */
rt_err_t rt_thread_mdelay(rt_int32_t ms);
/* Same as rt_thread_delay. */
rt_err_t rt_thread_sleep(rt_tick_t tick);
/* RT_THREAD_CTRL_STARTUP / CLOSE / CHANGE_PRIORITY (arg: rt_uint8_t *) / BIND_CPU (ignored).
 * RT_EOK, -RT_EINVAL, -RT_ENOSYS. ISR: no. */
rt_err_t rt_thread_control(rt_thread_t thread, int cmd, void *arg);
/* Suspend a ready or running thread (uninterruptible). A thread suspending itself must call
 * rt_schedule() afterwards. RT_EOK, -RT_ERROR if it is not ready/running. ISR: yes. */
rt_err_t rt_thread_suspend(rt_thread_t thread);
/* Same with a suspend flag (RT_INTERRUPTIBLE / RT_KILLABLE / RT_UNINTERRUPTIBLE). */
rt_err_t rt_thread_suspend_with_flag(rt_thread_t thread, int suspend_flag);
/* Make a suspended thread ready (its pending wait returns with thread->error). The caller
 * calls rt_schedule() to let it run. RT_EOK, -RT_ERROR if it was not suspended. ISR: yes. */
rt_err_t rt_thread_resume(rt_thread_t thread);
/* Timer callback that wakes a thread whose wait timed out (internal). */
void rt_thread_timeout(void *parameter);
/* Copy the thread's name into name[name_size]. RT_EOK or -RT_EINVAL. ISR: yes. */
rt_err_t rt_thread_get_name(rt_thread_t thread, char *name, rt_uint8_t name_size);
/* Terminate the running thread (what returning from the entry function does). ISR: no. */
void rt_thread_exit(void);

#define RT_INTERRUPTIBLE   0
#define RT_KILLABLE        1
#define RT_UNINTERRUPTIBLE 2

#ifdef RT_USING_HOOK
void rt_thread_suspend_sethook(void (*hook)(rt_thread_t thread));
void rt_thread_resume_sethook(void (*hook)(rt_thread_t thread));
void rt_thread_inited_sethook(void (*hook)(rt_thread_t thread));
#endif

/* Idle thread */
void rt_thread_idle_init(void);
#if defined(RT_USING_HOOK) || defined(RT_USING_IDLE_HOOK)
/* Add a function the idle thread calls repeatedly (must not block). RT_EOK, -RT_EFULL. */
rt_err_t rt_thread_idle_sethook(void (*hook)(void));
/* Remove it. RT_EOK, -RT_ENOSYS if it was not set. */
rt_err_t rt_thread_idle_delhook(void (*hook)(void));
#endif
rt_thread_t rt_thread_idle_gethandler(void);
/* Queue a closed thread for the idle thread to free (internal). */
void rt_thread_defunct_enqueue(rt_thread_t thread);
rt_thread_t rt_thread_defunct_dequeue(void);

/* ==========================================================================================
 * Scheduler
 * ========================================================================================== */
void rt_system_scheduler_init(void);
/* Switch to the highest-priority ready thread; never returns. */
void rt_system_scheduler_start(void);
/* Run the highest-priority ready thread if it is not the running one. In an ISR the switch
 * happens when the outermost handler returns; inside a critical section it is deferred to
 * rt_exit_critical(). ISR: yes. */
void rt_schedule(void);
void rt_schedule_insert_thread(struct rt_thread *thread);
void rt_schedule_remove_thread(struct rt_thread *thread);
/* Lock the scheduler (nests). ISR: yes. */
void rt_enter_critical(void);
/* Unlock; the outermost unlock runs a deferred rt_schedule(). ISR: yes. */
void rt_exit_critical(void);
/* Current lock nesting. ISR: yes. */
rt_uint16_t rt_critical_level(void);
/* RT_TRUE when the caller may block: scheduler started and unlocked, not in an ISR. */
rt_bool_t rt_scheduler_is_available(void);
#ifdef RT_USING_HOOK
void rt_scheduler_sethook(void (*hook)(rt_thread_t from, rt_thread_t to));
void rt_scheduler_switch_sethook(void (*hook)(struct rt_thread *tid));
#endif
#ifdef RT_USING_OVERFLOW_CHECK
/* Check `thread`'s stack: the lowest byte must still be the '#' fill and sp must lie inside
 * the stack. On overflow print "thread:<name> stack overflow", then call the overflow hook; halt
 * unless the hook returns RT_EOK. Done automatically for both threads of every switch. */
void rt_scheduler_stack_check(struct rt_thread *thread);
#ifdef RT_USING_HOOK
void rt_scheduler_stack_overflow_sethook(rt_err_t (*hook)(struct rt_thread *thread));
#endif
#endif

/* Spinlocks (5.x API): on a uniprocessor they lock the scheduler / mask interrupts. */
struct rt_spinlock {
    rt_uint8_t unused;
};
#define RT_SPINLOCK_INIT \
    {                    \
        0                \
    }
#define RT_DEFINE_SPINLOCK(x) struct rt_spinlock x = RT_SPINLOCK_INIT
rt_inline void rt_spin_lock_init(struct rt_spinlock *lock)
{
    RT_UNUSED(lock);
}
void rt_spin_lock(struct rt_spinlock *lock);
void rt_spin_unlock(struct rt_spinlock *lock);
rt_base_t rt_spin_lock_irqsave(struct rt_spinlock *lock);
void rt_spin_unlock_irqrestore(struct rt_spinlock *lock, rt_base_t level);

/* ==========================================================================================
 * Semaphores, mutexes, events, mailboxes, message queues
 * (init/detach for static objects, create/delete for heap objects; flag RT_IPC_FLAG_FIFO or
 * RT_IPC_FLAG_PRIO selects the order waiters are woken in)
 * ========================================================================================== */
#ifdef RT_USING_SEMAPHORE
/* value <= 65535. RT_EOK, -RT_EINVAL. ISR: yes. Detach/delete wake waiters with -RT_ERROR. */
rt_err_t rt_sem_init(rt_sem_t sem, const char *name, rt_uint32_t value, rt_uint8_t flag);
rt_err_t rt_sem_detach(rt_sem_t sem);
#ifdef RT_USING_HEAP
rt_sem_t rt_sem_create(const char *name, rt_uint32_t value, rt_uint8_t flag);
rt_err_t rt_sem_delete(rt_sem_t sem);
#endif
/* RT_EOK; -RT_ETIMEOUT when not available in time; -RT_ERROR when deleted while waiting;
 * -RT_EINTR. ISR: only with RT_WAITING_NO. */
rt_err_t rt_sem_take(rt_sem_t sem, rt_int32_t timeout);
rt_err_t rt_sem_take_interruptible(rt_sem_t sem, rt_int32_t timeout);
rt_err_t rt_sem_take_killable(rt_sem_t sem, rt_int32_t timeout);
/* rt_sem_take(sem, RT_WAITING_NO). ISR: yes. */
rt_err_t rt_sem_trytake(rt_sem_t sem);
/* Wake the first waiter or increment the count. RT_EOK, -RT_EFULL at max_value. ISR: yes. */
rt_err_t rt_sem_release(rt_sem_t sem);
/* RT_IPC_CMD_RESET: wake all waiters with -RT_ERROR and set the count to (rt_uint16_t)arg
 * (clamped to max_value); RT_IPC_CMD_SET_VLIMIT: arg is the new max_value (1..65535, else
 * -RT_EINVAL). Other commands: -RT_ERROR. ISR: no. */
rt_err_t rt_sem_control(rt_sem_t sem, int cmd, void *arg);
#endif

#ifdef RT_USING_MUTEX
/* Recursive mutex with priority inheritance. ISR: no (none of the mutex functions). */
rt_err_t rt_mutex_init(rt_mutex_t mutex, const char *name, rt_uint8_t flag);
rt_err_t rt_mutex_detach(rt_mutex_t mutex);
#ifdef RT_USING_HEAP
rt_mutex_t rt_mutex_create(const char *name, rt_uint8_t flag);
rt_err_t rt_mutex_delete(rt_mutex_t mutex);
#endif
/* RT_EOK; -RT_ETIMEOUT; -RT_ERROR if deleted while waiting; -RT_EFULL at hold overflow. */
rt_err_t rt_mutex_take(rt_mutex_t mutex, rt_int32_t time);
rt_err_t rt_mutex_take_interruptible(rt_mutex_t mutex, rt_int32_t time);
rt_err_t rt_mutex_take_killable(rt_mutex_t mutex, rt_int32_t time);
rt_err_t rt_mutex_trytake(rt_mutex_t mutex);
/* RT_EOK; -RT_ERROR if the caller is not the owner. */
rt_err_t rt_mutex_release(rt_mutex_t mutex);
rt_err_t rt_mutex_control(rt_mutex_t mutex, int cmd, void *arg);
/* Remove a waiting thread from its mutex and recompute the owner's priority (internal). */
void rt_mutex_drop_thread(rt_mutex_t mutex, rt_thread_t thread);
/* Set / get the priority ceiling; set returns the previous one. */
rt_uint8_t rt_mutex_setprioceiling(rt_mutex_t mutex, rt_uint8_t priority);
rt_uint8_t rt_mutex_getprioceiling(rt_mutex_t mutex);
#endif

#ifdef RT_USING_EVENT
rt_err_t rt_event_init(rt_event_t event, const char *name, rt_uint8_t flag);
rt_err_t rt_event_detach(rt_event_t event);
#ifdef RT_USING_HEAP
rt_event_t rt_event_create(const char *name, rt_uint8_t flag);
rt_err_t rt_event_delete(rt_event_t event);
#endif
/* OR `set` into the event and wake satisfied receivers. RT_EOK, -RT_ERROR if set is 0.
 * ISR: yes. */
rt_err_t rt_event_send(rt_event_t event, rt_uint32_t set);
/* Wait for bits of `set` (option: RT_EVENT_FLAG_AND or OR, optionally | CLEAR). The bits
 * that satisfied it are stored in *recved (may be RT_NULL). RT_EOK, -RT_ETIMEOUT,
 * -RT_EINVAL, -RT_ERROR. ISR: only with RT_WAITING_NO. */
rt_err_t rt_event_recv(rt_event_t event, rt_uint32_t set, rt_uint8_t opt, rt_int32_t timeout,
                       rt_uint32_t *recved);
rt_err_t rt_event_recv_interruptible(rt_event_t event, rt_uint32_t set, rt_uint8_t opt,
                                     rt_int32_t timeout, rt_uint32_t *recved);
rt_err_t rt_event_recv_killable(rt_event_t event, rt_uint32_t set, rt_uint8_t opt,
                                rt_int32_t timeout, rt_uint32_t *recved);
/* RT_IPC_CMD_RESET clears all bits and wakes waiters with -RT_ERROR. */
rt_err_t rt_event_control(rt_event_t event, int cmd, void *arg);
#endif

#ifdef RT_USING_MAILBOX
/* size: capacity in mails (rt_ubase_t each); msgpool holds size mails. */
rt_err_t rt_mb_init(rt_mailbox_t mb, const char *name, void *msgpool, rt_size_t size,
                    rt_uint8_t flag);
rt_err_t rt_mb_detach(rt_mailbox_t mb);
#ifdef RT_USING_HEAP
rt_mailbox_t rt_mb_create(const char *name, rt_size_t size, rt_uint8_t flag);
rt_err_t rt_mb_delete(rt_mailbox_t mb);
#endif
/* RT_EOK, -RT_EFULL when full. ISR: yes. */
rt_err_t rt_mb_send(rt_mailbox_t mb, rt_ubase_t value);
/* Wait up to `timeout` for room. RT_EOK, -RT_EFULL, -RT_ETIMEOUT. ISR: only RT_WAITING_NO */
rt_err_t rt_mb_send_wait(rt_mailbox_t mb, rt_ubase_t value, rt_int32_t timeout);
rt_err_t rt_mb_send_wait_interruptible(rt_mailbox_t mb, rt_ubase_t value, rt_int32_t timeout);
rt_err_t rt_mb_send_wait_killable(rt_mailbox_t mb, rt_ubase_t value, rt_int32_t timeout);
/* Put the mail at the front. RT_EOK, -RT_EFULL. ISR: yes. */
rt_err_t rt_mb_urgent(rt_mailbox_t mb, rt_ubase_t value);
/* RT_EOK, -RT_ETIMEOUT. ISR: only with RT_WAITING_NO. */
rt_err_t rt_mb_recv(rt_mailbox_t mb, rt_ubase_t *value, rt_int32_t timeout);
rt_err_t rt_mb_recv_interruptible(rt_mailbox_t mb, rt_ubase_t *value, rt_int32_t timeout);
rt_err_t rt_mb_recv_killable(rt_mailbox_t mb, rt_ubase_t *value, rt_int32_t timeout);
rt_err_t rt_mb_control(rt_mailbox_t mb, int cmd, void *arg);
#endif

#ifdef RT_USING_MESSAGEQUEUE
/* msg_size: longest message; pool_size: bytes of msgpool, each message takes
 * RT_ALIGN(msg_size, RT_ALIGN_SIZE) + 2 * sizeof(void *) (a link and the length). */
rt_err_t rt_mq_init(rt_mq_t mq, const char *name, void *msgpool, rt_size_t msg_size,
                    rt_size_t pool_size, rt_uint8_t flag);
rt_err_t rt_mq_detach(rt_mq_t mq);
#ifdef RT_USING_HEAP
rt_mq_t rt_mq_create(const char *name, rt_size_t msg_size, rt_size_t max_msgs, rt_uint8_t flag);
rt_err_t rt_mq_delete(rt_mq_t mq);
#endif
/* RT_EOK, -RT_EFULL, -RT_ERROR if size > msg_size. ISR: yes. */
rt_err_t rt_mq_send(rt_mq_t mq, const void *buffer, rt_size_t size);
rt_err_t rt_mq_send_interruptible(rt_mq_t mq, const void *buffer, rt_size_t size);
rt_err_t rt_mq_send_killable(rt_mq_t mq, const void *buffer, rt_size_t size);
/* RT_EOK, -RT_EFULL, -RT_ETIMEOUT, -RT_ERROR. ISR: only with RT_WAITING_NO. */
rt_err_t rt_mq_send_wait(rt_mq_t mq, const void *buffer, rt_size_t size, rt_int32_t timeout);
rt_err_t rt_mq_send_wait_interruptible(rt_mq_t mq, const void *buffer, rt_size_t size,
                                       rt_int32_t timeout);
rt_err_t rt_mq_send_wait_killable(rt_mq_t mq, const void *buffer, rt_size_t size,
                                  rt_int32_t timeout);
/* Put the message at the front. RT_EOK, -RT_EFULL, -RT_ERROR. ISR: yes. */
rt_err_t rt_mq_urgent(rt_mq_t mq, const void *buffer, rt_size_t size);
/* Receive into buffer[size] (truncating longer messages). Returns the number of bytes
 * copied, -RT_ETIMEOUT, or -RT_ERROR. ISR: only with RT_WAITING_NO. */
rt_ssize_t rt_mq_recv(rt_mq_t mq, void *buffer, rt_size_t size, rt_int32_t timeout);
rt_ssize_t rt_mq_recv_interruptible(rt_mq_t mq, void *buffer, rt_size_t size, rt_int32_t timeout);
rt_ssize_t rt_mq_recv_killable(rt_mq_t mq, void *buffer, rt_size_t size, rt_int32_t timeout);
rt_err_t rt_mq_control(rt_mq_t mq, int cmd, void *arg);
#endif

/* ==========================================================================================
 * Memory
 * ========================================================================================== */
#ifdef RT_USING_MEMPOOL
/* Fixed-size block pool over `size` bytes at `start`; each block costs RT_ALIGN(block_size,
 * RT_ALIGN_SIZE) plus a pointer-sized header rounded up to RT_ALIGN_SIZE, and blocks are
 * RT_ALIGN_SIZE-aligned. RT_EOK, -RT_EINVAL. ISR: no. */
rt_err_t rt_mp_init(struct rt_mempool *mp, const char *name, void *start, rt_size_t size,
                    rt_size_t block_size);
rt_err_t rt_mp_detach(struct rt_mempool *mp);
#ifdef RT_USING_HEAP
rt_mp_t rt_mp_create(const char *name, rt_size_t block_count, rt_size_t block_size);
rt_err_t rt_mp_delete(rt_mp_t mp);
#endif
/* A block, or RT_NULL if none became free in time. ISR: only with RT_WAITING_NO. */
void *rt_mp_alloc(rt_mp_t mp, rt_int32_t time);
/* Return a block (RT_NULL is ignored). ISR: yes. */
void rt_mp_free(void *block);
#ifdef RT_USING_HOOK
void rt_mp_alloc_sethook(void (*hook)(struct rt_mempool *mp, void *block));
void rt_mp_free_sethook(void (*hook)(struct rt_mempool *mp, void *block));
#endif
#endif

#ifdef RT_USING_HEAP
/* Give the system heap the memory [begin_addr, end_addr). Called by the board. */
void rt_system_heap_init(void *begin_addr, void *end_addr);
/* All heap functions: ISR: no. They return RT_NULL when out of memory. */
void *rt_malloc(rt_size_t size);
void rt_free(void *ptr);
/* realloc(ptr, 0) frees and returns RT_NULL; realloc(RT_NULL, n) is malloc(n). */
void *rt_realloc(void *ptr, rt_size_t newsize);
/* Zeroed memory; RT_NULL also when count * size overflows. */
void *rt_calloc(rt_size_t count, rt_size_t size);
/* `align` must be a power of two; free with rt_free_align. */
void *rt_malloc_align(rt_size_t size, rt_size_t align);
void rt_free_align(void *ptr);
/* Heap statistics in bytes (any pointer may be RT_NULL). */
void rt_memory_info(rt_size_t *total, rt_size_t *used, rt_size_t *max_used);
#ifdef RT_USING_HOOK
void rt_malloc_sethook(void (*hook)(void *ptr, rt_size_t size));
void rt_free_sethook(void (*hook)(void *ptr));
#endif
#endif

#ifdef RT_USING_SMALL_MEM
/* Independent small-memory heaps (the system heap is one of them). */
rt_smem_t rt_smem_init(const char *name, void *begin_addr, rt_size_t size);
rt_err_t rt_smem_detach(rt_smem_t m);
void *rt_smem_alloc(rt_smem_t m, rt_size_t size);
void *rt_smem_realloc(rt_smem_t m, void *rmem, rt_size_t newsize);
void rt_smem_free(void *rmem);
#endif

/* ==========================================================================================
 * Devices
 * ========================================================================================== */
#ifdef RT_USING_DEVICE
/* Find a registered device by name. ISR: no. */
rt_device_t rt_device_find(const char *name);
/* Register under `name` (flags: RT_DEVICE_FLAG_*). RT_EOK, -RT_ERROR if the name is taken,
 * -RT_EINVAL. ISR: no. */
rt_err_t rt_device_register(rt_device_t dev, const char *name, rt_uint16_t flags);
rt_err_t rt_device_unregister(rt_device_t dev);
#ifdef RT_USING_HEAP
/* Allocate a device object followed by attach_size bytes (user_data points there). */
rt_device_t rt_device_create(int type, int attach_size);
void rt_device_destroy(rt_device_t device);
#endif
rt_err_t rt_device_set_rx_indicate(rt_device_t dev,
                                   rt_err_t (*rx_ind)(rt_device_t dev, rt_size_t size));
rt_err_t rt_device_set_tx_complete(rt_device_t dev,
                                   rt_err_t (*tx_done)(rt_device_t dev, void *buffer));
/* Run the driver's init once (sets RT_DEVICE_FLAG_ACTIVATED). ISR: no. */
rt_err_t rt_device_init(rt_device_t dev);
/* Open (initialising on first use; the driver open runs again when oflag differs). RT_EOK,
 * -RT_EBUSY for an already open STANDALONE device, driver errors. ISR: no. */
rt_err_t rt_device_open(rt_device_t dev, rt_uint16_t oflag);
/* RT_EOK, -RT_ERROR if not open, driver errors. ISR: no. */
rt_err_t rt_device_close(rt_device_t dev);
/* Bytes transferred, 0 with errno set to -RT_ENOSYS when unsupported, or a negative code.
 * ISR: driver dependent. */
rt_ssize_t rt_device_read(rt_device_t dev, rt_off_t pos, void *buffer, rt_size_t size);
rt_ssize_t rt_device_write(rt_device_t dev, rt_off_t pos, const void *buffer, rt_size_t size);
/* RT_EOK, -RT_ENOSYS when the driver has no control, driver errors. */
rt_err_t rt_device_control(rt_device_t dev, int cmd, void *arg);
#endif

/* ==========================================================================================
 * Interrupts, errno
 * ========================================================================================== */
/* Mark entry into / exit from an ISR; the port calls them around each handler. */
void rt_interrupt_enter(void);
void rt_interrupt_leave(void);
/* Interrupt nesting depth: non-zero inside an ISR. ISR: yes. */
rt_uint8_t rt_interrupt_get_nest(void);
#ifdef RT_USING_HOOK
void rt_interrupt_enter_sethook(void (*hook)(void));
void rt_interrupt_leave_sethook(void (*hook)(void));
#endif

/* errno of the running thread (or of interrupt context). ISR: yes. */
rt_err_t rt_get_errno(void);
void rt_set_errno(rt_err_t no);
int *_rt_errno(void);

/* ==========================================================================================
 * Startup and automatic initialisation
 * ========================================================================================== */
/* Boot the kernel: board init, scheduler, main thread; never returns. */
int rtthread_startup(void);
/* Create the thread that runs rt_components_init() then main(). */
void rt_application_init(void);
/* Level 1 (INIT_BOARD_EXPORT) functions; called by the board. */
void rt_components_board_init(void);
/* Levels 2..6; called by the main thread before main(). */
void rt_components_init(void);

/* ==========================================================================================
 * Console and kernel C library
 * ========================================================================================== */
/* Formatted output to the console (see rt_vsnprintf for the formats); output longer than
 * RT_CONSOLEBUF_SIZE - 1 is truncated. Returns the number of characters output. ISR: yes. */
int rt_kprintf(const char *fmt, ...);
/* Write a string to the console. ISR: yes. */
void rt_kputs(const char *str);
/* printf-style formatting: flags "-+ #0", width and precision (also "*"), length modifiers
 * h hh l ll z, conversions d i u x X o s c p %. Output is always NUL-terminated when size > 0;
 * returns the length the full output needs. ISR: yes. */
int rt_vsnprintf(char *buf, rt_size_t size, const char *fmt, va_list args);
int rt_snprintf(char *buf, rt_size_t size, const char *format, ...);
int rt_vsprintf(char *dest, const char *format, va_list arg_ptr);
int rt_sprintf(char *buf, const char *format, ...);

#ifdef RT_USING_DEVICE
/* Make device `name` the console; returns the previous console device (or RT_NULL). */
rt_device_t rt_console_set_device(const char *name);
rt_device_t rt_console_get_device(void);
#endif

/**
 * rtlang extension: capture the console output of the calling thread.
 *
 * While active, everything rt_kprintf()/rt_kputs() print from the calling thread goes into
 * `buf` (kept NUL-terminated, silently truncated at size - 1 bytes) instead of the console;
 * other threads and ISRs still print to the console. Used by the shell's capture API
 * (Python's rtthread.msh()).
 * @return RT_EOK; -RT_EINVAL if buf is RT_NULL or size is 0 or there is no thread context;
 *         -RT_EBUSY if the calling thread is already capturing. ISR: no.
 */
rt_err_t rt_console_capture_start(char *buf, rt_size_t size);
/**
 * End the calling thread's capture. Returns the number of bytes the captured output needed
 * (may be more than size - 1 when it was truncated); 0 if no capture was active. ISR: no.
 */
rt_size_t rt_console_capture_stop(void);

void rt_show_version(void);
/* RT-Thread's short name of an error code ("OK", "ERROR", "ETIMOUT", "ERSFULL", "ERSEPTY",
 * "ENOMEM", "ENOSYS", "EBUSY", "EIO", "EINTRPT", "EINVAL"...; "EUNKNOW" for others), given the
 * code positive or negated. ISR: yes. */
const char *rt_strerror(rt_err_t error);

void *rt_memset(void *src, int c, rt_ubase_t n);
void *rt_memcpy(void *dst, const void *src, rt_ubase_t count);
void *rt_memmove(void *dest, const void *src, rt_size_t n);
rt_int32_t rt_memcmp(const void *cs, const void *ct, rt_size_t count);
char *rt_strdup(const char *s);
char *rt_strstr(const char *str1, const char *str2);
rt_int32_t rt_strcasecmp(const char *a, const char *b);
char *rt_strcpy(char *dst, const char *src);
char *rt_strncpy(char *dest, const char *src, rt_size_t n);
rt_int32_t rt_strncmp(const char *cs, const char *ct, rt_size_t count);
rt_int32_t rt_strcmp(const char *cs, const char *ct);
rt_size_t rt_strlen(const char *src);
rt_size_t rt_strnlen(const char *s, rt_ubase_t maxlen);
/* 1-based index of the least significant set bit, 0 for 0. */
int __rt_ffs(int value);

/* ==========================================================================================
 * Assertions and debug checks
 * ========================================================================================== */
/* Print "(<ex>) assertion failed at function:<func>, line number:<line>" and halt (or call
 * the hook set with rt_assert_set_hook). */
void rt_assert_handler(const char *ex, const char *func, rt_size_t line);
void rt_assert_set_hook(void (*hook)(const char *ex, const char *func, rt_size_t line));

#if defined(RT_DEBUG) || defined(RT_USING_DEBUG)
#define RT_ASSERT(EX)                                   \
    do {                                                \
        if (!(EX))                                      \
            rt_assert_handler(#EX, __func__, __LINE__); \
    } while (0)
#else
#define RT_ASSERT(EX) ((void)0)
#endif

/* Kernel context checks: assert that the caller may block. */
void rt_debug_not_in_interrupt(const char *func);
void rt_debug_in_thread_context(const char *func);
void rt_debug_scheduler_available(const char *func, rt_bool_t need_check);
#define RT_DEBUG_NOT_IN_INTERRUPT                rt_debug_not_in_interrupt(__func__)
#define RT_DEBUG_IN_THREAD_CONTEXT               rt_debug_in_thread_context(__func__)
#define RT_DEBUG_SCHEDULER_AVAILABLE(need_check) rt_debug_scheduler_available(__func__, need_check)
#define RT_DEBUG_LOG(type, message) \
    do {                            \
        if (type)                   \
            rt_kprintf message;     \
    } while (0)

/* Kernel allocation wrappers used by components. */
#ifdef RT_USING_HEAP
#define RT_KERNEL_MALLOC(sz)       rt_malloc(sz)
#define RT_KERNEL_FREE(ptr)        rt_free(ptr)
#define RT_KERNEL_REALLOC(ptr, sz) rt_realloc(ptr, sz)
#endif

#ifdef RT_USING_FINSH
#include <finsh.h>
#endif

#ifdef __cplusplus
}
#endif

#endif /* RT_THREAD_H__ */
