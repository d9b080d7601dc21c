/* rtlang kernel: one-shot and periodic timers, hard (tick ISR) and soft ("timer" thread).
 *
 * Active timers sit in a list sorted by timeout_tick. Tick values wrap around, so times are
 * compared by their signed difference; every active timer lies less than RT_TICK_MAX / 2
 * ticks ahead, which rt_timer_start() enforces. */
#include "kinternal.h"

static rt_list_t timer_hard_list = RT_LIST_OBJECT_INIT(timer_hard_list);
#ifdef RT_USING_TIMER_SOFT
static rt_list_t timer_soft_list = RT_LIST_OBJECT_INIT(timer_soft_list);
static struct rt_thread timer_thread;
static rt_uint8_t timer_thread_stack[RT_TIMER_THREAD_STACK_SIZE]
    __attribute__((aligned(RT_ALIGN_SIZE)));
#endif

#ifdef RT_USING_HOOK
static void (*timer_enter_hook)(struct rt_timer *timer);
static void (*timer_exit_hook)(struct rt_timer *timer);

/* Called before each timeout callback (in the callback's context). */
void rt_timer_enter_sethook(void (*hook)(struct rt_timer *timer))
{
    timer_enter_hook = hook;
}

/* Called after each timeout callback. */
void rt_timer_exit_sethook(void (*hook)(struct rt_timer *timer))
{
    timer_exit_hook = hook;
}
#endif

/* a is at or after b, on the wrapping tick line */
static rt_bool_t timer_tick_reached(rt_tick_t a, rt_tick_t b)
{
    return (rt_int32_t)(a - b) >= 0;
}

static rt_list_t *timer_list_of(rt_timer_t timer)
{
#ifdef RT_USING_TIMER_SOFT
    if (timer->parent.flag & RT_TIMER_FLAG_SOFT_TIMER)
        return &timer_soft_list;
#endif
    return &timer_hard_list;
}

static void timer_init_fields(rt_timer_t timer, void (*timeout)(void *), void *parameter,
                              rt_tick_t time, rt_uint8_t flag)
{
    int i;

    timer->parent.flag = flag & (rt_uint8_t)~RT_TIMER_FLAG_ACTIVATED;
    timer->timeout_func = timeout;
    timer->parameter = parameter;
    timer->timeout_tick = 0;
    timer->init_tick = time;
    for (i = 0; i < RT_TIMER_SKIP_LIST_LEVEL; i++)
        rt_list_init(&timer->row[i]);
}

void rt_timer_init(rt_timer_t timer, const char *name, void (*timeout)(void *parameter),
                   void *parameter, rt_tick_t time, rt_uint8_t flag)
{
    RT_ASSERT(timer != RT_NULL);
    RT_ASSERT(timeout != RT_NULL);
    rt_object_init(&timer->parent, RT_Object_Class_Timer, name);
    timer_init_fields(timer, timeout, parameter, time, flag);
}

/* Unlink from whatever list the timer is in (active list or a callback's run list). */
static void timer_unlink(rt_timer_t timer)
{
    int i;

    for (i = 0; i < RT_TIMER_SKIP_LIST_LEVEL; i++)
        rt_list_remove(&timer->row[i]);
}

rt_err_t rt_timer_detach(rt_timer_t timer)
{
    rt_base_t level;

    RT_ASSERT(timer != RT_NULL);
    RT_ASSERT(rt_object_get_type(&timer->parent) == RT_Object_Class_Timer);
    RT_ASSERT(rt_object_is_systemobject(&timer->parent));
    level = rt_hw_interrupt_disable();
    timer_unlink(timer);
    timer->parent.flag &= ~RT_TIMER_FLAG_ACTIVATED;
    rt_hw_interrupt_enable(level);
    rt_object_detach(&timer->parent);
    return RT_EOK;
}

