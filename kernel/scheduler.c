/* rtlang kernel: uniprocessor priority scheduler (ready queues, bitmap, critical sections). */
#include "kinternal.h"

static rt_list_t sched_ready[RT_THREAD_PRIORITY_MAX];
static rt_uint32_t sched_ready_group; /* bit n: some thread ready at priority n (or group n) */
#if RT_THREAD_PRIORITY_MAX > 32
static rt_uint8_t sched_ready_table[32]; /* per group of 8 priorities: bit per priority */
#endif

static struct rt_thread *sched_current;
static rt_uint8_t sched_current_priority;
static volatile rt_uint16_t sched_lock_nest;
static rt_bool_t sched_started;

#ifdef RT_USING_HOOK
static void (*sched_hook)(struct rt_thread *from, struct rt_thread *to);
static void (*sched_switch_hook)(struct rt_thread *tid);

/* Called with interrupts disabled on every switch decision, before the context switch. */
void rt_scheduler_sethook(void (*hook)(struct rt_thread *from, struct rt_thread *to))
{
    sched_hook = hook;
}

/* Called with interrupts disabled with the thread being switched to. */
void rt_scheduler_switch_sethook(void (*hook)(struct rt_thread *tid))
{
    sched_switch_hook = hook;
}
#endif

int __rt_ffs(int value)
{
    return __builtin_ffs(value);
}

/* Highest (numerically lowest) ready priority; only meaningful when sched_ready_group != 0. */
static rt_uint8_t sched_highest(void)
{
#if RT_THREAD_PRIORITY_MAX > 32
    rt_ubase_t group = (rt_ubase_t)__rt_ffs((int)sched_ready_group) - 1;

    return (rt_uint8_t)((group << 3) + (rt_ubase_t)__rt_ffs(sched_ready_table[group]) - 1);
#else
    return (rt_uint8_t)(__rt_ffs((int)sched_ready_group) - 1);
#endif
}

void rt_system_scheduler_init(void)
{
    int i;

    for (i = 0; i < RT_THREAD_PRIORITY_MAX; i++)
        rt_list_init(&sched_ready[i]);
    sched_ready_group = 0;
#if RT_THREAD_PRIORITY_MAX > 32
    rt_memset(sched_ready_table, 0, sizeof(sched_ready_table));
#endif
    sched_current = RT_NULL;
    sched_current_priority = RT_THREAD_PRIORITY_MAX - 1;
    sched_lock_nest = 0;
}

rt_bool_t rt_sched_is_started(void)
{
    return sched_started;
}

static void sched_mark_ready(struct rt_thread *thread)
{
#if RT_THREAD_PRIORITY_MAX > 32
    sched_ready_table[thread->number] |= thread->high_mask;
#endif
    sched_ready_group |= thread->number_mask;
}

static void sched_insert(struct rt_thread *thread, rt_bool_t at_head)
{
    rt_base_t level = rt_hw_interrupt_disable();
    rt_list_t *queue = &sched_ready[thread->current_priority];

    RT_ASSERT(thread->current_priority < RT_THREAD_PRIORITY_MAX);
    thread->stat = RT_THREAD_READY | (thread->stat & ~RT_THREAD_STAT_MASK);
    if (at_head)
        rt_list_insert_after(queue, &thread->tlist);
    else
        rt_list_insert_before(queue, &thread->tlist);
    sched_mark_ready(thread);
    rt_hw_interrupt_enable(level);
}

/* Make `thread` ready, behind the ready threads of its priority. */
void rt_schedule_insert_thread(struct rt_thread *thread)
{
    RT_ASSERT(thread != RT_NULL);
    sched_insert(thread, RT_FALSE);
}

/* Make `thread` ready, ahead of the ready threads of its priority (it was preempted). */
void rt_sched_insert_head(struct rt_thread *thread)
{
    sched_insert(thread, RT_TRUE);
}

/* Take a READY thread out of the ready queue. */
void rt_schedule_remove_thread(struct rt_thread *thread)
{
    rt_base_t level = rt_hw_interrupt_disable();
    rt_uint8_t prio = thread->current_priority;

    rt_list_remove(&thread->tlist);
    if (rt_list_isempty(&sched_ready[prio])) {
#if RT_THREAD_PRIORITY_MAX > 32
        sched_ready_table[thread->number] &= ~thread->high_mask;
        if (sched_ready_table[thread->number] == 0)
            sched_ready_group &= ~thread->number_mask;
#else
        sched_ready_group &= ~thread->number_mask;
#endif
    }
    rt_hw_interrupt_enable(level);
}

#ifdef RT_USING_OVERFLOW_CHECK
#ifdef RT_USING_HOOK
static rt_err_t (*sched_overflow_hook)(struct rt_thread *thread);

/* Hook called on a detected stack overflow; returning RT_EOK lets the system continue. */
void rt_scheduler_stack_overflow_sethook(rt_err_t (*hook)(struct rt_thread *thread))
{
    sched_overflow_hook = hook;
}
#endif