#ifdef RT_USING_HEAP
rt_timer_t rt_timer_create(const char *name, void (*timeout)(void *parameter), void *parameter,
                           rt_tick_t time, rt_uint8_t flag)
{
    rt_timer_t timer;

    RT_ASSERT(timeout != RT_NULL);
    timer = (rt_timer_t)rt_object_allocate(RT_Object_Class_Timer, name);
    if (timer != RT_NULL)
        timer_init_fields(timer, timeout, parameter, time, flag);
    return timer;
}

rt_err_t rt_timer_delete(rt_timer_t timer)
{
    rt_base_t level;

    RT_ASSERT(timer != RT_NULL);
    RT_ASSERT(rt_object_get_type(&timer->parent) == RT_Object_Class_Timer);
    RT_ASSERT(!rt_object_is_systemobject(&timer->parent));
    level = rt_hw_interrupt_disable();
    timer_unlink(timer);
    timer->parent.flag &= ~RT_TIMER_FLAG_ACTIVATED;
    rt_hw_interrupt_enable(level);
    rt_object_delete(&timer->parent);
    return RT_EOK;
}
#endif

/* Insert in timeout order, after timers expiring at the same tick. Interrupts disabled. */
static void timer_insert(rt_list_t *list, rt_timer_t timer)
{
    rt_list_t *node;

    rt_list_for_each(node, list)
    {
        rt_timer_t t = rt_list_entry(node, struct rt_timer, row[RT_TIMER_SKIP_LIST_LEVEL - 1]);

        if ((rt_int32_t)(t->timeout_tick - timer->timeout_tick) > 0)
            break;
    }
    rt_list_insert_before(node, &timer->row[RT_TIMER_SKIP_LIST_LEVEL - 1]);
}

#ifdef RT_USING_TIMER_SOFT
/* Set while the timer thread sleeps in its own wait (not inside a callback that blocks). */
static rt_bool_t timer_thread_waiting;

/* A soft timer may now expire earlier than the timer thread is sleeping for: wake it so it
 * recomputes its sleep. Interrupts disabled. */
static rt_bool_t timer_kick_thread(rt_timer_t timer)
{
    if (!(timer->parent.flag & RT_TIMER_FLAG_SOFT_TIMER) || !timer_thread_waiting)
        return RT_FALSE;
    timer_thread_waiting = RT_FALSE;
    timer_thread.error = -RT_EINTR;
    return rt_thread_resume(&timer_thread) == RT_EOK;
}
#endif

rt_err_t rt_timer_start(rt_timer_t timer)
{
    rt_base_t level;
    rt_bool_t need_schedule = RT_FALSE;

    RT_ASSERT(timer != RT_NULL);
    RT_ASSERT(rt_object_get_type(&timer->parent) == RT_Object_Class_Timer);
    if (timer->init_tick >= RT_TICK_MAX / 2)
        return -RT_ERROR;
    level = rt_hw_interrupt_disable();
    timer_unlink(timer);
    timer->timeout_tick = rt_tick_get() + timer->init_tick;
    timer_insert(timer_list_of(timer), timer);
    timer->parent.flag |= RT_TIMER_FLAG_ACTIVATED;
#ifdef RT_USING_TIMER_SOFT
    need_schedule = timer_kick_thread(timer);
#endif
    rt_hw_interrupt_enable(level);
    if (need_schedule)
        rt_schedule();
    return RT_EOK;
}

rt_err_t rt_timer_stop(rt_timer_t timer)
{
    rt_base_t level;

    RT_ASSERT(timer != RT_NULL);
    RT_ASSERT(rt_object_get_type(&timer->parent) == RT_Object_Class_Timer);
    level = rt_hw_interrupt_disable();
    if (!(timer->parent.flag & RT_TIMER_FLAG_ACTIVATED)) {
        rt_hw_interrupt_enable(level);
        return -RT_ERROR;
    }
    timer_unlink(timer);
    timer->parent.flag &= ~RT_TIMER_FLAG_ACTIVATED;
    rt_hw_interrupt_enable(level);
    return RT_EOK;
}