void rt_scheduler_stack_check(struct rt_thread *thread)
{
    rt_ubase_t low = (rt_ubase_t)thread->stack_addr;
    rt_ubase_t sp = (rt_ubase_t)thread->sp;
    rt_err_t verdict = -RT_ERROR;

    if (*(rt_uint8_t *)thread->stack_addr == '#' && sp > low && sp <= low + thread->stack_size)
        return;
    rt_kernel_report("thread:%s stack overflow\n", thread->parent.name);
#ifdef RT_USING_HOOK
    if (sched_overflow_hook != RT_NULL)
        verdict = sched_overflow_hook(thread);
#endif
    if (verdict != RT_EOK)
        rt_kernel_halt();
}
#endif

/* Pick the next thread; returns RT_NULL to keep the running one. Interrupts disabled. */
static struct rt_thread *sched_pick(void)
{
    struct rt_thread *cur = sched_current;
    struct rt_thread *next;
    rt_uint8_t highest;

    if (sched_ready_group == 0) {
        cur->stat &= ~RT_THREAD_STAT_YIELD; /* nothing else can run: a yield is over */
        return RT_NULL;
    }
    highest = sched_highest();
    if ((cur->stat & RT_THREAD_STAT_MASK) == RT_THREAD_RUNNING) {
        rt_bool_t yielded = (cur->stat & RT_THREAD_STAT_YIELD) != 0;

        cur->stat &= ~RT_THREAD_STAT_YIELD;
        if (cur->current_priority < highest || (cur->current_priority == highest && !yielded))
            return RT_NULL;
        sched_insert(cur, !yielded); /* preempted: keeps its turn */
    }
    next = rt_list_entry(sched_ready[highest].next, struct rt_thread, tlist);
    rt_schedule_remove_thread(next);
    next->stat = RT_THREAD_RUNNING | (next->stat & ~RT_THREAD_STAT_MASK);
    return next;
}

void rt_schedule(void)
{
    rt_base_t level = rt_hw_interrupt_disable();
    struct rt_thread *from = sched_current;
    struct rt_thread *to;

    if (!sched_started || sched_lock_nest > 0 || (to = sched_pick()) == RT_NULL || to == from) {
        rt_hw_interrupt_enable(level);
        return;
    }
    sched_current = to;
    sched_current_priority = to->current_priority;
    RT_OBJECT_HOOK_CALL(sched_hook, (from, to));
#ifdef RT_USING_OVERFLOW_CHECK
    if ((from->stat & RT_THREAD_STAT_MASK) != RT_THREAD_CLOSE)
        rt_scheduler_stack_check(from);
    rt_scheduler_stack_check(to);
#endif
    if (rt_interrupt_get_nest() == 0) {
        RT_OBJECT_HOOK_CALL(sched_switch_hook, (to));
        rt_hw_context_switch((rt_ubase_t)&from->sp, (rt_ubase_t)&to->sp);
    } else {
        rt_hw_context_switch_interrupt((rt_ubase_t)&from->sp, (rt_ubase_t)&to->sp, from, to);
    }
    rt_hw_interrupt_enable(level);
}

void rt_system_scheduler_start(void)
{
    struct rt_thread *to;
    rt_uint8_t highest;

    rt_hw_interrupt_disable();
    RT_ASSERT(sched_ready_group != 0);
    highest = sched_highest();
    to = rt_list_entry(sched_ready[highest].next, struct rt_thread, tlist);
    rt_schedule_remove_thread(to);
    to->stat = RT_THREAD_RUNNING | (to->stat & ~RT_THREAD_STAT_MASK);
    sched_current = to;
    sched_current_priority = highest;
    sched_started = RT_TRUE;
    rt_hw_context_switch_to((rt_ubase_t)&to->sp);
    /* never returns */
}

rt_thread_t rt_thread_self(void)
{
    return sched_current;
}

void rt_enter_critical(void)
{
    rt_base_t level = rt_hw_interrupt_disable();

    sched_lock_nest++;
    rt_hw_interrupt_enable(level);
}

void rt_exit_critical(void)
{
    rt_base_t level = rt_hw_interrupt_disable();

    RT_ASSERT(sched_lock_nest > 0);
    if (sched_lock_nest > 0)
        sched_lock_nest--;
    if (sched_lock_nest == 0) {
        rt_hw_interrupt_enable(level);
        if (sched_current != RT_NULL)
            rt_schedule();
        return;
    }
    rt_hw_interrupt_enable(level);
}

rt_uint16_t rt_critical_level(void)
{
    return sched_lock_nest;
}

rt_bool_t rt_scheduler_is_available(void)
{
    return sched_started && sched_lock_nest == 0 && rt_interrupt_get_nest() == 0;
}

void rt_spin_lock(struct rt_spinlock *lock)
{
    RT_UNUSED(lock);
    rt_enter_critical();
}

void rt_spin_unlock(struct rt_spinlock *lock)
{
    RT_UNUSED(lock);
    rt_exit_critical();
}

rt_base_t rt_spin_lock_irqsave(struct rt_spinlock *lock)
{
    RT_UNUSED(lock);
    return rt_hw_interrupt_disable();
}

void rt_spin_unlock_irqrestore(struct rt_spinlock *lock, rt_base_t level)
{
    RT_UNUSED(lock);
    rt_hw_interrupt_enable(level);
}