static rt_err_t timer_control_get(rt_timer_t timer, int cmd, void *arg)
{
    switch (cmd) {
    case RT_TIMER_CTRL_GET_TIME: *(rt_tick_t *)arg = timer->init_tick; break;
    case RT_TIMER_CTRL_GET_STATE:
        *(rt_uint32_t *)arg = (timer->parent.flag & RT_TIMER_FLAG_ACTIVATED)
                                  ? RT_TIMER_FLAG_ACTIVATED
                                  : RT_TIMER_FLAG_DEACTIVATED;
        break;
    case RT_TIMER_CTRL_GET_REMAIN_TIME: *(rt_tick_t *)arg = timer->timeout_tick; break;
    case RT_TIMER_CTRL_GET_FUNC: *(void **)arg = (void *)timer->timeout_func; break;
    case RT_TIMER_CTRL_GET_PARM: *(void **)arg = timer->parameter; break;
    default: return -RT_EINVAL;
    }
    return RT_EOK;
}

rt_err_t rt_timer_control(rt_timer_t timer, int cmd, void *arg)
{
    rt_base_t level;
    rt_err_t result = RT_EOK;

    RT_ASSERT(timer != RT_NULL);
    RT_ASSERT(rt_object_get_type(&timer->parent) == RT_Object_Class_Timer);
    level = rt_hw_interrupt_disable();
    switch (cmd) {
    case RT_TIMER_CTRL_SET_TIME:
        RT_ASSERT(arg != RT_NULL);
        timer->init_tick = *(rt_tick_t *)arg;
        break;
    case RT_TIMER_CTRL_SET_ONESHOT: timer->parent.flag &= ~RT_TIMER_FLAG_PERIODIC; break;
    case RT_TIMER_CTRL_SET_PERIODIC: timer->parent.flag |= RT_TIMER_FLAG_PERIODIC; break;
    case RT_TIMER_CTRL_SET_FUNC: timer->timeout_func = (void (*)(void *))arg; break;
    case RT_TIMER_CTRL_SET_PARM: timer->parameter = arg; break;
    default: result = arg == RT_NULL ? -RT_EINVAL : timer_control_get(timer, cmd, arg); break;
    }
    rt_hw_interrupt_enable(level);
    return result;
}

/* First timer of `list` if it has expired at `now`, else RT_NULL. Interrupts disabled. */
static rt_timer_t timer_first_expired(rt_list_t *list, rt_tick_t now)
{
    rt_timer_t t;

    if (rt_list_isempty(list))
        return RT_NULL;
    t = rt_list_entry(list->next, struct rt_timer, row[RT_TIMER_SKIP_LIST_LEVEL - 1]);
    return timer_tick_reached(now, t->timeout_tick) ? t : RT_NULL;
}

/* Run one expired timer. While the callback runs the timer sits alone in `running`: if the
 * callback restarts, stops or deletes it, `running` ends up empty and the timer must not be
 * touched afterwards. `unlock` runs the callback with interrupts enabled (soft timers). */
static void timer_fire(rt_timer_t t, rt_base_t *level, rt_bool_t unlock)
{
    rt_list_t running;

    rt_list_init(&running);
    timer_unlink(t);
    if (!(t->parent.flag & RT_TIMER_FLAG_PERIODIC))
        t->parent.flag &= ~RT_TIMER_FLAG_ACTIVATED;
    rt_list_insert_after(&running, &t->row[RT_TIMER_SKIP_LIST_LEVEL - 1]);
    RT_OBJECT_HOOK_CALL(timer_enter_hook, (t));
    if (unlock)
        rt_hw_interrupt_enable(*level);
    t->timeout_func(t->parameter);
    if (unlock)
        *level = rt_hw_interrupt_disable();
    if (rt_list_isempty(&running))
        return;
    RT_OBJECT_HOOK_CALL(timer_exit_hook, (t));
    rt_list_remove(&running);
    if ((t->parent.flag & (RT_TIMER_FLAG_PERIODIC | RT_TIMER_FLAG_ACTIVATED)) ==
        (RT_TIMER_FLAG_PERIODIC | RT_TIMER_FLAG_ACTIVATED)) {
        /* a zero period still waits one tick, or this check would loop forever */
        t->timeout_tick = rt_tick_get() + (t->init_tick > 0 ? t->init_tick : 1);
        timer_insert(timer_list_of(t), t);
    }
}

void rt_timer_check(void)
{
    rt_base_t level = rt_hw_interrupt_disable();
    rt_tick_t now = rt_tick_get();
    rt_timer_t t;

    while ((t = timer_first_expired(&timer_hard_list, now)) != RT_NULL)
        timer_fire(t, &level, RT_FALSE);
    rt_hw_interrupt_enable(level);
}

static rt_tick_t timer_next_in(rt_list_t *list)
{
    rt_base_t level = rt_hw_interrupt_disable();
    rt_tick_t next = RT_TICK_MAX;

    if (!rt_list_isempty(list))
        next = rt_list_entry(list->next, struct rt_timer, row[RT_TIMER_SKIP_LIST_LEVEL - 1])
                   ->timeout_tick;
    rt_hw_interrupt_enable(level);
    return next;
}

rt_tick_t rt_timer_next_timeout_tick(void)
{
    return timer_next_in(&timer_hard_list);
}

#ifdef RT_USING_TIMER_SOFT
static void timer_soft_check(void)
{
    rt_base_t level = rt_hw_interrupt_disable();
    rt_timer_t t;

    while ((t = timer_first_expired(&timer_soft_list, rt_tick_get())) != RT_NULL)
        timer_fire(t, &level, RT_TRUE);
    rt_hw_interrupt_enable(level);
}

/* Sleep until the first soft timer is due, or until rt_timer_start() wakes us because an
 * earlier one was started. Deciding and suspending happen under one interrupt lock so that
 * no start can slip in between. */
static void timer_thread_wait(void)
{
    rt_thread_t self = rt_thread_self();
    rt_base_t level = rt_hw_interrupt_disable();
    rt_tick_t next = timer_next_in(&timer_soft_list);
    rt_tick_t now = rt_tick_get();

    if (!rt_list_isempty(&timer_soft_list) && timer_tick_reached(now, next)) {
        rt_hw_interrupt_enable(level);
        return;
    }
    rt_thread_suspend_with_flag(self, RT_UNINTERRUPTIBLE);
    if (!rt_list_isempty(&timer_soft_list)) {
        rt_tick_t ticks = next - now;

        rt_timer_control(&self->thread_timer, RT_TIMER_CTRL_SET_TIME, &ticks);
        rt_timer_start(&self->thread_timer);
    }
    timer_thread_waiting = RT_TRUE;
    rt_hw_interrupt_enable(level);
    rt_schedule();
    level = rt_hw_interrupt_disable();
    timer_thread_waiting = RT_FALSE;
    rt_hw_interrupt_enable(level);
}

static void timer_thread_entry(void *parameter)
{
    RT_UNUSED(parameter);
    for (;;) {
        timer_thread_wait();
        timer_soft_check();
    }
}
#endif

/* The lists are statically initialised, so timers started during board init survive. */
void rt_system_timer_init(void)
{
}

void rt_system_timer_thread_init(void)
{
#ifdef RT_USING_TIMER_SOFT
    rt_thread_init(&timer_thread, "timer", timer_thread_entry, RT_NULL, timer_thread_stack,
                   sizeof(timer_thread_stack), RT_TIMER_THREAD_PRIO, 10);
    rt_thread_startup(&timer_thread);
#endif
}
